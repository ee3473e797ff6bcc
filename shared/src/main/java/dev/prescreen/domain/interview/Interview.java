package dev.prescreen.domain.interview;

import java.time.Instant;

/**
 * One candidate's screening against one plan. Holds no name or email: those stay with the candidate
 * record, so nothing downstream (transcription, scoring) can see them.
 *
 * @param deliveredAt when its report went out to the recipients; until then a submitted or completed interview is
 *                    open work that the pipeline reconciler finishes if a crash left it behind
 */
public record Interview(
        String interviewId,
        String organisation,
        String planId,
        String planVersion,
        String candidateId,
        String batchId,
        String tokenHash,
        InterviewState state,
        Instant invitedAt,
        Instant expiresAt,
        Consent consent,
        Instant startedAt,
        Instant submittedAt,
        Instant completedAt,
        int followUpsAsked,
        Instant remindedAt,
        Instant deliveredAt,
        Accommodation accommodation,
        long revision) {

    public Interview {
        // interviews stored before accommodations existed had none
        accommodation = accommodation == null ? Accommodation.NONE : accommodation;
    }

    /** Past its expiry, unless an alternative-process request of the candidate's is open (then it never expires). */
    public boolean expiredAt(Instant now) {
        return !accommodation.requestOpen() && !now.isBefore(expiresAt);
    }

    /** The time the candidate has for each answer: the plan's, and any extra time granted as an accommodation. */
    public int answerSeconds(dev.prescreen.domain.plan.Plan plan) {
        return plan.answerSeconds() + accommodation.extraAnswerSeconds();
    }

    /** The same interview adapted; {@code newExpiresAt} moves the link's expiry (a resolved request gives time back). */
    public Interview withAccommodation(Accommodation newAccommodation, Instant newExpiresAt) {
        return new Interview(interviewId, organisation, planId, planVersion, candidateId, batchId, tokenHash, state,
                invitedAt, newExpiresAt, consent, startedAt, submittedAt, completedAt, followUpsAsked, remindedAt,
                deliveredAt, newAccommodation, revision + 1);
    }

    public Interview withState(InterviewState newState, Instant now) {
        return new Interview(interviewId, organisation, planId, planVersion, candidateId, batchId, tokenHash, newState,
                invitedAt, expiresAt, consent, startedAt,
                newState == InterviewState.SUBMITTED && submittedAt == null ? now : submittedAt,
                newState == InterviewState.COMPLETED && completedAt == null ? now : completedAt,
                followUpsAsked, remindedAt, deliveredAt, accommodation, revision + 1);
    }

    public Interview withConsent(Consent newConsent) {
        return new Interview(interviewId, organisation, planId, planVersion, candidateId, batchId, tokenHash,
                InterviewState.IN_PROGRESS, invitedAt, expiresAt, newConsent, newConsent.at(), submittedAt,
                completedAt, followUpsAsked, remindedAt, deliveredAt, accommodation, revision + 1);
    }

    public Interview withFollowUpAsked() {
        return new Interview(interviewId, organisation, planId, planVersion, candidateId, batchId, tokenHash, state,
                invitedAt, expiresAt, consent, startedAt, submittedAt, completedAt, followUpsAsked + 1, remindedAt,
                deliveredAt, accommodation, revision + 1);
    }

    public Interview withToken(String newTokenHash) {
        return new Interview(interviewId, organisation, planId, planVersion, candidateId, batchId, newTokenHash, state,
                invitedAt, expiresAt, consent, startedAt, submittedAt, completedAt, followUpsAsked, remindedAt,
                deliveredAt, accommodation, revision + 1);
    }

    public Interview withReminder(Instant at) {
        return new Interview(interviewId, organisation, planId, planVersion, candidateId, batchId, tokenHash, state,
                invitedAt, expiresAt, consent, startedAt, submittedAt, completedAt, followUpsAsked, at, deliveredAt, accommodation,
                revision + 1);
    }

    public Interview withDelivered(Instant at) {
        return new Interview(interviewId, organisation, planId, planVersion, candidateId, batchId, tokenHash, state,
                invitedAt, expiresAt, consent, startedAt, submittedAt, completedAt, followUpsAsked, remindedAt, at, accommodation,
                revision + 1);
    }

    /** The candidate is done: submitted, or completed with its report built. */
    public boolean finished() {
        return state == InterviewState.SUBMITTED || state == InterviewState.COMPLETED;
    }

    /** Submitted or completed, and its report not yet delivered: work the pipeline still owes. */
    public boolean awaitingDelivery() {
        return (state == InterviewState.SUBMITTED || state == InterviewState.COMPLETED) && deliveredAt == null;
    }
}
