package dev.prescreen.domain.audit;

import dev.prescreen.domain.DomainException;
import dev.prescreen.domain.Ids;
import dev.prescreen.domain.Page;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The append-only record of who did what to a candidate's data. Entries are kept for the configured days, which can
 * never be set below six months (the EU AI Act's minimum for a high-risk system's logs).
 */
public final class AuditTrail {

    /** The shortest keep time allowed: six months, rounded up. */
    public static final int MIN_RETENTION_DAYS = 183;
    /** The keep time when none is configured: a year, so last year's audit can be checked against this year's. */
    public static final int DEFAULT_RETENTION_DAYS = 400;
    public static final int MAX_PAGE = 500;

    private final AuditLog log;
    private final Duration retention;
    private final Clock clock;

    public AuditTrail(AuditLog log, int retentionDays, Clock clock) {
        if (retentionDays < MIN_RETENTION_DAYS) {
            throw new IllegalArgumentException("the audit trail is kept at least " + MIN_RETENTION_DAYS
                    + " days, not " + retentionDays);
        }
        this.log = log;
        this.retention = Duration.ofDays(retentionDays);
        this.clock = clock;
    }

    /** Who acts and on what: the ids an entry names. */
    public record Subject(String candidateId, String interviewId, String planId) {
    }

    public AuditEntry record(String organisation, String actor, AuditAction action, Subject subject, String detail) {
        Instant now = clock.instant();
        AuditEntry entry = new AuditEntry(Ids.newId("au", clock), organisation, now, actor == null ? "unknown" : actor,
                action, subject.candidateId(), subject.interviewId(), subject.planId(), detail);
        log.append(entry, now.plus(retention));
        return entry;
    }

    public Page<AuditEntry> find(String organisation, AuditLog.AuditQuery query, int limit, String cursor) {
        if (query.candidateId() != null && !Ids.looksLike("cd", query.candidateId())) {
            throw new DomainException.InvalidInput("candidateId", "is not a candidate id");
        }
        if (query.planId() != null && !Ids.looksLike("pl", query.planId())) {
            throw new DomainException.InvalidInput("planId", "is not a plan id");
        }
        if (query.from() != null && query.to() != null && !query.from().isBefore(query.to())) {
            throw new DomainException.InvalidInput("to", "must be after from");
        }
        if (limit < 1 || limit > MAX_PAGE) {
            throw new DomainException.InvalidInput("limit", "must be from 1 to " + MAX_PAGE);
        }
        return log.find(organisation, query, limit, cursor);
    }
}
