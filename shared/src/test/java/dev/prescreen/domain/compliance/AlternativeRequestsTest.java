package dev.prescreen.domain.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prescreen.domain.DomainException;
import dev.prescreen.domain.Ids;
import dev.prescreen.domain.audit.AuditAction;
import dev.prescreen.domain.audit.AuditTrail;
import dev.prescreen.domain.interview.Interview;
import dev.prescreen.domain.interview.InterviewRepository;
import dev.prescreen.domain.interview.InterviewState;
import dev.prescreen.domain.interview.InvitationTokens;
import dev.prescreen.domain.plan.FollowUps;
import dev.prescreen.domain.session.OpenSession;
import dev.prescreen.domain.webhook.WebhookEvent;
import dev.prescreen.testing.InMemoryAlternativeRequests;
import dev.prescreen.testing.InMemoryAuditLog;
import dev.prescreen.testing.InMemoryInterviewRepository;
import dev.prescreen.testing.InMemoryPlanRepository;
import dev.prescreen.testing.MutableClock;
import dev.prescreen.testing.RecordingMailer;
import dev.prescreen.testing.Screenings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The alternative process: a candidate asks from their link (before consenting too), the link stops expiring, the
 * hiring team is emailed once and the event published; a recruiter resolves it, the time left is given back and
 * extra answer time granted; every decision is on the audit trail.
 */
class AlternativeRequestsTest {

    private static final Instant AT = Instant.parse("2026-12-01T09:00:00Z");

    private final MutableClock clock = new MutableClock(AT);
    private final InMemoryInterviewRepository interviews = new InMemoryInterviewRepository();
    private final InMemoryPlanRepository plans = new InMemoryPlanRepository();
    private final InMemoryAlternativeRequests requests = new InMemoryAlternativeRequests();
    private final RecordingMailer mailer = new RecordingMailer();
    private final List<WebhookEvent> published = new ArrayList<>();
    private final InMemoryAuditLog auditLog = new InMemoryAuditLog();
    private final AlternativeRequests service = new AlternativeRequests(interviews, plans, requests, mailer,
            published::add, new AuditTrail(auditLog, AuditTrail.MIN_RETENTION_DAYS, clock), clock);
    private final String token = InvitationTokens.newToken();
    private String interviewId;

    @BeforeEach
    void invited() {
        plans.create(Screenings.plan(AT, FollowUps.DEFAULT));
        interviewId = Ids.newId("iv", clock);
        Interview interview = Screenings.interview(interviewId, "cd_1", InterviewState.INVITED, AT);
        interviews.create(interview, new InterviewRepository.TokenRecord(InvitationTokens.hash(token),
                Screenings.ORG, interviewId, interview.expiresAt()));
    }

    private Interview interview() {
        return interviews.find(Screenings.ORG, interviewId).orElseThrow();
    }

    @Test
    void aRequestStopsTheLinkExpiringEmailsTheHiringTeamOnceAndIsPublished() {
        AlternativeRequests.Requested first = service.request(token, "  I use a screen reader <b>and</b> need more time.  ");

        assertThat(first.created()).isTrue();
        assertThat(first.request().text()).isEqualTo("I use a screen reader <b>and</b> need more time.");
        assertThat(first.request().notifiedAt()).isEqualTo(AT);
        assertThat(interview().accommodation().requestOpen()).isTrue();
        // the link's token is kept while the hiring team decides, not only a month past the original expiry
        assertThat(interviews.findToken(InvitationTokens.hash(token)).orElseThrow().expiresAt())
                .isEqualTo(AT.plus(AlternativeRequests.LINK_KEPT_WHILE_OPEN));
        // past the original expiry the link still opens, and the expiry sweep leaves it alone
        clock.advance(Duration.ofDays(10));
        assertThat(interview().expiredAt(clock.instant())).isFalse();
        assertThat(OpenSession.of(token, interviews, plans, clock.instant()).interview().interviewId())
                .isEqualTo(interviewId);
        assertThat(interviews.overdue(clock.instant(), 10)).isEmpty();

        assertThat(mailer.sent()).singleElement().satisfies(email -> {
            assertThat(email.to()).containsExactly("hiring@acme.example");
            assertThat(email.text()).contains("I use a screen reader <b>and</b> need more time.").contains("cd_1")
                    .contains(first.request().requestId());
            assertThat(email.html()).contains("&lt;b&gt;and&lt;/b&gt;").doesNotContain("<b>and</b>");
        });
        assertThat(published).singleElement().satisfies(event -> {
            assertThat(event.type().wireName()).isEqualTo("alternative.requested");
            assertThat(event.data()).containsEntry("requestId", first.request().requestId());
        });

        // a second click while it is open returns the same request and sends nothing more
        AlternativeRequests.Requested again = service.request(token, "Something else");
        assertThat(again.created()).isFalse();
        assertThat(again.request().requestId()).isEqualTo(first.request().requestId());
        assertThat(mailer.sent()).hasSize(1);
        assertThat(published).hasSize(1);
    }

    @Test
    void anEmailThatCannotGoNowIsSentByTheHourlyJob() {
        mailer.throttleNext(1);
        AlternativeRequest request = service.request(token, "Please call me instead.").request();
        assertThat(request.notifiedAt()).isNull();
        assertThat(mailer.sent()).isEmpty();

        assertThat(service.notifyPending()).isEqualTo(1);
        assertThat(mailer.sent()).hasSize(1);
        assertThat(requests.find(Screenings.ORG, request.requestId()).orElseThrow().notifiedAt()).isNotNull();
        assertThat(service.notifyPending()).isZero();
        assertThat(mailer.sent()).hasSize(1);
    }

    @Test
    void aRequestNoOneCanBeToldAboutLeavesTheQueueInsteadOfBlockingIt() {
        // refused for good (the recipients' addresses), or its candidate erased before the email could go
        mailer.rejectNext(1);
        AlternativeRequest refused = service.request(token, "Please call me instead.").request();
        assertThat(refused.notifiedAt()).isNotNull();
        assertThat(requests.unnotified(10)).isEmpty();

        AlternativeRequest erased = new AlternativeRequest("ar_2", Screenings.ORG, Screenings.PLAN_ID, "iv_x", "cd_x",
                null, AlternativeRequest.Status.OPEN, AT, null, null, null, null, null, 1);
        requests.create(erased);
        assertThat(service.notifyPending()).isEqualTo(1);
        assertThat(requests.unnotified(10)).isEmpty();
        assertThat(mailer.sent()).isEmpty();
    }

    @Test
    void aResolutionWhoseInterviewStepWasLostIsFinishedByResolvingAgain() {
        AlternativeRequest request = service.request(token, "More time please").request();
        // the request marked resolved, the interview step lost (a crash between the two writes)
        requests.replace(request.resolved(AT, "sub", "granted", 30), request.revision());

        // resolving it again finishes the interview's step instead of answering "already resolved"
        assertThat(service.resolve(Screenings.ORG, request.requestId(), "granted", 30, "sub").status())
                .isEqualTo(AlternativeRequest.Status.RESOLVED);
        assertThat(interview().accommodation().requestOpen()).isFalse();
        assertThat(interview().accommodation().extraAnswerSeconds()).isEqualTo(30);
        assertThatThrownBy(() -> service.resolve(Screenings.ORG, request.requestId(), "again", null, "sub"))
                .isInstanceOf(DomainException.Conflict.class);
    }

    @Test
    void resolvingGivesTheTimeLeftBackGrantsExtraTimeAndIsAudited() {
        Instant expiry = interview().expiresAt();
        clock.advance(Duration.ofDays(2));
        AlternativeRequest request = service.request(token, "More time please").request();
        clock.advance(Duration.ofDays(20));

        AlternativeRequest resolved = service.resolve(Screenings.ORG, request.requestId(), " Granted 60 s more. ", 60,
                "recruiter-sub-1");

        assertThat(resolved.status()).isEqualTo(AlternativeRequest.Status.RESOLVED);
        assertThat(resolved.note()).isEqualTo("Granted 60 s more.");
        Interview after = interview();
        assertThat(after.accommodation().requestOpen()).isFalse();
        assertThat(after.accommodation().extraAnswerSeconds()).isEqualTo(60);
        assertThat(after.answerSeconds(plans.find(Screenings.ORG, Screenings.PLAN_ID).orElseThrow())).isEqualTo(120 + 60);
        // five days were left when the candidate asked; they get those five from now
        assertThat(after.expiresAt()).isEqualTo(clock.instant().plus(Duration.between(AT.plus(Duration.ofDays(2)),
                expiry)));
        assertThat(auditLog.kept()).singleElement().satisfies(kept -> {
            assertThat(kept.entry().action()).isEqualTo(AuditAction.ALTERNATIVE_RESOLVED);
            assertThat(kept.entry().actor()).isEqualTo("recruiter-sub-1");
            assertThat(kept.entry().candidateId()).isEqualTo("cd_1");
            assertThat(kept.entry().detail()).doesNotContain("Granted");
            assertThat(kept.keepUntil()).isEqualTo(clock.instant().plus(Duration.ofDays(183)));
        });

        assertThatThrownBy(() -> service.resolve(Screenings.ORG, request.requestId(), "again", null, "r"))
                .isInstanceOf(DomainException.Conflict.class).hasMessageContaining("already resolved");
        // a new request after resolution is a new one
        assertThat(service.request(token, "One more thing").created()).isTrue();
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        assertThatThrownBy(() -> service.request(token, "   ")).isInstanceOfSatisfying(
                DomainException.InvalidInput.class, e -> assertThat(e.errors().get(0).field()).isEqualTo("text"));
        assertThatThrownBy(() -> service.request(token, "x".repeat(2001))).isInstanceOfSatisfying(
                DomainException.InvalidInput.class, e -> assertThat(e.errors().get(0).field()).isEqualTo("text"));
        AlternativeRequest request = service.request(token, "Need help").request();
        assertThatThrownBy(() -> service.resolve(Screenings.ORG, request.requestId(), "", null, "r"))
                .isInstanceOfSatisfying(DomainException.InvalidInput.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("note"));
        assertThatThrownBy(() -> service.resolve(Screenings.ORG, request.requestId(), "ok", 601, "r"))
                .isInstanceOfSatisfying(DomainException.InvalidInput.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("extraAnswerSeconds"));
        assertThatThrownBy(() -> service.resolve("other-org", request.requestId(), "ok", null, "r"))
                .isInstanceOf(DomainException.NotFound.class);
        assertThatThrownBy(() -> service.request("not-a-token", "x")).isInstanceOf(DomainException.NotFound.class);
    }

    @Test
    void extraTimeIsGrantedBeforeTheInterviewIsFinishedOnly() {
        Interview granted = service.grantExtraTime(Screenings.ORG, interviewId, 90, "recruiter-sub-2");
        assertThat(granted.accommodation().extraAnswerSeconds()).isEqualTo(90);
        assertThat(auditLog.kept()).singleElement().satisfies(kept ->
                assertThat(kept.entry().action()).isEqualTo(AuditAction.ACCOMMODATION_GRANTED));

        Interview current = interview();
        interviews.replace(current.withState(InterviewState.SUBMITTED, clock.instant()), current.revision());
        assertThatThrownBy(() -> service.grantExtraTime(Screenings.ORG, interviewId, 30, "r"))
                .isInstanceOf(DomainException.Conflict.class).hasMessageContaining("submitted");
        assertThatThrownBy(() -> service.grantExtraTime(Screenings.ORG, "iv_unknown", 30, "r"))
                .isInstanceOf(DomainException.NotFound.class);
    }
}
