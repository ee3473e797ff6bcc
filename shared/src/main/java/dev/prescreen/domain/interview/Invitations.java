package dev.prescreen.domain.interview;

import dev.prescreen.domain.Ids;
import dev.prescreen.domain.plan.Plan;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Opens an interview for a candidate: the interview, and the token of their personal link. */
public final class Invitations {

    private final InterviewRepository interviews;
    private final Clock clock;

    public Invitations(InterviewRepository interviews, Clock clock) {
        this.interviews = interviews;
        this.clock = clock;
    }

    /** The interview and the one copy of its token (only the hash is stored). */
    public record Opened(Interview interview, String token) {
    }

    /**
     * Opens an interview on a frozen plan; the link expires after the plan's invitation window. The
     * interview id may be given so that a redelivered invitation reuses it.
     */
    public Opened open(Plan plan, String interviewId, String candidateId, String batchId) {
        if (!plan.frozen()) {
            throw new IllegalStateException("a plan is frozen before its first invitation");
        }
        Instant now = clock.instant();
        String id = interviewId != null ? interviewId : Ids.newId("iv", clock);
        String token = InvitationTokens.newToken();
        String hash = InvitationTokens.hash(token);
        Instant expiresAt = now.plus(Duration.ofDays(plan.invitationWindowDays()));
        Interview interview = new Interview(id, plan.organisation(), plan.planId(), plan.version(), candidateId, batchId,
                hash, InterviewState.INVITED, now, expiresAt, null, null, null, null, 0, null, null, null, 1);
        if (!interviews.create(interview, new InterviewRepository.TokenRecord(hash, plan.organisation(), id, expiresAt))) {
            throw new IllegalStateException("interview " + id + " exists already");
        }
        return new Opened(interview, token);
    }

    /**
     * Opens the interview, or when it exists (a retried invitation, a reminder) issues it a fresh token:
     * the one copy of the token is in the email, so a new email needs a new token.
     */
    public Opened openOrReissue(Plan plan, String interviewId, String candidateId, String batchId) {
        Optional<Interview> existing = interviews.find(plan.organisation(), interviewId);
        if (existing.isEmpty()) {
            return open(plan, interviewId, candidateId, batchId);
        }
        return reissue(existing.get());
    }

    /** A further valid token for an existing interview; earlier tokens stay valid until the link expires. */
    public Opened reissue(Interview interview) {
        String token = InvitationTokens.newToken();
        String hash = InvitationTokens.hash(token);
        interviews.addToken(new InterviewRepository.TokenRecord(hash, interview.organisation(), interview.interviewId(),
                interview.expiresAt()));
        return new Opened(interview, token);
    }
}
