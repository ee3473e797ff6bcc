package dev.prescreen.scoring.evidence;

import dev.prescreen.scoring.Evidence;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an answer contains, measured and quoted, in no particular language: counts by {@link Measure} and the
 * evidence spans behind them. Immutable. No scoring decision is made here; the rules read it.
 */
public final class EvidenceRecord {

    private final Map<Measure, Double> measures;
    private final List<Evidence> spans;

    public EvidenceRecord(Map<Measure, Double> measures, List<Evidence> spans) {
        EnumMap<Measure, Double> copy = new EnumMap<>(Measure.class);
        copy.putAll(measures);
        this.measures = Collections.unmodifiableMap(copy);
        this.spans = List.copyOf(spans);
    }

    public double get(Measure m) {
        return measures.getOrDefault(m, 0.0);
    }

    /** {@code a / b}, or {@code whenZero} if b is 0. */
    public double share(Measure a, Measure b, double whenZero) {
        double d = get(b);
        return d == 0 ? whenZero : get(a) / d;
    }

    public List<Evidence> spans() {
        return spans;
    }

    /** The measures by wire name, rounded for the score card. */
    public Map<String, Double> asMap() {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Measure m : Measure.values()) {
            out.put(m.wireName(), Math.round(get(m) * 1000) / 1000.0);
        }
        return out;
    }

    /** A copy with one measure changed (relevance is measured after the rest). */
    public EvidenceRecord with(Measure m, double value, List<Evidence> extraSpans) {
        Map<Measure, Double> copy = new EnumMap<>(Measure.class);
        copy.putAll(measures);
        copy.put(m, value);
        List<Evidence> s = new java.util.ArrayList<>(spans);
        s.addAll(extraSpans);
        return new EvidenceRecord(copy, s);
    }
}
