package dev.prescreen.domain.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prescreen.domain.DomainException;
import dev.prescreen.domain.audit.AuditAction;
import dev.prescreen.domain.audit.AuditLog;
import dev.prescreen.domain.audit.AuditTrail;
import dev.prescreen.testing.InMemoryAuditLog;
import dev.prescreen.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The audit trail keeps entries at least six months, names people by id only and refuses malformed queries. */
class AuditTrailTest {

    private static final Instant AT = Instant.parse("2026-12-01T09:00:00Z");
    private final MutableClock clock = new MutableClock(AT);
    private final InMemoryAuditLog log = new InMemoryAuditLog();

    @Test
    void aKeepTimeUnderSixMonthsIsRefused() {
        assertThatThrownBy(() -> new AuditTrail(log, 182, clock)).hasMessageContaining("at least 183");
        new AuditTrail(log, 183, clock);
    }

    @Test
    void entriesAreKeptTheConfiguredDaysAndFoundByCandidatePlanAndTime() {
        AuditTrail trail = new AuditTrail(log, 400, clock);
        trail.record("acme", "sub-1", AuditAction.REPORT_READ, new AuditTrail.Subject("cd_01M8HKKW7XR7ZKVK2GHSN6THCA",
                "iv_1", "pl_01M8HKKW7XR7ZKVK2GHSN6THCA"), null);
        clock.advance(Duration.ofHours(1));
        trail.record("acme", "sub-2", AuditAction.CANDIDATE_ERASED, new AuditTrail.Subject("cd_01M8HKKW7XR7ZKVK2GHSN6THCB",
                "iv_2", null), null);
        trail.record("other", "sub-3", AuditAction.REPORT_READ, new AuditTrail.Subject("cd_01M8HKKW7XR7ZKVK2GHSN6THCA",
                "iv_1", null), null);

        assertThat(log.kept().get(0).keepUntil()).isEqualTo(AT.plus(Duration.ofDays(400)));
        assertThat(trail.find("acme", new AuditLog.AuditQuery("cd_01M8HKKW7XR7ZKVK2GHSN6THCA", null, null, null), 10,
                null).items()).singleElement().satisfies(e -> assertThat(e.actor()).isEqualTo("sub-1"));
        assertThat(trail.find("acme", new AuditLog.AuditQuery(null, null, AT.plusSeconds(60), null), 10, null)
                .items()).extracting(e -> e.action()).containsExactly(AuditAction.CANDIDATE_ERASED);
        assertThatThrownBy(() -> trail.find("acme", new AuditLog.AuditQuery("not-a-candidate", null, null, null), 10,
                null)).isInstanceOfSatisfying(DomainException.InvalidInput.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("candidateId"));
        assertThatThrownBy(() -> trail.find("acme", new AuditLog.AuditQuery(null, null, AT, AT), 10, null))
                .isInstanceOf(DomainException.InvalidInput.class);
    }
}
