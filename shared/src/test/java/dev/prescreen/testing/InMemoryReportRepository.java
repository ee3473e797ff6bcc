package dev.prescreen.testing;

import dev.prescreen.domain.Page;
import dev.prescreen.domain.report.Report;
import dev.prescreen.domain.report.ReportRepository;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The report repository's contract in memory, with write conflicts that a test can inject. */
public final class InMemoryReportRepository implements ReportRepository {

    private final Map<String, Report> reports = new ConcurrentHashMap<>();
    private final LostWrites lost = new LostWrites();

    /** The next {@code count} conditional replacements lose, as to a concurrent writer. */
    public void loseNextWrites(int count) {
        lost.loseNext(count);
    }

    @Override
    public boolean create(Report report) {
        return reports.putIfAbsent(report.organisation() + "/" + report.interviewId(), report) == null;
    }

    @Override
    public Optional<Report> find(String organisation, String interviewId) {
        return Optional.ofNullable(reports.get(organisation + "/" + interviewId));
    }

    @Override
    public synchronized boolean replace(Report report, long expectedRevision) {
        String key = report.organisation() + "/" + report.interviewId();
        Report current = reports.get(key);
        if (current == null || current.revision() != expectedRevision) {
            return false;
        }
        if (lost.loses()) {
            return false;
        }
        reports.put(key, report);
        return true;
    }

    @Override
    public Page<Report> ranked(String organisation, String planId, int limit, String cursor) {
        return new Page<>(ofPlan(organisation, planId).stream().limit(limit).toList(), Optional.empty());
    }

    @Override
    public int[] rankOf(String organisation, String planId, Integer overall) {
        List<Report> all = ofPlan(organisation, planId);
        long better = all.stream().filter(r -> r.overall() != null && overall != null && r.overall() > overall).count();
        return new int[] {(int) better + 1, all.size()};
    }

    @Override
    public void delete(String organisation, String interviewId) {
        reports.remove(organisation + "/" + interviewId);
    }

    private List<Report> ofPlan(String organisation, String planId) {
        return reports.values().stream().filter(r -> r.organisation().equals(organisation) && r.planId().equals(planId))
                .sorted(Comparator.comparing((Report r) -> r.overall() == null ? -1 : r.overall()).reversed()).toList();
    }
}
