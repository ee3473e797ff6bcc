package dev.prescreen.domain.candidate;

import dev.prescreen.domain.ConcurrentWrites;
import dev.prescreen.domain.email.Mailer;
import dev.prescreen.domain.interview.Interview;
import dev.prescreen.domain.interview.InterviewRepository;
import dev.prescreen.domain.interview.InterviewState;
import dev.prescreen.domain.interview.Invitations;
import dev.prescreen.domain.plan.Plan;
import dev.prescreen.domain.plan.PlanService;
import dev.prescreen.domain.webhook.WebhookEvent;
import dev.prescreen.domain.webhook.WebhookEventType;
import dev.prescreen.domain.webhook.WebhookPorts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Sends each candidate one invitation, at most once even under redelivery or a crash: the send intent is
 * recorded with a conditional write before the email goes out, and a redelivered message that finds the
 * intent sends nothing. Throttling undoes the intent and fails the message, so the queue retries it later.
 */
public final class InvitationService {

    public static final Duration REMINDER_BEFORE_EXPIRY = Duration.ofHours(24);
    private static final int REMINDER_BATCH = 200;
    /** A bound on one run (40,000 interviews), should writes keep conflicting; the next run goes on. */
    private static final int MAX_ROUNDS = 200;

    private final CandidateRepository candidates;
    private final PlanService plans;
    private final InterviewRepository interviews;
    private final Invitations invitations;
    private final Mailer mailer;
    private final dev.prescreen.domain.report.UsageMeter usage;
    private final String candidatePageUrl;
    private final WebhookPorts.Publisher events;
    private final Clock clock;

    public InvitationService(CandidateRepository candidates, PlanService plans, InterviewRepository interviews,
            Mailer mailer, dev.prescreen.domain.report.UsageMeter usage, String candidatePageUrl,
            WebhookPorts.Publisher events, Clock clock) {
        this.events = events;
        this.candidates = candidates;
        this.plans = plans;
        this.interviews = interviews;
        this.invitations = new Invitations(interviews, clock);
        this.mailer = mailer;
        this.usage = usage;
        this.candidatePageUrl = candidatePageUrl;
        this.clock = clock;
    }

    public enum Outcome { SENT, ALREADY_HANDLED, FAILED }

    public String link(String token) {
        return candidatePageUrl + "#" + token;
    }

    public Outcome invite(String organisation, String candidateId) {
        Optional<Candidate> found = candidates.find(organisation, candidateId);
        if (found.isEmpty() || found.get().state() != CandidateState.SCHEDULED) {
            return Outcome.ALREADY_HANDLED;
        }
        Candidate candidate = found.get();
        if (candidate.notice() != null && candidate.notice().sentAt() == null) {
            // the organisation requires notice ahead of the interview and none reached this candidate: no invitation
            move(organisation, candidateId, CandidateState.SCHEDULED,
                    c -> c.withState(CandidateState.FAILED, null, null, "the advance notice was not delivered"));
            return Outcome.FAILED;
        }
        // The plan freezes with its first invitation: candidates must all face the same questions.
        Plan plan = plans.freeze(organisation, candidate.planId());
        if (plan.status() == Plan.PlanStatus.ARCHIVED) {
            move(organisation, candidateId, CandidateState.SCHEDULED,
                    c -> c.withState(CandidateState.FAILED, null, null, "the plan was archived"));
            return Outcome.FAILED;
        }
        Invitations.Opened opened = invitations.openOrReissue(plan, candidate.interviewId(), candidateId,
                candidate.batchId());
        Instant now = clock.instant();
        Candidate intent = candidate.withState(CandidateState.SENDING, now, null, null);
        if (!candidates.replace(intent, candidate.revision())) {
            return Outcome.ALREADY_HANDLED;
        }
        String messageId;
        try {
            messageId = mailer.send(InvitationEmails.invitation(plan, candidate, link(opened.token()),
                    opened.interview().expiresAt()));
        } catch (Mailer.Throttled e) {
            // Give the send back to the queue: undo the intent so the retry may send.
            move(organisation, candidateId, CandidateState.SENDING,
                    c -> c.withState(CandidateState.SCHEDULED, null, null, null));
            throw e;
        } catch (Mailer.Rejected e) {
            move(organisation, candidateId, CandidateState.SENDING,
                    c -> c.withState(CandidateState.FAILED, now, null, "the email was rejected"));
            return Outcome.FAILED;
        }
        candidates.rememberMessage(messageId, organisation, candidateId);
        Instant sentAt = clock.instant();
        move(organisation, candidateId, CandidateState.SENDING,
                c -> c.withState(CandidateState.SENT, now, sentAt, null));
        meterEmail(organisation, "email#invitation#" + candidateId);
        events.publish(new WebhookEvent(WebhookEvent.idFor(WebhookEventType.INVITATION_SENT, candidateId, now),
                WebhookEventType.INVITATION_SENT, organisation, sentAt, Map.of("candidateId", candidateId,
                        "interviewId", opened.interview().interviewId(), "planId", plan.planId(),
                        "expiresAt", opened.interview().expiresAt().toString())));
        return Outcome.SENT;
    }

    /**
     * The advance notice, at most once per candidate: the intent is recorded before the email goes out, as for the
     * invitation. A candidate no longer scheduled (cancelled, erased) gets none.
     */
    public Outcome giveNotice(String organisation, String candidateId) {
        Optional<Candidate> found = candidates.find(organisation, candidateId);
        if (found.isEmpty() || found.get().state() != CandidateState.SCHEDULED || found.get().notice() == null
                || found.get().notice().intentAt() != null) {
            return Outcome.ALREADY_HANDLED;
        }
        Candidate candidate = found.get();
        Plan plan = plans.get(organisation, candidate.planId());
        Optional<Batch> batch = candidates.findBatch(organisation, candidate.planId(), candidate.batchId());
        if (batch.isEmpty()) {
            return Outcome.ALREADY_HANDLED;
        }
        Instant now = clock.instant();
        Candidate intent = candidate.withNotice(candidate.notice().intended(now));
        if (!candidates.replace(intent, candidate.revision())) {
            return Outcome.ALREADY_HANDLED;
        }
        String messageId;
        try {
            messageId = mailer.send(InvitationEmails.advanceNotice(plan, candidate, batch.get().sendAt()));
        } catch (Mailer.Throttled e) {
            ConcurrentWrites.retry("candidateId", "the candidate", () -> {
                Candidate c = candidates.find(organisation, candidateId).orElse(null);
                return c == null || c.notice() == null || c.notice().sentAt() != null
                        || candidates.replace(c.withNotice(AdvanceNotice.due(c.notice().businessDays())), c.revision());
            });
            throw e;
        } catch (Mailer.Rejected e) {
            return Outcome.FAILED;
        }
        candidates.rememberMessage(messageId, organisation, candidateId);
        Instant sentAt = clock.instant();
        ConcurrentWrites.retry("candidateId", "the candidate", () -> {
            Candidate c = candidates.find(organisation, candidateId).orElse(null);
            return c == null || c.notice() == null
                    || candidates.replace(c.withNotice(c.notice().sent(sentAt)), c.revision());
        });
        meterEmail(organisation, "email#notice#" + candidateId);
        return Outcome.SENT;
    }

    /** Reminds candidates who have not started and whose link expires within a day; expires overdue links. */
    public int remind() {
        return remind(clock.instant());
    }

    /** {@link #remind()} as of a moment: what was due then (priming runs it as of 1970, when nothing was). */
    public int remind(Instant now) {
        int reminded = 0;
        // Every interview handled leaves the index page (reminded, or expired), so the next page is new.
        List<Interview> page;
        int rounds = 0;
        do {
            page = interviews.awaitingStart(now.plus(REMINDER_BEFORE_EXPIRY), REMINDER_BATCH);
            for (Interview interview : page) {
                if (interview.expiredAt(now)) {
                    expire(interview);
                } else if (remind(interview)) {
                    reminded++;
                }
            }
        } while (page.size() == REMINDER_BATCH && ++rounds < MAX_ROUNDS);
        rounds = 0;
        do {
            page = interviews.overdue(now, REMINDER_BATCH);
            page.forEach(this::expire);
        } while (page.size() == REMINDER_BATCH && ++rounds < MAX_ROUNDS);
        return reminded;
    }

    private boolean remind(Interview interview) {
        Optional<Candidate> candidate = candidates.find(interview.organisation(), interview.candidateId())
                .filter(c -> c.state() == CandidateState.SENT);
        if (candidate.isEmpty()) {
            // Undeliverable or erased: nothing to send; mark it so it leaves the reminder queue (a lost write here
            // leaves it for the next hourly run, which finds it again).
            interviews.replace(interview.withReminder(clock.instant()), interview.revision());
            return false;
        }
        // The reminder's intent: at most one reminder per interview, whatever happens after this write.
        if (!interviews.replace(interview.withReminder(clock.instant()), interview.revision())) {
            return false;
        }
        Plan plan = plans.get(interview.organisation(), interview.planId());
        Invitations.Opened opened = invitations.reissue(interview);
        String messageId = mailer.send(InvitationEmails.reminder(plan, candidate.get(), link(opened.token()),
                interview.expiresAt()));
        candidates.rememberMessage(messageId, interview.organisation(), interview.candidateId());
        meterEmail(interview.organisation(), "email#reminder#" + interview.interviewId());
        return true;
    }

    /**
     * Moves a candidate on from {@code from}; a candidate that has left that state meanwhile (erased, cancelled,
     * bounced) is left as it is.
     */
    private void move(String organisation, String candidateId, CandidateState from, UnaryOperator<Candidate> change) {
        ConcurrentWrites.retry("candidateId", "the candidate", () -> {
            Candidate c = candidates.find(organisation, candidateId).orElse(null);
            return c == null || c.state() != from || candidates.replace(change.apply(c), c.revision());
        });
    }

    private void meterEmail(String organisation, String eventId) {
        usage.record(organisation, java.time.YearMonth.from(clock.instant().atZone(java.time.ZoneOffset.UTC)), eventId,
                java.util.Map.of("emails", 1.0));
    }

    private void expire(Interview overdue) {
        ConcurrentWrites.retry("interviewId", "the interview", () -> {
            Interview interview = interviews.find(overdue.organisation(), overdue.interviewId()).orElse(null);
            // a candidate's open alternative-process request stops the clock: their link does not expire meanwhile
            return interview == null || interview.state() != InterviewState.INVITED
                    || interview.accommodation().requestOpen()
                    || interviews.replace(interview.withState(InterviewState.EXPIRED, clock.instant()),
                            interview.revision());
        });
    }

    /** A bounce or complaint: no more email to this candidate. */
    public boolean undeliverable(String messageId, String reason) {
        Optional<String[]> recipient = candidates.messageRecipient(messageId);
        if (recipient.isEmpty()) {
            return false;
        }
        return ConcurrentWrites.retry("candidateId", "the candidate", () -> {
            Optional<Candidate> candidate = candidates.find(recipient.get()[0], recipient.get()[1]);
            if (candidate.isEmpty() || candidate.get().state() == CandidateState.UNDELIVERABLE
                    || candidate.get().state() == CandidateState.ERASED) {
                return Optional.of(false);
            }
            Candidate c = candidate.get();
            return candidates.replace(c.withState(CandidateState.UNDELIVERABLE, c.sendIntentAt(), c.sentAt(), reason),
                    c.revision()) ? Optional.of(true) : Optional.empty();
        }) && bounced(recipient.get()[0], recipient.get()[1], messageId);
    }

    /** invitation.bounced, once per undeliverable message (its id is the event's). */
    private boolean bounced(String organisation, String candidateId, String messageId) {
        Instant now = clock.instant();
        events.publish(new WebhookEvent(WebhookEvent.idFor(WebhookEventType.INVITATION_BOUNCED, messageId, now),
                WebhookEventType.INVITATION_BOUNCED, organisation, now, Map.of("candidateId", candidateId)));
        return true;
    }
}
