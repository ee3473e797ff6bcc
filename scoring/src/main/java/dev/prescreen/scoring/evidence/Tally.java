package dev.prescreen.scoring.evidence;

import dev.prescreen.scoring.Evidence;
import dev.prescreen.scoring.language.Lexicon;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The mutable counts and spans of one extraction; frozen into an {@link EvidenceRecord} at the end. */
final class Tally {

    private static final int MAX_SPANS = 40;

    private final String text;
    private final Map<Measure, Double> measures = new EnumMap<>(Measure.class);
    private final List<Evidence> spans = new ArrayList<>();

    Tally(String text) {
        this.text = text;
    }

    void add(Measure m, double by) {
        measures.merge(m, by, Double::sum);
    }

    void set(Measure m, double value) {
        measures.put(m, value);
    }

    double get(Measure m) {
        return measures.getOrDefault(m, 0.0);
    }

    void span(String kind, int start, int end) {
        spans.add(new Evidence(kind, start, end, text.substring(start, end)));
    }

    /** Counts the hits of a sentence (offset: where the sentence starts), quoting each under {@code kind} if given. */
    int count(Measure m, List<Lexicon.Hit> hits, int offset, String kind) {
        if (kind != null) {
            for (Lexicon.Hit h : hits) {
                span(kind, offset + h.start(), offset + h.end());
            }
        }
        add(m, hits.size());
        return hits.size();
    }

    EvidenceRecord freeze() {
        Map<String, Evidence> unique = new LinkedHashMap<>();
        for (Evidence e : spans) {
            unique.putIfAbsent(e.kind() + ":" + e.start() + ":" + e.end(), e);
        }
        List<Evidence> out = new ArrayList<>(unique.values());
        out.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start()) : a.kind().compareTo(b.kind()));
        return new EvidenceRecord(measures, out.size() > MAX_SPANS ? out.subList(0, MAX_SPANS) : out);
    }
}
