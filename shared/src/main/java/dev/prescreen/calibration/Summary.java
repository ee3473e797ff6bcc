package dev.prescreen.calibration;

import dev.prescreen.calibration.CalibrationSet.Example;
import dev.prescreen.scoring.Flag;
import dev.prescreen.scoring.ScoreCard;
import dev.prescreen.scoring.eval.EvaluationMetrics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The figures of one evaluation: agreement with the labels, flags, contrast pairs and fairness variants. */
public record Summary(int n, double spearman, double qwk, double exact, double within1, double flagRecall,
                      double offTopicPrecision, Double pairAccuracy, int pairs, Double fairnessMad, int groups) {

    /** One scored example. */
    public record Row(Example example, ScoreCard card) {
        public int label() {
            return example.label();
        }

        public int predicted() {
            return card.score();
        }
    }

    public String lastLine() {
        return String.format(Locale.ROOT,
                "spearman=%.3f qwk=%.3f exact=%.3f within1=%.3f flag_recall=%.3f off_topic_precision=%.3f n=%d",
                spearman, qwk, exact, within1, flagRecall, offTopicPrecision, n);
    }

    public static Summary of(List<Row> rows) {
        int[] truth = rows.stream().mapToInt(Row::label).toArray();
        int[] pred = rows.stream().mapToInt(Row::predicted).toArray();
        int labelled = 0;
        int found = 0;
        for (Row r : rows) {
            for (Flag f : r.example().labelFlags()) {
                labelled++;
                found += r.card().has(f) ? 1 : 0;
            }
        }
        Map<String, List<Row>> pairs = new LinkedHashMap<>();
        Map<String, List<Row>> groups = new LinkedHashMap<>();
        for (Row r : rows) {
            if (r.example().pairId() != null) {
                pairs.computeIfAbsent(r.example().pairId(), k -> new ArrayList<>()).add(r);
            }
            if (r.example().groupId() != null) {
                groups.computeIfAbsent(r.example().groupId(), k -> new ArrayList<>()).add(r);
            }
        }
        List<EvaluationMetrics.Pair> pairList = new ArrayList<>();
        for (List<Row> p : pairs.values()) {
            if (p.size() == 2) {
                pairList.add(new EvaluationMetrics.Pair(p.get(0).label(), p.get(1).label(),
                        p.get(0).predicted(), p.get(1).predicted()));
            }
        }
        List<EvaluationMetrics.Variant> variants = new ArrayList<>();
        for (List<Row> g : groups.values()) {
            Row original = g.stream().filter(r -> r.example().id().endsWith("-orig")).findFirst().orElse(g.get(0));
            for (Row r : g) {
                if (r != original) {
                    variants.add(new EvaluationMetrics.Variant(original.predicted(), r.predicted()));
                }
            }
        }
        return new Summary(rows.size(), EvaluationMetrics.spearman(truth, pred),
                EvaluationMetrics.quadraticWeightedKappa(truth, pred), EvaluationMetrics.exact(truth, pred),
                EvaluationMetrics.withinOne(truth, pred), EvaluationMetrics.ratio(found, labelled),
                precision(rows, Flag.OFF_TOPIC),
                pairList.isEmpty() ? null : EvaluationMetrics.pairAccuracy(pairList), pairList.size(),
                groups.isEmpty() ? null : EvaluationMetrics.fairnessMad(variants), groups.size());
    }

    /** Share of the flag's predictions that are labelled so; 1 when it was never predicted. */
    public static double precision(List<Row> rows, Flag flag) {
        int predicted = 0;
        int right = 0;
        for (Row r : rows) {
            if (r.card().has(flag)) {
                predicted++;
                right += r.example().labelFlags().contains(flag) ? 1 : 0;
            }
        }
        return predicted == 0 ? 1 : (double) right / predicted;
    }

    public static double recall(List<Row> rows, Flag flag) {
        int labelled = 0;
        int found = 0;
        for (Row r : rows) {
            if (r.example().labelFlags().contains(flag)) {
                labelled++;
                found += r.card().has(flag) ? 1 : 0;
            }
        }
        return EvaluationMetrics.ratio(found, labelled);
    }
}
