package dev.prescreen.domain.compliance;

import java.time.Instant;

/**
 * A candidate's request for an alternative selection process or an accommodation, in their words, and how a
 * recruiter resolved it.
 *
 * @param text              what the candidate wrote; null once the candidate is erased
 * @param notifiedAt        when the hiring team was emailed about it (null until then: the hourly job retries)
 * @param extraAnswerSeconds extra time per answer granted with the resolution, or null
 * @param resolvedBy        the recruiter's subject id
 */
public record AlternativeRequest(String requestId, String organisation, String planId, String interviewId,
        String candidateId, String text, Status status, Instant requestedAt, Instant notifiedAt, Instant resolvedAt,
        String resolvedBy, String note, Integer extraAnswerSeconds, long revision) {

    public enum Status { OPEN, RESOLVED;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public AlternativeRequest notified(Instant at) {
        return new AlternativeRequest(requestId, organisation, planId, interviewId, candidateId, text, status,
                requestedAt, at, resolvedAt, resolvedBy, note, extraAnswerSeconds, revision + 1);
    }

    public AlternativeRequest resolved(Instant at, String by, String resolutionNote, Integer extraSeconds) {
        return new AlternativeRequest(requestId, organisation, planId, interviewId, candidateId, text,
                Status.RESOLVED, requestedAt, notifiedAt, at, by, resolutionNote, extraSeconds, revision + 1);
    }

    /** The candidate's words and the note about them removed (erasure); the ids and dates stay for the audit. */
    public AlternativeRequest erased() {
        return new AlternativeRequest(requestId, organisation, planId, interviewId, candidateId, null, status,
                requestedAt, notifiedAt, resolvedAt, resolvedBy, null, extraAnswerSeconds, revision + 1);
    }
}
