package dev.prescreen.domain.audit;

import dev.prescreen.domain.Page;
import java.time.Instant;

/** Where audit entries are appended and found; entries are never changed, and expire only after their keep time. */
public interface AuditLog {

    /** Appends the entry, kept at least until {@code keepUntil}. */
    void append(AuditEntry entry, Instant keepUntil);

    /** Entries matching the query, oldest first. */
    Page<AuditEntry> find(String organisation, AuditQuery query, int limit, String cursor);

    /** What to look for: any of candidate and plan (null for any), within [from, to). */
    record AuditQuery(String candidateId, String planId, Instant from, Instant to) {
    }
}
