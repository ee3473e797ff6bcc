package dev.prescreen.domain.candidate;

import java.time.Instant;

/**
 * A person invited to a plan: the only place that holds their name and contact details. The interview id
 * is chosen up front, so a redelivered invitation reuses it.
 */
public record Candidate(
        String candidateId,
        String organisation,
        String planId,
        String batchId,
        String name,
        String email,
        String phone,
        String externalId,
        CandidateState state,
        String interviewId,
        Instant sendIntentAt,
        Instant sentAt,
        String failureReason,
        AdvanceNotice notice,
        long revision) {

    public Candidate withState(CandidateState newState, Instant intentAt, Instant sent, String reason) {
        return new Candidate(candidateId, organisation, planId, batchId, name, email, phone, externalId, newState,
                interviewId, intentAt, sent, reason, notice, revision + 1);
    }

    public Candidate withNotice(AdvanceNotice newNotice) {
        return new Candidate(candidateId, organisation, planId, batchId, name, email, phone, externalId, state,
                interviewId, sendIntentAt, sentAt, failureReason, newNotice, revision + 1);
    }

    /** The same candidate with name and contact details removed. */
    public Candidate erased() {
        return new Candidate(candidateId, organisation, planId, batchId, null, null, null, null, CandidateState.ERASED,
                interviewId, sendIntentAt, sentAt, null, notice, revision + 1);
    }
}
