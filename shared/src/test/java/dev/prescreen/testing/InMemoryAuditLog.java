package dev.prescreen.testing;

import dev.prescreen.domain.Page;
import dev.prescreen.domain.audit.AuditEntry;
import dev.prescreen.domain.audit.AuditLog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

public final class InMemoryAuditLog implements AuditLog {

    /** What was appended, with the keep time it was given. */
    public record Kept(AuditEntry entry, Instant keepUntil) {
    }

    private final List<Kept> kept = new ArrayList<>();

    @Override
    public synchronized void append(AuditEntry entry, Instant keepUntil) {
        kept.add(new Kept(entry, keepUntil));
    }

    @Override
    public synchronized Page<AuditEntry> find(String organisation, AuditQuery query, int limit, String cursor) {
        return new Page<>(kept.stream().map(Kept::entry).filter(e -> e.organisation().equals(organisation))
                .filter(e -> query.candidateId() == null || query.candidateId().equals(e.candidateId()))
                .filter(e -> query.planId() == null || query.planId().equals(e.planId()))
                .filter(e -> query.from() == null || !e.at().isBefore(query.from()))
                .filter(e -> query.to() == null || e.at().isBefore(query.to()))
                .sorted(Comparator.comparing(AuditEntry::at)).limit(limit).toList(), Optional.empty());
    }

    public synchronized List<Kept> kept() {
        return List.copyOf(kept);
    }
}
