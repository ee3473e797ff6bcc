package dev.prescreen.domain.compliance;

import static dev.prescreen.domain.compliance.RaceEthnicity.AMERICAN_INDIAN_OR_ALASKA_NATIVE;
import static dev.prescreen.domain.compliance.RaceEthnicity.ASIAN;
import static dev.prescreen.domain.compliance.RaceEthnicity.BLACK_OR_AFRICAN_AMERICAN;
import static dev.prescreen.domain.compliance.RaceEthnicity.HISPANIC_OR_LATINO;
import static dev.prescreen.domain.compliance.RaceEthnicity.NATIVE_HAWAIIAN_OR_PACIFIC_ISLANDER;
import static dev.prescreen.domain.compliance.RaceEthnicity.TWO_OR_MORE_RACES;
import static dev.prescreen.domain.compliance.RaceEthnicity.WHITE;
import static dev.prescreen.domain.compliance.Sex.FEMALE;
import static dev.prescreen.domain.compliance.Sex.MALE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.prescreen.domain.compliance.ImpactRatios.Category;
import dev.prescreen.domain.compliance.ImpactRatios.Dimension;
import dev.prescreen.domain.compliance.ImpactRatios.Outcome;
import dev.prescreen.domain.compliance.ImpactRatios.Result;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** LL144's selection and scoring rates and their impact ratios, checked against figures worked out by hand. */
class ImpactRatiosTest {

    private static final String LEFT_OUT = "under 2% of the sample (1 of 51): left out of the impact ratios, as LL144"
            + " allows; fewer than 5 candidates";

    /**
     * One candidate per letter: H passed with 80 (above the median), X failed with 80 (above the median, not
     * selected), M passed with 60 (at the median, so not above it), L failed with 40.
     */
    private static void add(List<Outcome> sample, SelfIdentification id, String kinds) {
        for (char kind : kinds.toCharArray()) {
            sample.add(switch (kind) {
                case 'H' -> new Outcome(id, true, 80);
                case 'X' -> new Outcome(id, false, 80);
                case 'M' -> new Outcome(id, true, 60);
                case 'L' -> new Outcome(id, false, 40);
                default -> throw new IllegalArgumentException("kind " + kind);
            });
        }
    }

    private static SelfIdentification id(Sex sex, RaceEthnicity race) {
        return new SelfIdentification(sex, race);
    }

    private static List<Outcome> times(int n, Sex sex, RaceEthnicity race, boolean passed, int overall) {
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            outcomes.add(new Outcome(id(sex, race), passed, overall));
        }
        return outcomes;
    }

    @SafeVarargs
    private static List<Outcome> concat(List<Outcome>... parts) {
        List<Outcome> all = new ArrayList<>();
        for (List<Outcome> part : parts) {
            all.addAll(part);
        }
        return all;
    }

    private static Dimension dimension(Result result, String name) {
        return result.dimensions().stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow();
    }

    private static Category category(Dimension dimension, String code) {
        return dimension.categories().stream().filter(c -> c.category().equals(code)).findFirst().orElseThrow();
    }

    private static void close(Double actual, Double expected, String what) {
        if (expected == null) {
            assertThat(actual).as(what).isNull();
        } else {
            assertThat(actual).as(what).isNotNull().isCloseTo(expected, within(1e-9));
        }
    }

    /** Checks one category's figures; {@code flags} names those set among "excluded", "few" and "below". */
    private static Category expect(Dimension dimension, String code, int candidates, int sampleSize,
            Double selection, Double selectionRatio, Double scoring, Double scoringRatio, String flags) {
        Category c = category(dimension, code);
        String where = dimension.name() + " " + code + ": ";
        Set<String> set = Set.of(flags.split(" "));
        assertThat(c.dimension()).isEqualTo(dimension.name());
        assertThat(c.candidates()).as(where + "candidates").isEqualTo(candidates);
        assertThat(c.shareOfSample()).as(where + "share").isCloseTo(candidates / (double) sampleSize, within(1e-9));
        close(c.selectionRate(), selection, where + "selection rate");
        close(c.selectionImpactRatio(), selectionRatio, where + "selection impact ratio");
        close(c.scoringRate(), scoring, where + "scoring rate");
        close(c.scoringImpactRatio(), scoringRatio, where + "scoring impact ratio");
        assertThat(c.excluded()).as(where + "excluded").isEqualTo(set.contains("excluded"));
        assertThat(c.fewCandidates()).as(where + "few").isEqualTo(set.contains("few"));
        assertThat(c.belowFourFifths()).as(where + "below four-fifths").isEqualTo(set.contains("below"));
        return c;
    }

    /**
     * The hand-worked example: 51 candidates, so that 1 candidate is 1/51 = 1.96% of the sample (under 2%: left
     * out) and 2 candidates are 2/51 = 3.92% (counted, but few). Letters as in {@link #add}.
     *
     * <pre>
     * self-identification            n  letters     passed  above median
     * Male / White                   8  HHHHMMLL    6       4
     * Male / Black                   5  HMMLL       3       1
     * Male / Asian                   4  HHML        3       2
     * Male / Hispanic                3  HLL         1       1
     * Male / Two or more             1  M           1       0
     * Male / Native Hawaiian         1  L           0       0
     * Female / White                 7  HHHMMLL     5       3
     * Female / Black                 6  HXMMLL      3       2
     * Female / Asian                 4  HMML        3       1
     * Female / Hispanic              3  HHL         2       2
     * Female / Two or more           1  L           0       0
     * Male, race declined            1  L           0       0
     * Female, race declined          1  H           1       1
     * sex declined, White            1  M           1       0
     * both declined                  2  ML          1       0
     * skipped the form (null)        3  HML         2       1
     * total                         51             32      18
     * </pre>
     *
     * Overall: 18 at 80 (17 H + 1 X), 15 at 60 (M), 18 at 40; sorted, the 26th of 51 is a 60, so the median is 60 and
     * "above the median" means the 18 at 80 (the M candidates at 60 are not above it).
     *
     * <p>Sex (unknown: sex declined 1 + both declined 2 + skipped 3 = 6; known 45):
     * <pre>
     * male    23 = 22 + 1 race declined; passed 14 → 14/23 = 0.6087; ratio (14/23)/(14/22) = 22/23 = 0.9565
     *                                   above   8 →  8/23 = 0.3478; ratio  (8/23)/(9/22) = 176/207 = 0.8502
     * female  22 = 21 + 1 race declined; passed 14 → 14/22 = 0.6364 (highest); above 9 → 9/22 = 0.4091 (highest)
     * </pre>
     *
     * <p>Race/ethnicity (unknown: race declined 2 + both declined 2 + skipped 3 = 7; known 44):
     * <pre>
     * hispanic   6  passed 3 → 1/2;  ratio (1/2)/(3/4) = 2/3 below  | above 3 → 1/2 (highest); ratio 1
     * white     16  passed 12 → 3/4 (highest); ratio 1              | above 7 → 7/16; ratio (7/16)/(1/2) = 7/8
     * black     11  passed 6 → 6/11; ratio (6/11)/(3/4) = 8/11 below | above 3 → 3/11; ratio 6/11 below
     * hawaiian   1  1/51 under 2%: rates 0/1 = 0 and 0, no ratios (it would have been a selection ratio of 0)
     * asian      8  passed 6 → 3/4 (highest); ratio 1              | above 3 → 3/8; ratio 3/4 below
     * am.indian  0  no candidates
     * two+       2  passed 1 → 1/2;  ratio 2/3 below (few)         | above 0 → 0; ratio 0 below
     * </pre>
     *
     * <p>Sex × race/ethnicity (unknown: 1 + 1 + 1 + 2 + 3 = 8; known 43). Highest selection rate 3/4 (male/white,
     * male/asian, female/asian; the left-out male/two+ at 1/1 does not count); highest scoring rate 2/3
     * (female/hispanic):
     * <pre>
     * male/hispanic    3  sel 1/3, ratio 4/9          score 1/3, ratio 1/2    few, below
     * male/white       8  sel 3/4, ratio 1            score 1/2, ratio 3/4    below
     * male/black       5  sel 3/5, ratio 4/5 = 0.8    score 1/5, ratio 3/10   below (by scoring; 0.8 is not)
     * male/hawaiian    1  under 2%: sel 0, score 0, no ratios
     * male/asian       4  sel 3/4, ratio 1            score 1/2, ratio 3/4    few, below
     * male/am.indian   0  no candidates
     * male/two+        1  under 2%: sel 1, score 0, no ratios
     * female/hispanic  3  sel 2/3, ratio 8/9          score 2/3, ratio 1      few
     * female/white     7  sel 5/7, ratio 20/21        score 3/7, ratio 9/14   below
     * female/black     6  sel 1/2, ratio 2/3          score 1/3, ratio 1/2    below
     * female/hawaiian  0  no candidates
     * female/asian     4  sel 3/4, ratio 1            score 1/4, ratio 3/8    few, below
     * female/am.indian 0  no candidates
     * female/two+      1  under 2%: sel 0, score 0, no ratios
     * </pre>
     */
    @Test
    void handWorkedExampleOf51Candidates() {
        List<Outcome> sample = new ArrayList<>();
        add(sample, id(MALE, WHITE), "HHHHMMLL");
        add(sample, id(MALE, BLACK_OR_AFRICAN_AMERICAN), "HMMLL");
        add(sample, id(MALE, ASIAN), "HHML");
        add(sample, id(MALE, HISPANIC_OR_LATINO), "HLL");
        add(sample, id(MALE, TWO_OR_MORE_RACES), "M");
        add(sample, id(MALE, NATIVE_HAWAIIAN_OR_PACIFIC_ISLANDER), "L");
        add(sample, id(FEMALE, WHITE), "HHHMMLL");
        add(sample, id(FEMALE, BLACK_OR_AFRICAN_AMERICAN), "HXMMLL");
        add(sample, id(FEMALE, ASIAN), "HMML");
        add(sample, id(FEMALE, HISPANIC_OR_LATINO), "HHL");
        add(sample, id(FEMALE, TWO_OR_MORE_RACES), "L");
        add(sample, id(MALE, RaceEthnicity.DECLINE), "L");
        add(sample, id(FEMALE, RaceEthnicity.DECLINE), "H");
        add(sample, id(Sex.DECLINE, WHITE), "M");
        add(sample, id(Sex.DECLINE, RaceEthnicity.DECLINE), "ML");
        add(sample, null, "HML");

        Result result = ImpactRatios.of(sample);

        assertThat(result.sampleSize()).isEqualTo(51);
        assertThat(result.medianOverall()).isEqualTo(60.0);
        assertThat(result.passed()).isEqualTo(32);
        assertThat(result.dimensions()).extracting(Dimension::name)
                .containsExactly("sex", "raceEthnicity", "sexRaceEthnicity");

        Dimension sex = dimension(result, "sex");
        assertThat(sex.knownCandidates()).isEqualTo(45);
        assertThat(sex.unknownCandidates()).isEqualTo(6);
        assertThat(sex.sampleTooSmall()).isFalse();
        assertThat(sex.note()).isNull();
        assertThat(sex.categories()).extracting(Category::category).containsExactly("male", "female");
        assertThat(sex.categories()).extracting(Category::label).containsExactly("Male", "Female");
        expect(sex, "male", 23, 51, 14 / 23.0, 22 / 23.0, 8 / 23.0, 176 / 207.0, "");
        expect(sex, "female", 22, 51, 14 / 22.0, 1.0, 9 / 22.0, 1.0, "");
        assertThat(category(sex, "male").note()).isNull();

        Dimension race = dimension(result, "raceEthnicity");
        assertThat(race.knownCandidates()).isEqualTo(44);
        assertThat(race.unknownCandidates()).isEqualTo(7);
        assertThat(race.sampleTooSmall()).isFalse();
        assertThat(race.note()).isNull();
        assertThat(race.categories()).extracting(Category::category).containsExactly("hispanic_or_latino", "white",
                "black_or_african_american", "native_hawaiian_or_pacific_islander", "asian",
                "american_indian_or_alaska_native", "two_or_more_races");
        expect(race, "hispanic_or_latino", 6, 51, 1 / 2.0, 2 / 3.0, 1 / 2.0, 1.0, "below");
        assertThat(expect(race, "white", 16, 51, 3 / 4.0, 1.0, 7 / 16.0, 7 / 8.0, "").note()).isNull();
        expect(race, "black_or_african_american", 11, 51, 6 / 11.0, 8 / 11.0, 3 / 11.0, 6 / 11.0, "below");
        assertThat(expect(race, "native_hawaiian_or_pacific_islander", 1, 51, 0.0, null, 0.0, null, "excluded few")
                .note()).isEqualTo(LEFT_OUT);
        expect(race, "asian", 8, 51, 3 / 4.0, 1.0, 3 / 8.0, 3 / 4.0, "below");
        assertThat(expect(race, "american_indian_or_alaska_native", 0, 51, null, null, null, null, "excluded")
                .note()).isEqualTo("no candidates");
        assertThat(expect(race, "two_or_more_races", 2, 51, 1 / 2.0, 2 / 3.0, 0.0, 0.0, "few below").note())
                .isEqualTo("fewer than 5 candidates");

        Dimension both = dimension(result, "sexRaceEthnicity");
        assertThat(both.knownCandidates()).isEqualTo(43);
        assertThat(both.unknownCandidates()).isEqualTo(8);
        assertThat(both.sampleTooSmall()).isFalse();
        assertThat(both.categories()).hasSize(14);
        expect(both, "male/hispanic_or_latino", 3, 51, 1 / 3.0, 4 / 9.0, 1 / 3.0, 1 / 2.0, "few below");
        expect(both, "male/white", 8, 51, 3 / 4.0, 1.0, 1 / 2.0, 3 / 4.0, "below");
        expect(both, "male/black_or_african_american", 5, 51, 3 / 5.0, 4 / 5.0, 1 / 5.0, 3 / 10.0, "below");
        expect(both, "male/native_hawaiian_or_pacific_islander", 1, 51, 0.0, null, 0.0, null, "excluded few");
        expect(both, "male/asian", 4, 51, 3 / 4.0, 1.0, 1 / 2.0, 3 / 4.0, "few below");
        expect(both, "male/american_indian_or_alaska_native", 0, 51, null, null, null, null, "excluded");
        assertThat(expect(both, "male/two_or_more_races", 1, 51, 1.0, null, 0.0, null, "excluded few").note())
                .isEqualTo(LEFT_OUT);
        expect(both, "female/hispanic_or_latino", 3, 51, 2 / 3.0, 8 / 9.0, 2 / 3.0, 1.0, "few");
        expect(both, "female/white", 7, 51, 5 / 7.0, 20 / 21.0, 3 / 7.0, 9 / 14.0, "below");
        expect(both, "female/black_or_african_american", 6, 51, 1 / 2.0, 2 / 3.0, 1 / 3.0, 1 / 2.0, "below");
        expect(both, "female/native_hawaiian_or_pacific_islander", 0, 51, null, null, null, null, "excluded");
        expect(both, "female/asian", 4, 51, 3 / 4.0, 1.0, 1 / 4.0, 3 / 8.0, "few below");
        expect(both, "female/american_indian_or_alaska_native", 0, 51, null, null, null, null, "excluded");
        expect(both, "female/two_or_more_races", 1, 51, 0.0, null, 0.0, null, "excluded few");
    }

    /**
     * 20 candidates, all scoring 50 (none above the median of 50, so no scoring ratios):
     * white 8, 6 passed → 3/4 (highest); black 5, 3 passed → 3/5, ratio (3/5)/(3/4) = 4/5, exactly the four-fifths
     * line and so not marked (computed naively in doubles, 0.6 / 0.75 is 0.7999999999999999); asian 7, 4 passed →
     * 4/7, ratio (4/7)/(3/4) = 16/21 = 0.7619, marked.
     */
    @Test
    void aRatioOfExactlyFourFifthsIsNotMarkedAndOneBelowIs() {
        Result result = ImpactRatios.of(concat(times(6, MALE, WHITE, true, 50), times(2, MALE, WHITE, false, 50),
                times(3, MALE, BLACK_OR_AFRICAN_AMERICAN, true, 50),
                times(2, MALE, BLACK_OR_AFRICAN_AMERICAN, false, 50),
                times(4, MALE, ASIAN, true, 50), times(3, MALE, ASIAN, false, 50)));

        Dimension race = dimension(result, "raceEthnicity");
        String noScoring = "no candidate of any category scored above the median";
        assertThat(expect(race, "white", 8, 20, 3 / 4.0, 1.0, 0.0, null, "").note()).isEqualTo(noScoring);
        Category black = expect(race, "black_or_african_american", 5, 20, 3 / 5.0, 4 / 5.0, 0.0, null, "");
        assertThat(black.selectionImpactRatio()).isEqualTo(ImpactRatios.FOUR_FIFTHS);
        assertThat(black.note()).isEqualTo(noScoring);
        expect(race, "asian", 7, 20, 4 / 7.0, 16 / 21.0, 0.0, null, "below");
    }

    /**
     * Six candidates: one skipped the form, one declined both, one left both out (stored as declined), one declined
     * only race (male), one declined only sex (white), one said female / asian. Sex: male 1, female 1, unknown 4;
     * race: white 1, asian 1, unknown 4; both: female/asian 1, unknown 5. Shares are of all 6.
     */
    @Test
    void skippedFormsAndDeclinesAreUnknownNeverCategories() {
        Result result = ImpactRatios.of(List.of(new Outcome(null, true, 90),
                new Outcome(id(Sex.DECLINE, RaceEthnicity.DECLINE), false, 10), new Outcome(id(null, null), true, 20),
                new Outcome(id(MALE, RaceEthnicity.DECLINE), true, 30),
                new Outcome(id(Sex.DECLINE, WHITE), false, 40), new Outcome(id(FEMALE, ASIAN), true, 50)));

        assertThat(result.sampleSize()).isEqualTo(6);
        assertThat(result.passed()).isEqualTo(4);
        assertThat(result.dimensions()).extracting(Dimension::knownCandidates).containsExactly(2, 2, 1);
        assertThat(result.dimensions()).extracting(Dimension::unknownCandidates).containsExactly(4, 4, 5);
        assertThat(result.dimensions()).extracting(d -> d.categories().size()).containsExactly(2, 7, 14);
        assertThat(result.dimensions().stream().flatMap(d -> d.categories().stream()).map(Category::category)
                .toList()).noneMatch(code -> code.contains("decline"));
        assertThat(category(dimension(result, "sex"), "male").shareOfSample()).isCloseTo(1 / 6.0, within(1e-9));
        assertThat(category(dimension(result, "raceEthnicity"), "white").candidates()).isEqualTo(1);
        assertThat(category(dimension(result, "sexRaceEthnicity"), "female/asian").candidates()).isEqualTo(1);
        assertThat(category(dimension(result, "sexRaceEthnicity"), "male/white").candidates()).isZero();
    }

    /**
     * Nobody passed. First sample: 10 men at 40 and 10 women at 60, median (40 + 60) / 2 = 50: no selection ratios,
     * but scoring rates 0/10 and 10/10, ratios 0 (marked) and 1. Second: all 20 at 50, nobody above it: no ratio at
     * all, both notes.
     */
    @Test
    void whenNobodyPassesTheSelectionRatiosAreNullWithANote() {
        String noSelection = "no candidate of any category was selected";
        Dimension sex = dimension(ImpactRatios.of(concat(times(10, MALE, WHITE, false, 40),
                times(10, FEMALE, WHITE, false, 60))), "sex");
        assertThat(expect(sex, "male", 10, 20, 0.0, null, 0.0, 0.0, "below").note()).isEqualTo(noSelection);
        assertThat(expect(sex, "female", 10, 20, 0.0, null, 1.0, 1.0, "").note()).isEqualTo(noSelection);

        Result flat = ImpactRatios.of(concat(times(10, MALE, WHITE, false, 50), times(10, FEMALE, WHITE, false, 50)));
        assertThat(flat.medianOverall()).isEqualTo(50.0);
        assertThat(flat.passed()).isZero();
        assertThat(expect(dimension(flat, "sex"), "male", 10, 20, 0.0, null, 0.0, null, "").note())
                .isEqualTo(noSelection + "; no candidate of any category scored above the median");
    }

    /** 30 candidates, all white, one of whom declined sex: sex and sex × race have 29 known (too few), race 30. */
    @Test
    void aDimensionWithFewerThan30KnownCandidatesIsMarkedTooSmall() {
        Result result = ImpactRatios.of(concat(times(15, MALE, WHITE, true, 70), times(14, FEMALE, WHITE, false, 30),
                times(1, Sex.DECLINE, WHITE, true, 70)));

        String tooFew = "only 29 candidates of known category (fewer than 30): too few for the ratios to say much";
        Dimension sex = dimension(result, "sex");
        assertThat(sex.knownCandidates()).isEqualTo(29);
        assertThat(sex.sampleTooSmall()).isTrue();
        assertThat(sex.note()).isEqualTo(tooFew);
        Dimension race = dimension(result, "raceEthnicity");
        assertThat(race.knownCandidates()).isEqualTo(30);
        assertThat(race.sampleTooSmall()).isFalse();
        assertThat(race.note()).isNull();
        assertThat(dimension(result, "sexRaceEthnicity").sampleTooSmall()).isTrue();
        assertThat(dimension(result, "sexRaceEthnicity").note()).isEqualTo(tooFew);
    }

    /**
     * 50 men: white 49 (24 passed at 80, 4 passed at 60, 21 failed at 40) and one American Indian who passed at 80.
     * Sorted: 21 at 40, 4 at 60, 25 at 80; the 25th and 26th are 60 and 80, median 70. The one is 1/50 = 2%, not
     * under 2%, so counted: rates 1/1, the highest; white 28/49 = 4/7 and 24/49, ratios the same (both below).
     * One more white candidate failing at 40 makes 51: median the 26th = 60, the one is 1/51 (left out), white
     * 28/50 = 14/25 and 24/50 = 12/25 with ratios 1.
     */
    @Test
    void oneCandidateInFiftyIsTwoPercentAndCountsButOneInFiftyOneIsLeftOut() {
        List<Outcome> sample = concat(times(24, MALE, WHITE, true, 80), times(4, MALE, WHITE, true, 60),
                times(21, MALE, WHITE, false, 40), times(1, MALE, AMERICAN_INDIAN_OR_ALASKA_NATIVE, true, 80));
        Result fifty = ImpactRatios.of(sample);
        assertThat(fifty.medianOverall()).isEqualTo(70.0);
        Dimension race = dimension(fifty, "raceEthnicity");
        assertThat(expect(race, "american_indian_or_alaska_native", 1, 50, 1.0, 1.0, 1.0, 1.0, "few").note())
                .isEqualTo("fewer than 5 candidates");
        expect(race, "white", 49, 50, 4 / 7.0, 4 / 7.0, 24 / 49.0, 24 / 49.0, "below");
        expect(dimension(fifty, "sexRaceEthnicity"), "male/american_indian_or_alaska_native", 1, 50, 1.0, 1.0, 1.0,
                1.0, "few");

        sample.addAll(times(1, MALE, WHITE, false, 40));
        Result fiftyOne = ImpactRatios.of(sample);
        assertThat(fiftyOne.medianOverall()).isEqualTo(60.0);
        race = dimension(fiftyOne, "raceEthnicity");
        assertThat(expect(race, "american_indian_or_alaska_native", 1, 51, 1.0, null, 1.0, null, "excluded few")
                .note()).isEqualTo("under 2% of the sample (1 of 51): left out of the impact ratios, as LL144 allows;"
                        + " fewer than 5 candidates");
        expect(race, "white", 50, 51, 14 / 25.0, 1.0, 12 / 25.0, 1.0, "");
    }

    /**
     * Odd: 30, 10, 20 → 20 (only the 30 is above). Even: 40, 10, 30, 20 → (20 + 30) / 2 = 25; 61, 70 → 65.5;
     * 50, 50, 50, 70 → 50, and the three at 50 are not above it: scoring rate 1/4.
     */
    @Test
    void medianIsTheMiddleValueOrTheMeanOfTheTwoMiddleOnes() {
        Result odd = ImpactRatios.of(List.of(new Outcome(id(MALE, WHITE), true, 30),
                new Outcome(id(MALE, WHITE), true, 10), new Outcome(id(MALE, WHITE), true, 20)));
        assertThat(odd.medianOverall()).isEqualTo(20.0);
        assertThat(category(dimension(odd, "sex"), "male").scoringRate()).isCloseTo(1 / 3.0, within(1e-9));

        Result even = ImpactRatios.of(List.of(new Outcome(id(MALE, WHITE), true, 40),
                new Outcome(id(MALE, WHITE), true, 10), new Outcome(id(MALE, WHITE), true, 30),
                new Outcome(id(MALE, WHITE), true, 20)));
        assertThat(even.medianOverall()).isEqualTo(25.0);
        assertThat(category(dimension(even, "sex"), "male").scoringRate()).isCloseTo(2 / 4.0, within(1e-9));

        Result half = ImpactRatios.of(List.of(new Outcome(null, false, 61), new Outcome(id(FEMALE, ASIAN), true, 70)));
        assertThat(half.medianOverall()).isEqualTo(65.5);
        assertThat(category(dimension(half, "sex"), "female").scoringRate()).isCloseTo(1.0, within(1e-9));

        Result ties = ImpactRatios.of(concat(times(3, MALE, WHITE, true, 50), times(1, MALE, WHITE, true, 70)));
        assertThat(ties.medianOverall()).isEqualTo(50.0);
        assertThat(category(dimension(ties, "sex"), "male").scoringRate()).isCloseTo(1 / 4.0, within(1e-9));
    }

    @Test
    void anEmptySampleHasNoCandidatesAnywhere() {
        Result result = ImpactRatios.of(List.of());

        assertThat(result.sampleSize()).isZero();
        assertThat(result.medianOverall()).isZero();
        assertThat(result.passed()).isZero();
        assertThat(result.dimensions()).extracting(Dimension::name)
                .containsExactly("sex", "raceEthnicity", "sexRaceEthnicity");
        for (Dimension d : result.dimensions()) {
            assertThat(d.knownCandidates()).isZero();
            assertThat(d.unknownCandidates()).isZero();
            assertThat(d.sampleTooSmall()).isTrue();
            assertThat(d.categories()).allSatisfy(c -> {
                assertThat(c.candidates()).isZero();
                assertThat(c.shareOfSample()).isZero();
                assertThat(c.excluded()).isTrue();
                assertThat(c.selectionRate()).isNull();
                assertThat(c.scoringImpactRatio()).isNull();
                assertThat(c.note()).isEqualTo("no candidates");
            });
        }
    }

    @Test
    void intersectionalCategoriesAreSexMajorRaceMinor() {
        Dimension both = dimension(ImpactRatios.of(times(1, FEMALE, ASIAN, true, 50)), "sexRaceEthnicity");

        assertThat(both.categories()).extracting(Category::dimension).containsOnly("sexRaceEthnicity");
        assertThat(both.categories()).extracting(Category::category).containsExactly(
                "male/hispanic_or_latino", "male/white", "male/black_or_african_american",
                "male/native_hawaiian_or_pacific_islander", "male/asian", "male/american_indian_or_alaska_native",
                "male/two_or_more_races",
                "female/hispanic_or_latino", "female/white", "female/black_or_african_american",
                "female/native_hawaiian_or_pacific_islander", "female/asian",
                "female/american_indian_or_alaska_native", "female/two_or_more_races");
        assertThat(both.categories()).extracting(Category::label).containsExactly(
                "Male / Hispanic or Latino", "Male / White", "Male / Black or African American",
                "Male / Native Hawaiian or Pacific Islander", "Male / Asian", "Male / American Indian or Alaska Native",
                "Male / Two or more races",
                "Female / Hispanic or Latino", "Female / White", "Female / Black or African American",
                "Female / Native Hawaiian or Pacific Islander", "Female / Asian",
                "Female / American Indian or Alaska Native", "Female / Two or more races");
        assertThat(category(both, "female/asian").candidates()).isEqualTo(1);
    }
}
