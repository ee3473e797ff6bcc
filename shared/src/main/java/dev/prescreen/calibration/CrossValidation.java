package dev.prescreen.calibration;

import dev.prescreen.calibration.CalibrationSet.Example;
import dev.prescreen.calibration.Summary.Row;
import dev.prescreen.calibration.ThresholdFitter.Measured;
import dev.prescreen.scoring.RubricScorer;
import dev.prescreen.scoring.evidence.EvidenceRecord;
import dev.prescreen.scoring.rules.Thresholds;
import java.util.ArrayList;
import java.util.List;

/**
 * k-fold cross-validation of the rules' thresholds: answers are split into k folds (a contrast pair or a fairness
 * group stays in one fold), the thresholds are refitted on the other folds, and each fold is scored with the
 * thresholds it was not fitted on. The rules themselves were written by reading the calibration set, so this
 * measures how well the thresholds generalise, not the rule structure; the held-back sets measure that.
 */
public final class CrossValidation {

    public static final int DEFAULT_FOLDS = 5;

    private CrossValidation() {
    }

    /** Both figures of one set of answers: scored with the shipped thresholds, and cross-validated. */
    public record Result(List<Row> inSample, List<Row> crossValidated) {
    }

    public static Result run(List<Example> examples, RubricScorer scorer, int folds) {
        List<EvidenceRecord> evidence = examples.stream().map(e -> scorer.evidence(e.input())).toList();
        Thresholds shipped = Thresholds.builtIn();
        List<Row> inSample = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            inSample.add(new Row(examples.get(i), scorer.card(examples.get(i).type(), evidence.get(i), shipped)));
        }
        Row[] cv = new Row[examples.size()];
        ThresholdFitter fitter = new ThresholdFitter();
        for (int fold = 0; fold < folds; fold++) {
            List<Measured> training = new ArrayList<>();
            for (int i = 0; i < examples.size(); i++) {
                if (fold(examples.get(i), folds) != fold) {
                    Example e = examples.get(i);
                    training.add(new Measured(e.type(), evidence.get(i), e.label(), e.labelFlags()));
                }
            }
            Thresholds fitted = fitter.fit(shipped, training);
            for (int i = 0; i < examples.size(); i++) {
                if (fold(examples.get(i), folds) == fold) {
                    cv[i] = new Row(examples.get(i), scorer.card(examples.get(i).type(), evidence.get(i), fitted));
                }
            }
        }
        return new Result(inSample, List.of(cv));
    }

    /** A stable fold from the answer's group key (the same on every machine and run). */
    static int fold(Example e, int folds) {
        int h = 0;
        for (char c : e.foldKey().toCharArray()) {
            h = 31 * h + c;
        }
        return Math.floorMod(h ^ (h >>> 16), folds);
    }
}
