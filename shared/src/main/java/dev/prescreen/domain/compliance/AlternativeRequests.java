package dev.prescreen.domain.compliance;

import dev.prescreen.domain.ConcurrentWrites;
import dev.prescreen.domain.DomainException;
import dev.prescreen.domain.Ids;
import dev.prescreen.domain.Page;
import dev.prescreen.domain.Text;
import dev.prescreen.domain.audit.AuditAction;
import dev.prescreen.domain.audit.AuditTrail;
import dev.prescreen.domain.email.Mailer;
import dev.prescreen.domain.interview.Accommodation;
import dev.prescreen.domain.interview.Interview;
import dev.prescreen.domain.interview.InterviewRepository;
import dev.prescreen.domain.interview.InvitationTokens;
import dev.prescreen.domain.plan.Plan;
import dev.prescreen.domain.plan.PlanRepository;
import dev.prescreen.domain.session.OpenSession;
import dev.prescreen.domain.webhook.WebhookEvent;
import dev.prescreen.domain.webhook.WebhookEventType;
import dev.prescreen.domain.webhook.WebhookPorts;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The alternative process (NYC Local Law 144) and accommodations: a candidate asks from their link, in their words;
 * the request is recorded, their link stops expiring, the hiring team is emailed and {@code alternative.requested}
 * is published; a recruiter resolves it with a note and, if they grant it, extra answer time.
 */
public final class AlternativeRequests {

    public static final int MAX_TEXT = 2000;
    public static final int MAX_NOTE = 2000;
    /**
     * How long the link a candidate asked from is kept while their request is open: its token would otherwise lapse
     * a month after the original expiry, while the interview waits on the hiring team.
     */
    public static final java.time.Duration LINK_KEPT_WHILE_OPEN = java.time.Duration.ofDays(365);
    private static final int NOTIFY_BATCH = 100;
    private static final String REQUEST = "requestId";
    private static final String THE_INTERVIEW = "the interview";

    private final InterviewRepository interviews;
    private final PlanRepository plans;
    private final AlternativeRequestRepository requests;
    private final Mailer mailer;
    private final WebhookPorts.Publisher events;
    private final AuditTrail audit;
    private final Clock clock;

    /** {@code audit} may be null where no recruiter acts (the candidate's session, the hourly job). */
    public AlternativeRequests(InterviewRepository interviews, PlanRepository plans,
            AlternativeRequestRepository requests, Mailer mailer, WebhookPorts.Publisher events, AuditTrail audit,
            Clock clock) {
        this.interviews = interviews;
        this.plans = plans;
        this.requests = requests;
        this.mailer = mailer;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    /** What the candidate's request came to; {@code created} is false when an open one was returned instead. */
    public record Requested(AlternativeRequest request, boolean created) {
    }

    /**
     * The candidate asks. One request is open at a time: asking again while one is open returns it. Allowed before
     * consent (the button is on the notice) and until the link expires.
     */
    public Requested request(String token, String text) {
        String trimmed = written("text", text, MAX_TEXT, "say what you need");
        OpenSession session = OpenSession.of(token, interviews, plans, clock.instant());
        Optional<AlternativeRequest> open = openRequest(session.interview());
        if (open.isPresent()) {
            return new Requested(notify(open.get()), false);
        }
        Interview interview = session.interview();
        Instant now = clock.instant();
        AlternativeRequest created = new AlternativeRequest(Ids.newId("ar", clock), interview.organisation(),
                interview.planId(), interview.interviewId(), interview.candidateId(), trimmed,
                AlternativeRequest.Status.OPEN, now, null, null, null, null, null, 1);
        // The request exists before the interview points at it: a crash between leaves a request the recruiters
        // still see and resolve, never an interview waiting on a request that does not exist.
        requests.create(created);
        Optional<AlternativeRequest> other = ConcurrentWrites.retry(REQUEST, THE_INTERVIEW, () -> {
            OpenSession current = OpenSession.of(token, interviews, plans, clock.instant());
            Optional<AlternativeRequest> theirs = openRequest(current.interview());
            if (theirs.isPresent()) {
                // our own claim, when a write that went through was reported lost and this is its retry
                return Optional.of(theirs.filter(r -> !r.requestId().equals(created.requestId())));
            }
            Interview i = current.interview();
            return interviews.replace(i.withAccommodation(i.accommodation().withRequest(created.requestId(), now),
                    i.expiresAt()), i.revision()) ? Optional.of(Optional.<AlternativeRequest>empty()) : Optional.empty();
        });
        if (other.isPresent()) {
            // another tab's request got there first: that one stands
            requests.delete(created.organisation(), created.requestId());
            return new Requested(notify(other.get()), false);
        }
        interviews.keepToken(new InterviewRepository.TokenRecord(InvitationTokens.hash(token), interview.organisation(),
                interview.interviewId(), now.plus(LINK_KEPT_WHILE_OPEN)));
        events.publish(new WebhookEvent(WebhookEvent.idFor(WebhookEventType.ALTERNATIVE_REQUESTED,
                created.requestId(), now), WebhookEventType.ALTERNATIVE_REQUESTED, created.organisation(), now,
                Map.of("requestId", created.requestId(), "candidateId", String.valueOf(created.candidateId()),
                        "interviewId", created.interviewId(), "planId", created.planId())));
        return new Requested(notify(created), true);
    }

    /** The request the interview waits on, if it is still open (a resolution whose interview write was lost is not). */
    private Optional<AlternativeRequest> openRequest(Interview interview) {
        return interview.accommodation().requestOpen()
                ? requests.find(interview.organisation(), interview.accommodation().requestId())
                        .filter(r -> r.status() == AlternativeRequest.Status.OPEN)
                : Optional.empty();
    }

    /**
     * Emails the hiring team about a request once; if the email cannot go now (throttled, refused), the request
     * stays unnotified and the hourly job tries again.
     */
    private AlternativeRequest notify(AlternativeRequest request) {
        if (request.notifiedAt() != null || request.status() != AlternativeRequest.Status.OPEN) {
            return request;
        }
        Optional<Plan> plan = plans.find(request.organisation(), request.planId());
        // an erased candidate's request (its words gone) or a deleted plan has no one to tell: it leaves the queue
        if (plan.isPresent() && request.text() != null) {
            try {
                mailer.send(AlternativeRequestEmails.toHiringTeam(plan.get(), request));
            } catch (Mailer.Throttled e) {
                return request;
            } catch (Mailer.Rejected e) {
                // refused for good (the recipients' addresses): retrying cannot help; the request stays listed open
                dev.prescreen.observability.Log.warn("alternative.notify_refused",
                        Map.of("requestId", request.requestId()));
            }
        }
        AlternativeRequest notified = request.notified(clock.instant());
        return requests.replace(notified, request.revision()) ? notified
                : requests.find(request.organisation(), request.requestId()).orElse(notified);
    }

    /** The hourly job: emails the hiring teams of requests not yet notified. Returns how many were notified. */
    public int notifyPending() {
        int notified = 0;
        for (AlternativeRequest request : requests.unnotified(NOTIFY_BATCH)) {
            if (notify(request).notifiedAt() != null) {
                notified++;
            }
        }
        return notified;
    }

    /** The organisation's requests, as a recruiter lists them (audited). */
    public Page<AlternativeRequest> list(String organisation, String status, int limit, String cursor, String actor) {
        AlternativeRequest.Status wanted = status == null ? null : switch (status) {
            case "open" -> AlternativeRequest.Status.OPEN;
            case "resolved" -> AlternativeRequest.Status.RESOLVED;
            default -> throw new DomainException.InvalidInput("status", "must be open or resolved");
        };
        Page<AlternativeRequest> page = requests.list(organisation, wanted, limit, cursor);
        audit.record(organisation, actor, AuditAction.ALTERNATIVE_REQUESTS_READ, new AuditTrail.Subject(null, null,
                null), page.items().size() + " requests");
        return page;
    }

    /** One request, as a recruiter reads it (audited). */
    public AlternativeRequest read(String organisation, String requestId, String actor) {
        AlternativeRequest request = get(organisation, requestId);
        audit.record(organisation, actor, AuditAction.ALTERNATIVE_REQUESTS_READ, new AuditTrail.Subject(
                request.candidateId(), request.interviewId(), request.planId()), "request " + requestId);
        return request;
    }

    private AlternativeRequest get(String organisation, String requestId) {
        if (!Ids.looksLike("ar", requestId)) {
            throw new DomainException.NotFound("alternative request");
        }
        return requests.find(organisation, requestId)
                .orElseThrow(() -> new DomainException.NotFound("alternative request"));
    }

    /**
     * A recruiter resolves the request with a note (what was decided: another process, an interview with a person,
     * extra time) and optionally grants extra answer time. The link's expiry resumes with the time it had left.
     */
    public AlternativeRequest resolve(String organisation, String requestId, String note, Integer extraAnswerSeconds,
            String actor) {
        String checkedNote = written("note", note, MAX_NOTE, "what was decided");
        checkExtra(extraAnswerSeconds);
        AlternativeRequest resolved = ConcurrentWrites.retry(REQUEST, "the request", () -> {
            AlternativeRequest request = get(organisation, requestId);
            if (request.status() == AlternativeRequest.Status.RESOLVED) {
                if (interviewStillWaits(request)) {
                    // an earlier resolution was recorded but its interview step was lost: finish that one
                    return Optional.of(request);
                }
                throw new DomainException.Conflict(REQUEST, "the request is already resolved");
            }
            AlternativeRequest changed = request.resolved(clock.instant(), actor, checkedNote, extraAnswerSeconds);
            return requests.replace(changed, request.revision()) ? Optional.of(changed) : Optional.empty();
        });
        Integer granted = resolved.extraAnswerSeconds();
        ConcurrentWrites.retry(REQUEST, THE_INTERVIEW, () -> {
            Interview interview = interviews.find(organisation, resolved.interviewId()).orElse(null);
            if (interview == null || !requestId.equals(interview.accommodation().requestId())) {
                return true;
            }
            Instant now = clock.instant();
            Accommodation accommodation = interview.accommodation().withResolved(now);
            if (granted != null && !interview.finished()) {
                accommodation = accommodation.withExtraAnswerSeconds(granted);
            }
            Instant expiresAt = interview.finished() ? interview.expiresAt()
                    : interview.accommodation().expiryAfterResolution(interview.expiresAt(), now);
            Interview changed = interview.withAccommodation(accommodation, expiresAt);
            if (!interviews.replace(changed, interview.revision())) {
                return false;
            }
            keepLinkUntil(changed);
            return true;
        });
        audit.record(organisation, actor, AuditAction.ALTERNATIVE_RESOLVED, new AuditTrail.Subject(
                resolved.candidateId(), resolved.interviewId(), resolved.planId()), "request " + requestId
                + (granted == null ? "" : ", " + granted + " s extra per answer"));
        return resolved;
    }

    private boolean interviewStillWaits(AlternativeRequest request) {
        return interviews.find(request.organisation(), request.interviewId())
                .map(i -> i.accommodation().requestOpen() && request.requestId().equals(i.accommodation().requestId()))
                .orElse(false);
    }

    /**
     * A recruiter grants one candidate extra time for each answer, as an accommodation (0 takes it back). Refused
     * once the interview is finished, expired or erased.
     */
    public Interview grantExtraTime(String organisation, String interviewId, Integer extraAnswerSeconds,
            String actor) {
        if (extraAnswerSeconds == null) {
            throw new DomainException.InvalidInput("extraAnswerSeconds", "is required");
        }
        checkExtra(extraAnswerSeconds);
        if (!Ids.looksLike("iv", interviewId)) {
            throw new DomainException.NotFound("interview");
        }
        Interview granted = ConcurrentWrites.retry("interviewId", THE_INTERVIEW, () -> {
            Interview interview = interviews.find(organisation, interviewId)
                    .orElseThrow(() -> new DomainException.NotFound("interview"));
            if (interview.finished() || interview.expiredAt(clock.instant())
                    || interview.state() == dev.prescreen.domain.interview.InterviewState.ERASED
                    || interview.state() == dev.prescreen.domain.interview.InterviewState.EXPIRED) {
                throw new DomainException.Conflict("interviewId",
                        "the interview is " + interview.state().name().toLowerCase(java.util.Locale.ROOT)
                                + ": extra time can only be granted before it is finished");
            }
            Interview changed = interview.withAccommodation(
                    interview.accommodation().withExtraAnswerSeconds(extraAnswerSeconds), interview.expiresAt());
            return interviews.replace(changed, interview.revision()) ? Optional.of(changed) : Optional.empty();
        });
        audit.record(organisation, actor, AuditAction.ACCOMMODATION_GRANTED, new AuditTrail.Subject(
                granted.candidateId(), granted.interviewId(), granted.planId()),
                extraAnswerSeconds + " s extra per answer");
        return granted;
    }

    /** The invitation's token of a link whose expiry moved later is kept as long as the link now lives. */
    private void keepLinkUntil(Interview interview) {
        if (interview.tokenHash() != null) {
            interviews.keepToken(new InterviewRepository.TokenRecord(interview.tokenHash(), interview.organisation(),
                    interview.interviewId(), interview.expiresAt()));
        }
    }

    /** What a person wrote, trimmed: required, at most {@code max} characters, valid text; else 400 naming it. */
    private static String written(String field, String value, int max, String whatToWrite) {
        String trimmed = value == null ? "" : value.strip();
        if (trimmed.isEmpty()) {
            throw new DomainException.InvalidInput(field, "is required: " + whatToWrite);
        }
        if (trimmed.length() > max) {
            throw new DomainException.InvalidInput(field, "is longer than " + max + " characters");
        }
        Text.problem(trimmed).ifPresent(problem -> {
            throw new DomainException.InvalidInput(field, problem);
        });
        return trimmed;
    }

    private static void checkExtra(Integer seconds) {
        if (seconds != null && (seconds < 0 || seconds > Accommodation.MAX_EXTRA_ANSWER_SECONDS)) {
            throw new DomainException.InvalidInput("extraAnswerSeconds",
                    "must be from 0 to " + Accommodation.MAX_EXTRA_ANSWER_SECONDS);
        }
    }
}
