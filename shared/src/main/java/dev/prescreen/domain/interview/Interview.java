package dev.prescreen.domain.interview;

import java.time.Instant;

/**
 * One candidate's screening against one plan. Holds no name or email: those stay with the candidate
 * record, so nothing downstream (transcription, scoring) can see them.
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
        long revision) {

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public Interview withState(InterviewState newState, Instant now) {
        return new Interview(interviewId, organisation, planId, planVersion, candidateId, batchId, tokenHash, newState,
                invitedAt, expiresAt, consent, startedAt,
                newState == InterviewState.SUBMITTED && submittedAt == null ? now : submittedAt,
                newState == InterviewState.COMPLETED && completedAt == null ? now : completedAt,
                followUpsAsked, remindedAt, revision + 1);
    }

    public Interview withConsent(Consent newConsent) {
        return new Interview(interviewId, organisation, planId, planVersion, candidateId, batchId, tokenHash,
                InterviewState.IN_PROGRESS, invitedAt, expiresAt, newConsent, newConsent.at(), submittedAt,
                completedAt, followUpsAsked, remindedAt, revision + 1);
    }

    public Interview withFollowUpAsked() {
        return new Interview(interviewId, organisation, planId, planVersion, candidateId, batchId, tokenHash, state,
                invitedAt, expiresAt, consent, startedAt, submittedAt, completedAt, followUpsAsked + 1, remindedAt,
                revision + 1);
    }

    public Interview withToken(String newTokenHash) {
        return new Interview(interviewId, organisation, planId, planVersion, candidateId, batchId, newTokenHash, state,
                invitedAt, expiresAt, consent, startedAt, submittedAt, completedAt, followUpsAsked, remindedAt,
                revision + 1);
    }

    public Interview withReminder(Instant at) {
        return new Interview(interviewId, organisation, planId, planVersion, candidateId, batchId, tokenHash, state,
                invitedAt, expiresAt, consent, startedAt, submittedAt, completedAt, followUpsAsked, at, revision + 1);
    }
}
