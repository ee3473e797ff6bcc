package dev.prescreen.calibration;

import dev.prescreen.scoring.Flag;
import dev.prescreen.scoring.QuestionType;
import dev.prescreen.scoring.evidence.EvidenceRecord;
import dev.prescreen.scoring.rules.RuleBook;
import dev.prescreen.scoring.rules.Thresholds;
import java.util.List;
import java.util.Map;

/**
 * Fits the rules' named thresholds to labelled answers by coordinate search: each threshold in turn tries a few
 * values around its current one and keeps the best, for a fixed number of rounds. Deterministic. The loss is the
 * absolute score error plus flag errors, a false {@code off_topic} counting double (a strong answer sent to 2 costs
 * more than a missed one).
 */
public final class ThresholdFitter {

    /** One answer's evidence (measured once) with its labels. */
    public record Measured(QuestionType type, EvidenceRecord evidence, int label, java.util.Set<Flag> labelFlags) {
    }

    private static final int ROUNDS = 2;
    private static final double[] FACTORS = {0.5, 0.75, 0.9, 1.1, 1.25, 1.5};
    private static final double FALSE_OFF_TOPIC = 2.0;
    private static final double FLAG_ERROR = 0.5;

    public Thresholds fit(Thresholds start, List<Measured> training) {
        Thresholds best = start;
        double bestLoss = loss(best, training);
        for (int round = 0; round < ROUNDS; round++) {
            for (Map.Entry<String, Double> threshold : start.values().entrySet()) {
                String name = threshold.getKey();
                double current = best.get(name);
                for (double candidate : candidates(current)) {
                    Thresholds trial = best.with(name, candidate);
                    double l = loss(trial, training);
                    if (l < bestLoss - 1e-9) {
                        bestLoss = l;
                        best = trial;
                    }
                }
            }
        }
        return best;
    }

    private static double[] candidates(double v) {
        boolean integer = v == Math.rint(v) && Math.abs(v) >= 1;
        if (integer) {
            return new double[] {v - 2, v - 1, v + 1, v + 2};
        }
        double[] out = new double[FACTORS.length];
        for (int i = 0; i < FACTORS.length; i++) {
            out[i] = Math.round(v * FACTORS[i] * 1000) / 1000.0;
        }
        return out;
    }

    double loss(Thresholds t, List<Measured> rows) {
        double loss = 0;
        for (Measured m : rows) {
            RuleBook.Decision d = RuleBook.decide(m.type(), m.evidence(), t);
            loss += Math.abs(d.score() - m.label());
            for (Flag f : Flag.values()) {
                boolean labelled = m.labelFlags().contains(f);
                if (labelled != d.flags().contains(f)) {
                    loss += f == Flag.OFF_TOPIC && !labelled ? FALSE_OFF_TOPIC : FLAG_ERROR;
                }
            }
        }
        return loss;
    }
}
