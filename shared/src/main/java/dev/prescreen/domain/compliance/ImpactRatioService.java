package dev.prescreen.domain.compliance;

import dev.prescreen.domain.DomainException;
import dev.prescreen.domain.Ids;
import dev.prescreen.domain.Page;
import dev.prescreen.domain.audit.AuditAction;
import dev.prescreen.domain.audit.AuditTrail;
import dev.prescreen.domain.plan.Plan;
import dev.prescreen.domain.plan.PlanRepository;
import dev.prescreen.domain.report.Report;
import dev.prescreen.domain.report.ReportRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Impact ratios for a bias audit, of one plan or of the whole organisation over a period: every scored candidate
 * (a report with an overall score) is in the sample, with their self-identification when they gave one. Only this
 * aggregate reads self-identifications, and it returns counts and rates, never an individual's answer: a dimension
 * with too few candidates of known category is withheld ({@link ImpactRatios#disclosed}).
 */
public final class ImpactRatioService {

    private static final int PAGE = 500;

    private final PlanRepository plans;
    private final ReportRepository reports;
    private final SelfIdentifications.Reader selfIdentifications;
    private final AuditTrail audit;
    private final Clock clock;

    public ImpactRatioService(PlanRepository plans, ReportRepository reports,
            SelfIdentifications.Reader selfIdentifications, AuditTrail audit, Clock clock) {
        this.plans = plans;
        this.reports = reports;
        this.selfIdentifications = selfIdentifications;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The figures and what they cover: a plan, or the organisation's interviews completed in [from, to); the scorer
     * versions of the reports counted.
     */
    public record ImpactRatioReport(String scope, String planId, Instant from, Instant to, Instant generatedAt,
            List<String> scorerVersions, ImpactRatios.Result result) {
    }

    public ImpactRatioReport forPlan(String organisation, String planId, String actor) {
        if (!Ids.looksLike("pl", planId)) {
            throw new DomainException.NotFound("plan");
        }
        plans.find(organisation, planId).orElseThrow(() -> new DomainException.NotFound("plan"));
        Map<String, SelfIdentification> given = selfIdentifications.ofPlan(organisation, planId);
        Sample sample = new Sample();
        sample.addPlan(organisation, planId, given, null, null);
        audit.record(organisation, actor, AuditAction.IMPACT_RATIOS_READ, new AuditTrail.Subject(null, null, planId),
                null);
        return new ImpactRatioReport("plan", planId, null, null, clock.instant(), List.copyOf(sample.versions),
                ImpactRatios.disclosed(ImpactRatios.of(sample.outcomes)));
    }

    public ImpactRatioReport forOrganisation(String organisation, Instant from, Instant to, String actor) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new DomainException.InvalidInput("to", "must be after from");
        }
        Map<String, SelfIdentification> given = selfIdentifications.ofOrganisation(organisation);
        Sample sample = new Sample();
        String cursor = null;
        do {
            Page<Plan> page = plans.list(organisation, PAGE, cursor);
            page.items().forEach(plan -> sample.addPlan(organisation, plan.planId(), given, from, to));
            cursor = page.nextCursor().orElse(null);
        } while (cursor != null);
        audit.record(organisation, actor, AuditAction.IMPACT_RATIOS_READ, new AuditTrail.Subject(null, null, null),
                (from == null ? "" : "from " + from) + (to == null ? "" : " to " + to));
        return new ImpactRatioReport("organisation", null, from, to, clock.instant(), List.copyOf(sample.versions),
                ImpactRatios.disclosed(ImpactRatios.of(sample.outcomes)));
    }

    /** The scored candidates gathered so far, and the scorer versions that scored them. */
    private final class Sample {
        final List<ImpactRatios.Outcome> outcomes = new ArrayList<>();
        final Set<String> versions = new TreeSet<>();

        void addPlan(String organisation, String planId, Map<String, SelfIdentification> given, Instant from,
                Instant to) {
            String cursor = null;
            do {
                Page<Report> page = reports.ranked(organisation, planId, PAGE, cursor);
                for (Report report : page.items()) {
                    if (report.overall() == null || report.passed() == null || !within(report, from, to)) {
                        continue;
                    }
                    outcomes.add(new ImpactRatios.Outcome(given.get(report.interviewId()), report.passed(),
                            report.overall()));
                    versions.add(report.scorerVersion());
                }
                cursor = page.nextCursor().orElse(null);
            } while (cursor != null);
        }

        private boolean within(Report report, Instant from, Instant to) {
            Instant at = report.completedAt();
            return (from == null || at != null && !at.isBefore(from)) && (to == null || at != null && at.isBefore(to));
        }
    }
}
