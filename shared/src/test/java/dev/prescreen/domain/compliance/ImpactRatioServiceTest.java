package dev.prescreen.domain.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prescreen.domain.DomainException;
import dev.prescreen.domain.audit.AuditAction;
import dev.prescreen.domain.audit.AuditTrail;
import dev.prescreen.domain.plan.FollowUps;
import dev.prescreen.domain.report.Report;
import dev.prescreen.testing.InMemoryAuditLog;
import dev.prescreen.testing.InMemoryPlanRepository;
import dev.prescreen.testing.InMemoryReportRepository;
import dev.prescreen.testing.InMemorySelfIdentifications;
import dev.prescreen.testing.MutableClock;
import dev.prescreen.testing.Screenings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The aggregate over stored reports and self-identifications: every scored report is in the sample, joined with the
 * self-identification of its interview; the organisation's period is by completion; a dimension with too few of
 * known category is withheld; every read is audited; another organisation's plan is not found.
 */
class ImpactRatioServiceTest {

    private static final Instant AT = Instant.parse("2026-12-01T09:00:00Z");
    private final MutableClock clock = new MutableClock(AT);
    private final InMemoryPlanRepository plans = new InMemoryPlanRepository();
    private final InMemoryReportRepository reports = new InMemoryReportRepository();
    private final InMemorySelfIdentifications selfIds = new InMemorySelfIdentifications();
    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private final ImpactRatioService service = new ImpactRatioService(plans, reports, selfIds,
            new AuditTrail(audit, AuditTrail.MIN_RETENTION_DAYS, clock), clock);
    private int next;

    @BeforeEach
    void plan() {
        plans.create(Screenings.plan(AT, FollowUps.DEFAULT));
    }

    /** A scored report completed at {@code at}, and the candidate's self-identification (null: none given). */
    private void scored(boolean passed, int overall, Sex sex, RaceEthnicity race, Instant at) {
        String interviewId = "iv_" + (++next);
        reports.create(new Report(interviewId, Screenings.ORG, Screenings.PLAN_ID, "v1", "cd_" + next, "N", "Role",
                "en-US", "rubric-test", at, at, at, 60, overall, passed, 60, List.of(), List.of(), List.of(), null,
                null, null, 1));
        if (sex != null) {
            selfIds.put(Screenings.ORG, Screenings.PLAN_ID, interviewId, new SelfIdentification(sex, race), at);
        }
    }

    @Test
    void tenOrMoreOfKnownCategoryAreShownWithTheirRatesFewerAreWithheld() {
        // six women (five passed), five men (two passed), one who skipped the form; all asian
        for (int i = 0; i < 6; i++) {
            scored(i < 5, i < 5 ? 80 : 40, Sex.FEMALE, RaceEthnicity.ASIAN, AT);
        }
        for (int i = 0; i < 5; i++) {
            scored(i < 2, i < 2 ? 80 : 40, Sex.MALE, RaceEthnicity.ASIAN, AT);
        }
        scored(true, 70, null, null, AT);

        ImpactRatios.Result result = service.forPlan(Screenings.ORG, Screenings.PLAN_ID, "sub").result();

        assertThat(result.sampleSize()).isEqualTo(12);
        ImpactRatios.Dimension sex = result.dimensions().get(0);
        assertThat(sex.withheld()).isFalse();
        assertThat(sex.knownCandidates()).isEqualTo(11);
        assertThat(sex.unknownCandidates()).isEqualTo(1);
        ImpactRatios.Category male = sex.categories().stream().filter(c -> c.category().equals("male")).findFirst()
                .orElseThrow();
        // selection: men 2/5 against women 5/6 -> (2/5)/(5/6) = 12/25 = 0.48, under four-fifths
        assertThat(male.selectionRate()).isEqualTo(0.4);
        assertThat(male.selectionImpactRatio()).isCloseTo(0.48, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(male.belowFourFifths()).isTrue();
        // the intersectional dimension has the same 11 known: shown too
        assertThat(result.dimensions().get(2).withheld()).isFalse();
        assertThat(audit.kept()).singleElement().satisfies(kept ->
                assertThat(kept.entry().action()).isEqualTo(AuditAction.IMPACT_RATIOS_READ));

        // the organisation's period: by completion; nine known in it are too few to show
        clock.advance(Duration.ofDays(10));
        for (int i = 0; i < 9; i++) {
            scored(true, 80, Sex.FEMALE, RaceEthnicity.WHITE, clock.instant());
        }
        ImpactRatios.Result recent = service.forOrganisation(Screenings.ORG, AT.plus(Duration.ofDays(5)), null, "sub")
                .result();
        assertThat(recent.sampleSize()).isEqualTo(9);
        assertThat(recent.dimensions()).allSatisfy(d -> {
            assertThat(d.withheld()).isTrue();
            assertThat(d.categories()).isEmpty();
            assertThat(d.note()).contains("fewer than 10");
        });
        assertThat(service.forOrganisation(Screenings.ORG, null, null, "sub").result().sampleSize()).isEqualTo(21);
    }

    @Test
    void anotherOrganisationsPlanIsNotFoundAndAPeriodMustRunForwards() {
        assertThatThrownBy(() -> service.forPlan("other", Screenings.PLAN_ID, "sub"))
                .isInstanceOf(DomainException.NotFound.class);
        assertThatThrownBy(() -> service.forOrganisation(Screenings.ORG, AT, AT, "sub"))
                .isInstanceOfSatisfying(DomainException.InvalidInput.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("to"));
    }
}
