package dev.prescreen.domain.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prescreen.domain.DomainException;
import dev.prescreen.domain.Ids;
import dev.prescreen.domain.audit.AuditAction;
import dev.prescreen.domain.audit.AuditTrail;
import dev.prescreen.domain.bank.QuestionBanks;
import dev.prescreen.domain.interview.InterviewRepository;
import dev.prescreen.domain.interview.InterviewState;
import dev.prescreen.domain.interview.InvitationTokens;
import dev.prescreen.domain.plan.Answering;
import dev.prescreen.domain.plan.Plan;
import dev.prescreen.domain.report.Report;
import dev.prescreen.scoring.Evidence;
import dev.prescreen.testing.InMemoryAuditLog;
import dev.prescreen.testing.InMemoryInterviewRepository;
import dev.prescreen.testing.InMemoryPlanRepository;
import dev.prescreen.testing.InMemoryReportRepository;
import dev.prescreen.testing.MutableClock;
import dev.prescreen.testing.Screenings;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The explanation of an assessment: the questions, what each type's rubric looks for, the score with the reason and
 * the candidate's own words quoted, that a person reviews and how to ask; in the plan's language, escaped in HTML;
 * refused before scoring, audited when a recruiter reads it.
 */
class ExplanationsTest {

    private static final Instant AT = Instant.parse("2026-12-01T09:00:00Z");
    private static final String QUOTE = "I led the <script>migration</script> myself";

    private final MutableClock clock = new MutableClock(AT);
    private final InMemoryInterviewRepository interviews = new InMemoryInterviewRepository();
    private final InMemoryPlanRepository plans = new InMemoryPlanRepository();
    private final InMemoryReportRepository reports = new InMemoryReportRepository();
    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private final Explanations explanations = new Explanations(reports, plans, interviews, QuestionBanks::builtIn,
            new AuditTrail(audit, AuditTrail.MIN_RETENTION_DAYS, clock), clock);
    private final String interviewId = Ids.newId("iv", clock);
    private final String token = InvitationTokens.newToken();

    private void interview(String language) {
        plans.create(Screenings.plan(AT, language, "en-US", Answering.DEFAULT, "Europe/Berlin"));
        var interview = Screenings.interview(interviewId, "cd_7", InterviewState.SUBMITTED, AT)
                .withState(InterviewState.COMPLETED, AT);
        interviews.create(interview, new InterviewRepository.TokenRecord(InvitationTokens.hash(token),
                Screenings.ORG, interviewId, interview.expiresAt()));
    }

    private void scored() {
        Report.QuestionReport general = new Report.QuestionReport(1, "What languages are you most comfortable coding in?",
                "General", "scored", 4, 3, "anchor", "general.concrete",
                "Direct, relevant and concrete, but no limits acknowledged or some filler.",
                List.of(new Evidence("claim", 0, 10, QUOTE)), List.of(), QUOTE, null, null, false, "typed", List.of(),
                "raised after review", List.of(), List.of());
        Report.QuestionReport review = new Report.QuestionReport(2, "Tell me about a time you split a monolith.",
                "Behavioral", "transcription_failed", null, null, null, null, "needs human review: transcription failed",
                List.of(), List.of(), "", null, null, false, "recording", List.of(), null, List.of(), List.of());
        reports.create(new Report(interviewId, Screenings.ORG, Screenings.PLAN_ID, "v1", "cd_7", "Ada", "Backend Engineer",
                "en-US", "rubric-test", AT, AT, AT, 300, 80, true, 60, List.of(2), List.of(general, review), List.of(),
                null, null, null, 1));
    }

    @Test
    void beforeScoringThereIsNoExplanationYet() {
        interview("en-US");
        assertThatThrownBy(() -> explanations.forCandidate(token)).isInstanceOf(DomainException.Conflict.class)
                .hasMessageContaining("not scored yet");
        assertThatThrownBy(() -> explanations.forRecruiter(Screenings.ORG, interviewId, "sub"))
                .isInstanceOf(DomainException.Conflict.class);
        assertThatThrownBy(() -> explanations.forRecruiter("another-org", interviewId, "sub"))
                .isInstanceOf(DomainException.NotFound.class);
    }

    @Test
    void theCandidateReadsWhatWasAskedWhatTheRubricLooksForTheirScoresAndTheirOwnWords() {
        interview("en-US");
        scored();
        Explanations.Explanation e = explanations.forCandidate(token);

        assertThat(e.text()).contains("How your screening interview for Backend Engineer was assessed")
                .contains("Question 1: What languages are you most comfortable coding in?")
                .contains("What the rubric looks for in a General answer: Clarity, directness")
                .contains("Score: 4/5. Direct, relevant and concrete")
                .contains("A person on the hiring team reviewed this score and set it to 4/5.")
                .contains("From your answer: \"" + QUOTE + "\"")
                .contains("This answer is being reviewed by a person")
                .contains("Your overall score: 80/100, at or above the pass mark")
                .contains("write to hiring@acme.example").contains("cd_7")
                .contains("the pass mark for this role is 60");
        assertThat(e.html()).startsWith("<!doctype html><html lang=\"en-US\"")
                .contains("&lt;script&gt;migration&lt;/script&gt;").doesNotContain("<script>");
        assertThat(audit.kept()).isEmpty();
    }

    @Test
    void itIsWrittenInThePlansLanguageAndARecruitersReadIsAudited() {
        interview("de-DE");
        scored();
        Explanations.Explanation e = explanations.forRecruiter(Screenings.ORG, interviewId, "recruiter-sub");

        assertThat(e.language()).isEqualTo("de-DE");
        assertThat(e.html()).contains("lang=\"de-DE\"");
        assertThat(e.text()).doesNotContain("What the rubric looks for").contains("4/5").contains(QUOTE);
        assertThat(audit.kept()).singleElement().satisfies(kept -> {
            assertThat(kept.entry().action()).isEqualTo(AuditAction.EXPLANATION_READ);
            assertThat(kept.entry().interviewId()).isEqualTo(interviewId);
            assertThat(kept.entry().candidateId()).isEqualTo("cd_7");
        });
    }
}
