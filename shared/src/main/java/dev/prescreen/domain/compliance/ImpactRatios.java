package dev.prescreen.domain.compliance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * The figures of NYC Local Law 144's bias audit, worked out from scored candidates' voluntary self-identification:
 * for each category of sex, of race/ethnicity and of the two together, the selection rate (the share who passed) and
 * the scoring rate (the share scoring above the sample's median overall), and each rate's impact ratio (the rate over
 * the highest rate among the categories counted). Candidates who skipped the form or declined to say are counted as
 * unknown, never as a category. Pure arithmetic: the caller chooses the sample.
 */
public final class ImpactRatios {

    /** Categories under this share of the sample are left out of the ratios (LL144 allows excluding <2%). */
    public static final double MIN_SHARE = 0.02;
    /** Fewer candidates of known category than this in a dimension: the ratios are marked too small to say much. */
    public static final int MIN_SAMPLE = 30;
    /** A category with fewer candidates than this is marked as few (its rates swing with one candidate). */
    public static final int MIN_CATEGORY = 5;
    /**
     * Fewer candidates of known category than this in a dimension: its categories are withheld from recruiters
     * ({@link #disclosed}). Ten keeps one candidate from being singled out in all but contrived cases.
     */
    public static final int MIN_KNOWN_TO_DISCLOSE = 10;
    /** The four-fifths rule: an impact ratio below this is marked. */
    public static final double FOUR_FIFTHS = 0.8;

    /**
     * One scored candidate: their self-identification (null when they skipped the form), passed or not, overall
     * 0-100.
     */
    public record Outcome(SelfIdentification selfIdentification, boolean passed, int overall) {}

    public record Category(String dimension, String category, String label, int candidates, double shareOfSample,
            Double selectionRate, Double selectionImpactRatio, Double scoringRate, Double scoringImpactRatio,
            boolean excluded, boolean fewCandidates, boolean belowFourFifths, String note) {}

    /**
     * @param withheld the categories are not shown: so few candidates gave a category that the figures could tell
     *                 someone's self-identification (see {@link #disclosed})
     */
    public record Dimension(String name, int knownCandidates, int unknownCandidates, boolean sampleTooSmall,
            String note, List<Category> categories, boolean withheld) {

        public Dimension {
            categories = List.copyOf(categories);
        }
    }

    public record Result(int sampleSize, double medianOverall, int passed, List<Dimension> dimensions) {

        public Result {
            dimensions = List.copyOf(dimensions);
        }
    }

    /** A category's code and label, in the order the audit lists them. */
    private record Key(String code, String label) {}

    /** A category's counts while the sample is read. */
    private static final class Tally {
        final Key key;
        int candidates;
        int passed;
        int aboveMedian;

        Tally(Key key) {
            this.key = key;
        }
    }

    private ImpactRatios() {
    }

    public static Result of(List<Outcome> outcomes) {
        List<Outcome> sample = List.copyOf(outcomes);
        double median = median(sample);
        int passed = (int) sample.stream().filter(Outcome::passed).count();
        List<Key> sexes = Arrays.stream(Sex.values()).filter(Sex::known)
                .map(s -> new Key(s.wireName(), s.label())).toList();
        List<Key> races = Arrays.stream(RaceEthnicity.values()).filter(RaceEthnicity::known)
                .map(r -> new Key(r.wireName(), r.label())).toList();
        List<Key> both = sexes.stream().flatMap(s -> races.stream()
                .map(r -> new Key(s.code() + "/" + r.code(), s.label() + " / " + r.label()))).toList();
        List<Dimension> dimensions = List.of(
                dimension("sex", sexes, id -> id.sex().known() ? id.sex().wireName() : null, sample, median),
                dimension("raceEthnicity", races,
                        id -> id.raceEthnicity().known() ? id.raceEthnicity().wireName() : null, sample, median),
                dimension("sexRaceEthnicity", both, id -> id.sex().known() && id.raceEthnicity().known()
                        ? id.sex().wireName() + "/" + id.raceEthnicity().wireName() : null, sample, median));
        return new Result(sample.size(), median, passed, dimensions);
    }

    /** The median of every outcome's overall: the middle value, or the mean of the two middle ones; 0 when none. */
    private static double median(List<Outcome> sample) {
        int[] overall = sample.stream().mapToInt(Outcome::overall).sorted().toArray();
        int n = overall.length;
        if (n == 0) {
            return 0;
        }
        return n % 2 == 1 ? overall[n / 2] : (overall[n / 2 - 1] + overall[n / 2]) / 2.0;
    }

    /** One dimension's categories; {@code code} gives a self-identification's category code, null when unknown. */
    private static Dimension dimension(String name, List<Key> keys, Function<SelfIdentification, String> code,
            List<Outcome> sample, double median) {
        Map<String, Tally> tallies = new LinkedHashMap<>();
        keys.forEach(k -> tallies.put(k.code(), new Tally(k)));
        int unknown = 0;
        for (Outcome o : sample) {
            String c = o.selfIdentification() == null ? null : code.apply(o.selfIdentification());
            Tally t = c == null ? null : tallies.get(c);
            if (t == null) {
                unknown++;
                continue;
            }
            t.candidates++;
            t.passed += o.passed() ? 1 : 0;
            t.aboveMedian += o.overall() > median ? 1 : 0;
        }
        int sampleSize = sample.size();
        List<Tally> included = tallies.values().stream().filter(t -> !excluded(t, sampleSize)).toList();
        Tally selectionReference = highest(included, t -> t.passed);
        Tally scoringReference = highest(included, t -> t.aboveMedian);
        List<Category> categories = tallies.values().stream()
                .map(t -> category(name, t, sampleSize, selectionReference, scoringReference)).toList();
        int known = categories.stream().mapToInt(Category::candidates).sum();
        boolean tooSmall = known < MIN_SAMPLE;
        String note = tooSmall ? "only " + known + " candidates of known category (fewer than " + MIN_SAMPLE
                + "): too few for the ratios to say much" : null;
        return new Dimension(name, known, unknown, tooSmall, note, categories, false);
    }

    /**
     * The figures as a recruiter may see them: a dimension with fewer than {@link #MIN_KNOWN_TO_DISCLOSE} candidates
     * of known category shows its counts of known and unknown but no category, since with so few a category's count
     * and rates could tell who answered what (the table itself is only ever read by this aggregate).
     */
    public static Result disclosed(Result result) {
        return new Result(result.sampleSize(), result.medianOverall(), result.passed(), result.dimensions().stream()
                .map(d -> d.knownCandidates() >= MIN_KNOWN_TO_DISCLOSE ? d : new Dimension(d.name(),
                        d.knownCandidates(), d.unknownCandidates(), true, "withheld: only " + d.knownCandidates()
                                + " candidates of known category (fewer than " + MIN_KNOWN_TO_DISCLOSE
                                + "), so the figures could tell someone's self-identification", List.of(), true))
                .toList());
    }

    private static double share(Tally t, int sampleSize) {
        return sampleSize == 0 ? 0 : (double) t.candidates / sampleSize;
    }

    private static boolean excluded(Tally t, int sampleSize) {
        return share(t, sampleSize) < MIN_SHARE;
    }

    /**
     * The category with the highest rate (count over candidates), compared exactly by cross-multiplying; null when
     * there are none. Every included category has candidates, since its share is at least {@link #MIN_SHARE}.
     */
    private static Tally highest(List<Tally> included, ToIntFunction<Tally> count) {
        Tally best = null;
        for (Tally t : included) {
            if (best == null || (long) count.applyAsInt(t) * best.candidates
                    > (long) count.applyAsInt(best) * t.candidates) {
                best = t;
            }
        }
        return best;
    }

    private static Category category(String dimension, Tally t, int sampleSize, Tally selectionReference,
            Tally scoringReference) {
        double share = share(t, sampleSize);
        boolean excluded = excluded(t, sampleSize);
        Double selectionRatio = null;
        Double scoringRatio = null;
        List<String> notes = new ArrayList<>();
        if (t.candidates == 0) {
            notes.add("no candidates");
        } else if (excluded) {
            notes.add("under " + Math.round(MIN_SHARE * 100) + "% of the sample (" + t.candidates + " of "
                    + sampleSize + "): left out of the impact ratios, as LL144 allows");
        } else {
            selectionRatio = ratio(t.passed, t.candidates, selectionReference.passed, selectionReference.candidates);
            if (selectionRatio == null) {
                notes.add("no candidate of any category was selected");
            }
            scoringRatio = ratio(t.aboveMedian, t.candidates, scoringReference.aboveMedian,
                    scoringReference.candidates);
            if (scoringRatio == null) {
                notes.add("no candidate of any category scored above the median");
            }
        }
        boolean few = t.candidates > 0 && t.candidates < MIN_CATEGORY;
        if (few) {
            notes.add("fewer than " + MIN_CATEGORY + " candidates");
        }
        boolean below = selectionRatio != null && selectionRatio < FOUR_FIFTHS
                || scoringRatio != null && scoringRatio < FOUR_FIFTHS;
        return new Category(dimension, t.key.code(), t.key.label(), t.candidates, share,
                rate(t.passed, t.candidates), selectionRatio, rate(t.aboveMedian, t.candidates), scoringRatio,
                excluded, few, below, notes.isEmpty() ? null : String.join("; ", notes));
    }

    private static Double rate(int count, int candidates) {
        return candidates == 0 ? null : (double) count / candidates;
    }

    /**
     * (count / candidates) / (referenceCount / referenceCandidates) as one division of whole numbers, so a ratio of
     * exactly 4/5 is exactly {@link #FOUR_FIFTHS} (0.6 / 0.75 in doubles is 0.7999999999999999); null when the
     * reference rate is 0.
     */
    private static Double ratio(int count, int candidates, int referenceCount, int referenceCandidates) {
        if (referenceCount == 0) {
            return null;
        }
        return (double) ((long) count * referenceCandidates) / (double) ((long) candidates * referenceCount);
    }
}
