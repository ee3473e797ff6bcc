package dev.prescreen.domain.audit;

import java.time.Instant;

/**
 * One human action on a candidate's data: who (the recruiter's subject id, never a name or an address), when, what,
 * and on which candidate, interview and plan. Holds ids only, so it outlives an erasure as its proof.
 *
 * @param detail what exactly, without personal data (for instance "question 2: 3 -> 4")
 */
public record AuditEntry(String entryId, String organisation, Instant at, String actor, AuditAction action,
        String candidateId, String interviewId, String planId, String detail) {
}
