package dev.prescreen.scoring.eval;

import java.util.Arrays;
import java.util.List;

/** Agreement metrics between labelled and predicted 1..5 scores. Pure functions. */
public final class EvaluationMetrics {

    private EvaluationMetrics() {
    }

    public static double exact(int[] truth, int[] predicted) {
        check(truth, predicted);
        if (truth.length == 0) {
            return 0;
        }
        int n = 0;
        for (int i = 0; i < truth.length; i++) {
            if (truth[i] == predicted[i]) {
                n++;
            }
        }
        return (double) n / truth.length;
    }

    public static double withinOne(int[] truth, int[] predicted) {
        check(truth, predicted);
        if (truth.length == 0) {
            return 0;
        }
        int n = 0;
        for (int i = 0; i < truth.length; i++) {
            if (Math.abs(truth[i] - predicted[i]) <= 1) {
                n++;
            }
        }
        return (double) n / truth.length;
    }

    public static double meanAbsoluteError(int[] truth, int[] predicted) {
        check(truth, predicted);
        if (truth.length == 0) {
            return 0;
        }
        double sum = 0;
        for (int i = 0; i < truth.length; i++) {
            sum += Math.abs(truth[i] - predicted[i]);
        }
        return sum / truth.length;
    }

    /** Ranks starting at 1, ties get the average of the ranks they span. */
    public static double[] averageRanks(double[] values) {
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        double[] ranks = new double[values.length];
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j + 1 < order.length && values[order[j + 1]] == values[order[i]]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                ranks[order[k]] = rank;
            }
            i = j + 1;
        }
        return ranks;
    }

    public static double pearson(double[] x, double[] y) {
        int n = x.length;
        if (n == 0) {
            return 0;
        }
        double mx = Arrays.stream(x).average().orElse(0);
        double my = Arrays.stream(y).average().orElse(0);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        if (sxx == 0 || syy == 0) {
            return 0;
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    /** Spearman's rank correlation: Pearson correlation of the tie-averaged ranks. */
    public static double spearman(int[] truth, int[] predicted) {
        check(truth, predicted);
        return pearson(averageRanks(toDouble(truth)), averageRanks(toDouble(predicted)));
    }

    /** Quadratic-weighted Cohen's kappa over the categories 1..5. */
    public static double quadraticWeightedKappa(int[] truth, int[] predicted) {
        check(truth, predicted);
        int k = 5;
        int n = truth.length;
        if (n == 0) {
            return 0;
        }
        double[][] observed = new double[k][k];
        double[] histTruth = new double[k];
        double[] histPred = new double[k];
        for (int i = 0; i < n; i++) {
            observed[truth[i] - 1][predicted[i] - 1]++;
            histTruth[truth[i] - 1]++;
            histPred[predicted[i] - 1]++;
        }
        double num = 0;
        double den = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double w = (double) (i - j) * (i - j) / ((k - 1) * (k - 1));
                num += w * observed[i][j];
                den += w * histTruth[i] * histPred[j] / n;
            }
        }
        return den == 0 ? (num == 0 ? 1 : 0) : 1 - num / den;
    }

    /** 5×5 counts, rows = label 1..5, columns = prediction 1..5. */
    public static int[][] confusion(int[] truth, int[] predicted) {
        check(truth, predicted);
        int[][] m = new int[5][5];
        for (int i = 0; i < truth.length; i++) {
            m[truth[i] - 1][predicted[i] - 1]++;
        }
        return m;
    }

    /** One contrast pair: labels and predictions of members a and b. */
    public record Pair(int truthA, int truthB, int predictedA, int predictedB) {
    }

    /** Share of pairs whose predictions are ordered like the labels (a tie in the prediction counts as wrong). */
    public static double pairAccuracy(List<Pair> pairs) {
        if (pairs.isEmpty()) {
            return 0;
        }
        int ok = 0;
        for (Pair p : pairs) {
            int t = Integer.signum(p.truthA() - p.truthB());
            int q = Integer.signum(p.predictedA() - p.predictedB());
            if (t != 0 && t == q) {
                ok++;
            }
        }
        return (double) ok / pairs.size();
    }

    /** One variant of a fairness group: the prediction for the variant and for the group's original. */
    public record Variant(int predictedOriginal, int predictedVariant) {
    }

    /** Mean absolute difference between each variant's prediction and its original's. */
    public static double fairnessMad(List<Variant> variants) {
        if (variants.isEmpty()) {
            return 0;
        }
        double sum = 0;
        for (Variant v : variants) {
            sum += Math.abs(v.predictedVariant() - v.predictedOriginal());
        }
        return sum / variants.size();
    }

    /** Recall: found / labelled; 0 when nothing is labelled. */
    public static double ratio(int numerator, int denominator) {
        return denominator == 0 ? 0 : (double) numerator / denominator;
    }

    private static double[] toDouble(int[] values) {
        return Arrays.stream(values).asDoubleStream().toArray();
    }

    private static void check(int[] truth, int[] predicted) {
        if (truth.length != predicted.length) {
            throw new IllegalArgumentException("length mismatch: " + truth.length + " vs " + predicted.length);
        }
    }
}
