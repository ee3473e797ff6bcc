package dev.prescreen.domain.candidate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prescreen.domain.Page;
import dev.prescreen.domain.bank.QuestionBanks;
import dev.prescreen.domain.email.Mailer;
import dev.prescreen.domain.interview.Interview;
import dev.prescreen.domain.interview.InterviewState;
import dev.prescreen.domain.interview.Invitations;
import dev.prescreen.domain.plan.FollowUps;
import dev.prescreen.domain.plan.Plan;
import dev.prescreen.domain.plan.PlanRepository;
import dev.prescreen.domain.plan.PlanRules;
import dev.prescreen.domain.plan.PlanService;
import dev.prescreen.testing.InMemoryCandidateRepository;
import dev.prescreen.testing.InMemoryInterviewRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class InvitationServiceTest {

    private static final Instant INVITED = Instant.parse("2026-11-20T09:00:00Z");
    private static final dev.prescreen.domain.report.UsageMeter NO_USAGE = new dev.prescreen.domain.report.UsageMeter() {
        @Override
        public void record(String organisation, java.time.YearMonth month, String eventId,
                java.util.Map<String, Double> amounts) {
        }

        @Override
        public java.util.Map<String, Double> totals(String organisation, java.time.YearMonth month) {
            return java.util.Map.of();
        }
    };
    private final InMemoryCandidateRepository candidates = new InMemoryCandidateRepository();
    private final InMemoryInterviewRepository interviews = new InMemoryInterviewRepository();
    private final List<Mailer.OutgoingEmail> sent = new ArrayList<>();
    private final AtomicInteger messages = new AtomicInteger();
    private final Plan plan = new Plan("pl_01M8HKKW7XR7ZKVK2GHSN6THCA", "acme", "Backend Engineer", null, "en-US", "en-US",
            List.of(), 120, 20, 60, List.of("hiring@acme.example"), FollowUps.DEFAULT, 7, 90, dev.prescreen.domain.plan.Answering.DEFAULT, Plan.DEFAULT_TIME_ZONE, Plan.PlanStatus.ACTIVE,
            INVITED, INVITED, INVITED, 2);

    /** Every read finds the test's (frozen) plan. */
    private PlanRepository plans() {
        return new PlanRepository() {
            @Override
            public void create(Plan created) {
            }

            @Override
            public Optional<Plan> find(String organisation, String planId) {
                return Optional.of(plan);
            }

            @Override
            public Page<Plan> list(String organisation, int limit, String cursor) {
                return new Page<>(List.of(plan), Optional.empty());
            }

            @Override
            public boolean replace(Plan replaced, long expectedRevision) {
                return true;
            }
        };
    }

    private InvitationService service(Instant now) {
        return service(now, email -> {
            sent.add(email);
            return "msg-" + messages.incrementAndGet();
        });
    }

    /** Webhook events the service published. */
    private final java.util.List<dev.prescreen.domain.webhook.WebhookEvent> published = new java.util.ArrayList<>();

    private InvitationService service(Instant now, Mailer mailer) {
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        return new InvitationService(candidates, new PlanService(plans(), new PlanRules(QuestionBanks.builtIn()), clock),
                interviews, mailer, NO_USAGE, "https://page.example/interview/", published::add, clock);
    }

    /** Candidates invited at the same time, all with an interview whose link expires in seven days. */
    private void invite(int count, CandidateState state) {
        Invitations invitations = new Invitations(interviews, Clock.fixed(INVITED, ZoneOffset.UTC));
        List<Candidate> created = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = "cd_" + state + i;
            Candidate candidate = new Candidate(id, "acme", plan.planId(), "bt_1", "Candidate " + i,
                    state.wireName() + i + "@candidates.example", null, null, state, "iv_" + state + i, INVITED, INVITED, null, null, 1);
            created.add(candidate);
            invitations.open(plan, candidate.interviewId(), id, "bt_1");
        }
        candidates.createCandidates(created);
    }

    @Test
    void everyCandidateDueGetsOneReminderEvenBeyondOnePageAndUndeliverableOnesNoneAndNeverBlockTheRest() {
        invite(450, CandidateState.SENT);
        invite(250, CandidateState.UNDELIVERABLE);
        Instant oneDayBeforeExpiry = INVITED.plus(Duration.ofDays(6)).plus(Duration.ofHours(1));

        assertThat(service(oneDayBeforeExpiry).remind()).isEqualTo(450);
        assertThat(sent).hasSize(450).allSatisfy(email -> {
            assertThat(email.subject()).startsWith("Reminder:");
            assertThat(email.text()).contains("https://page.example/interview/#");
        });
        assertThat(service(oneDayBeforeExpiry.plusSeconds(3600)).remind()).as("at most one reminder").isZero();
        assertThat(sent).hasSize(450);
    }

    @Test
    void linksPastTheirWindowAreExpiredReminderOrNot() {
        invite(3, CandidateState.SENT);
        service(INVITED.plus(Duration.ofDays(6)).plus(Duration.ofHours(1))).remind();
        service(INVITED.plus(Duration.ofDays(8))).remind();
        assertThat(interviews.ofPlan("acme", plan.planId())).extracting(Interview::state)
                .containsOnly(InterviewState.EXPIRED);
    }

    @Test
    void theAdvanceNoticeGoesOnceAndTheInvitationThenSaysWhenItWasGiven() {
        Instant sendAt = INVITED.plus(java.time.Duration.ofDays(14));
        candidates.createBatch(new Batch("bt_1", "acme", plan.planId(), sendAt, Batch.BatchStatus.SCHEDULED, 1, 0,
                INVITED, 1));
        candidates.createCandidates(List.of(new Candidate("cd_1", "acme", plan.planId(), "bt_1", "Ada",
                "ada@candidates.example", null, null, CandidateState.SCHEDULED, "iv_1", null, null, null,
                AdvanceNotice.due(10), 1)));

        assertThat(service(INVITED).giveNotice("acme", "cd_1")).isEqualTo(InvitationService.Outcome.SENT);
        assertThat(service(INVITED).giveNotice("acme", "cd_1")).isEqualTo(InvitationService.Outcome.ALREADY_HANDLED);
        assertThat(sent).singleElement().satisfies(notice -> {
            assertThat(notice.subject()).isEqualTo("Notice: an automated screening interview for Backend Engineer");
            assertThat(notice.text()).contains("on or after Friday 4 December 2026")
                    .contains("I would like an alternative or an accommodation").contains("hiring@acme.example")
                    .contains("kept for 90 days");
            assertThat(notice.text()).doesNotContain("https://page.example");
        });
        assertThat(candidates.find("acme", "cd_1").orElseThrow().notice().sentAt()).isEqualTo(INVITED);

        assertThat(service(sendAt).invite("acme", "cd_1")).isEqualTo(InvitationService.Outcome.SENT);
        assertThat(sent).hasSize(2);
        assertThat(sent.get(1).text()).contains("We told you on Friday 20 November 2026 that this interview is "
                + "assessed by an automated tool (10 business days ahead)");
    }

    @Test
    void aCandidateWhoseRequiredNoticeNeverWentOutIsNotInvited() {
        candidates.createCandidates(List.of(new Candidate("cd_2", "acme", plan.planId(), "bt_1", "Bo",
                "bo@candidates.example", null, null, CandidateState.SCHEDULED, "iv_2", null, null, null,
                AdvanceNotice.due(10).intended(INVITED), 1)));

        assertThat(service(INVITED.plus(java.time.Duration.ofDays(14))).invite("acme", "cd_2"))
                .isEqualTo(InvitationService.Outcome.FAILED);
        assertThat(sent).isEmpty();
        Candidate bo = candidates.find("acme", "cd_2").orElseThrow();
        assertThat(bo.state()).isEqualTo(CandidateState.FAILED);
        assertThat(bo.failureReason()).contains("advance notice");
    }

    @Test
    void aThrottledInvitationIsGivenBackToTheQueueAndSentOnTheRetry() {
        Candidate candidate = new Candidate("cd_1", "acme", plan.planId(), "bt_1", "Ada", "ada@candidates.example", null,
                null, CandidateState.SCHEDULED, "iv_1", null, null, null, null, 1);
        candidates.createCandidates(List.of(candidate));
        AtomicInteger attempts = new AtomicInteger();
        InvitationService throttled = service(INVITED, email -> {
            if (attempts.incrementAndGet() == 1) {
                throw new Mailer.Throttled("slow down", null);
            }
            sent.add(email);
            return "msg-1";
        });

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> throttled.invite("acme", "cd_1"))
                .isInstanceOf(Mailer.Throttled.class);
        assertThat(candidates.find("acme", "cd_1").orElseThrow().state()).isEqualTo(CandidateState.SCHEDULED);
        assertThat(throttled.invite("acme", "cd_1")).isEqualTo(InvitationService.Outcome.SENT);
        assertThat(throttled.invite("acme", "cd_1")).isEqualTo(InvitationService.Outcome.ALREADY_HANDLED);
        assertThat(sent).hasSize(1);
        assertThat(candidates.find("acme", "cd_1").orElseThrow().state()).isEqualTo(CandidateState.SENT);
        // one invitation.sent, only for the send that went out
        assertThat(published).singleElement().satisfies(event -> {
            assertThat(event.type().wireName()).isEqualTo("invitation.sent");
            assertThat(event.data()).containsEntry("candidateId", "cd_1").containsKeys("interviewId", "expiresAt")
                    .doesNotContainKeys("email", "name");
        });
        // a bounce: the candidate is undeliverable and the organisation's systems are told, once
        assertThat(throttled.undeliverable("msg-1", "bounced")).isTrue();
        assertThat(throttled.undeliverable("msg-1", "bounced")).isFalse();
        assertThat(published).extracting(e -> e.type().wireName()).containsExactly("invitation.sent", "invitation.bounced");
    }
}
