package dev.prescreen.domain.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prescreen.domain.DomainException;
import dev.prescreen.domain.interview.Answer;
import dev.prescreen.domain.interview.AnswerState;
import dev.prescreen.domain.interview.Interview;
import dev.prescreen.domain.interview.InterviewRepository;
import dev.prescreen.domain.interview.InterviewState;
import dev.prescreen.domain.plan.FollowUps;
import dev.prescreen.domain.plan.Plan;
import dev.prescreen.scoring.QuestionType;
import dev.prescreen.scoring.RubricAnchors;
import dev.prescreen.scoring.ScoreCard;
import dev.prescreen.testing.InMemoryCandidateRepository;
import dev.prescreen.testing.InMemoryInterviewRepository;
import dev.prescreen.testing.InMemoryPlanRepository;
import dev.prescreen.testing.InMemoryRecordings;
import dev.prescreen.testing.InMemoryReportRepository;
import dev.prescreen.testing.InMemoryUsageMeter;
import dev.prescreen.testing.MutableClock;
import dev.prescreen.testing.RecordingMailer;
import dev.prescreen.testing.Screenings;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reports built once, emailed once, delivered; what a crash between intent and send leaves is finished. */
class ReportServiceTest {

    /** Webhook events the service published, in order. */
    private final java.util.List<dev.prescreen.domain.webhook.WebhookEvent> published = new java.util.ArrayList<>();

    private static final Instant AT = Instant.parse("2026-11-20T09:00:00Z");

    private final InMemoryInterviewRepository interviews = new InMemoryInterviewRepository();
    private final InMemoryReportRepository reports = new InMemoryReportRepository();
    private final InMemoryPlanRepository plans = new InMemoryPlanRepository();
    private final InMemoryUsageMeter usage = new InMemoryUsageMeter();
    private final RecordingMailer mailer = new RecordingMailer();
    private final MutableClock clock = new MutableClock(AT);
    private ReportService service;

    @BeforeEach
    void completedInterview() {
        Plan plan = Screenings.plan(AT, new FollowUps(false, 0));
        plans.create(plan);
        Interview interview = Screenings.interview("iv_1", "cd_1", InterviewState.SUBMITTED, AT)
                .withState(InterviewState.COMPLETED, AT);
        interviews.create(interview, new InterviewRepository.TokenRecord("h", "acme", "iv_1", AT.plusSeconds(3600)));
        for (int position = 1; position <= 2; position++) {
            Answer scored = Screenings.typedAwaitingScore(interview, plan, position, "an answer", AT).change(b -> {
                b.state = AnswerState.SCORED;
                b.scoreCard = new ScoreCard(4, RubricAnchors.anchor(QuestionType.GENERAL, 4),
                        "why", List.of(), Set.of(), Map.of(), "v", "rule");
                return b;
            });
            interviews.createAnswer(scored);
        }
        service = new ReportService(reports, interviews, plans, new InMemoryCandidateRepository(),
                new InMemoryRecordings(), mailer, usage, "https://api.example", "rubric-test", published::add, clock);
    }

    private Interview interview() {
        return interviews.find("acme", "iv_1").orElseThrow();
    }

    @Test
    void aCompletedInterviewIsReportedEmailedMeteredAndDeliveredOnce() {
        service.interviewCompleted("acme", "iv_1");
        service.interviewCompleted("acme", "iv_1"); // a redelivery

        Report report = reports.find("acme", "iv_1").orElseThrow();
        assertThat(report.overall()).isEqualTo(75);
        assertThat(report.emailSentAt()).isEqualTo(AT);
        assertThat(mailer.sent()).hasSize(1);
        assertThat(mailer.sent().get(0).to()).containsExactly("hiring@acme.example");
        assertThat(interview().deliveredAt()).isEqualTo(AT);
        assertThat(usage.totals("acme", YearMonth.of(2026, 11))).containsEntry("screenings", 1.0)
                .containsEntry("emails", 1.0);
    }

    @Test
    void aRecruitersOverrideIsPublishedWithTheScoresBeforeAndAfter() {
        service.interviewCompleted("acme", "iv_1");
        published.clear();
        // the API takes only well-formed interview ids: the same report under one
        String id = dev.prescreen.domain.Ids.newId("iv", clock);
        reports.create(dev.prescreen.json.Json.read(dev.prescreen.json.Json.write(reports.find("acme", "iv_1")
                .orElseThrow()).replace("\"iv_1\"", "\"" + id + "\""), Report.class));
        service.review("acme", id, 1, 2, "the example was not the candidate's own", "rita@acme.example");
        assertThat(published).singleElement().satisfies(e -> {
            assertThat(e.type().wireName()).isEqualTo("report.overridden");
            assertThat(e.data()).containsEntry("position", 1).containsEntry("score", 2).containsKeys("previousScore",
                    "overall", "passed", "reportUrl").doesNotContainKey("reason");
        });
    }

    @Test
    void aCompletedInterviewPublishesItsWebhookEventsWithStableIdsAndNoAnswers() {
        service.interviewCompleted("acme", "iv_1");
        assertThat(published).extracting(e -> e.type().wireName()).containsExactly("interview.completed", "report.ready");
        dev.prescreen.domain.webhook.WebhookEvent ready = published.get(1);
        assertThat(ready.data()).containsEntry("interviewId", "iv_1").containsEntry("overall", 75)
                .containsEntry("reportUrl", "https://api.example/interviews/iv_1/report").containsKey("passed");
        assertThat(ready.body()).doesNotContain("transcript", "answer\"");
        // as the fan-out reads them off the queue
        for (dev.prescreen.domain.webhook.WebhookEvent e : published) {
            assertThat(dev.prescreen.json.Json.read(dev.prescreen.json.Json.write(e),
                    dev.prescreen.domain.webhook.WebhookEvent.class).body()).isEqualTo(e.body());
        }
        // a crash before the interview was marked delivered publishes again, with the same ids: received once
        java.util.List<String> first = published.stream().map(e -> e.eventId()).toList();
        published.clear();
        interviews.replace(interview().withDelivered(null), interview().revision());
        service.interviewCompleted("acme", "iv_1");
        assertThat(published).extracting(e -> e.eventId()).containsExactlyElementsOf(first);
        assertThat(first).doesNotHaveDuplicates();
    }

    @Test
    void aReportEmailRefusedForGoodIsRecordedOnTheReportAndNeverTriedAgain() {
        mailer.rejectNext(1);
        service.interviewCompleted("acme", "iv_1");
        clock.advance(ReportService.EMAIL_RESEND_AFTER.multipliedBy(3));
        service.interviewCompleted("acme", "iv_1"); // the reconciler hands it over again

        Report report = reports.find("acme", "iv_1").orElseThrow();
        assertThat(report.emailSentAt()).isNull();
        assertThat(report.emailFailure()).contains("rejected");
        assertThat(mailer.attempts()).isEqualTo(1);
        assertThat(interview().deliveredAt()).as("delivery is settled: the reconciler stops").isNotNull();
    }

    @Test
    void lostReportWritesAreRetried() {
        reports.loseNextWrites(4);
        service.interviewCompleted("acme", "iv_1");
        assertThat(mailer.sent()).hasSize(1);
        assertThat(interview().deliveredAt()).isNotNull();
    }

    @Test
    void anEmailIntentThatCannotBeWrittenFailsTheMessageAndSendsNothing() {
        reports.loseNextWrites(1000);
        assertThatThrownBy(() -> service.interviewCompleted("acme", "iv_1"))
                .isInstanceOf(DomainException.WriteConflict.class);
        assertThat(mailer.sent()).isEmpty();
        assertThat(interview().deliveredAt()).isNull();
    }

    @Test
    void anIntentLeftByACrashIsSentOnceItIsStaleAndNotWhileASendMayBeUnderWay() {
        service.interviewCompleted("acme", "iv_1");
        // the crash: the intent was written, the email never went out and nothing after it happened
        Report sent = reports.find("acme", "iv_1").orElseThrow();
        Report crashed = sent.change(c -> {
            c.emailIntentAt = AT;
            c.emailSentAt = null;
            return c;
        });
        reports.replace(crashed, sent.revision());
        interviews.replace(interview().withDelivered(null), interview().revision());
        int before = mailer.sent().size();

        clock.advance(Duration.ofMinutes(1));
        service.interviewCompleted("acme", "iv_1");
        assertThat(mailer.sent()).hasSize(before);
        assertThat(interview().deliveredAt()).isNull();

        clock.advance(ReportService.EMAIL_RESEND_AFTER);
        service.interviewCompleted("acme", "iv_1");
        assertThat(mailer.sent()).hasSize(before + 1);
        assertThat(reports.find("acme", "iv_1").orElseThrow().emailSentAt()).isNotNull();
        assertThat(interview().deliveredAt()).isNotNull();
    }
}
