package dev.prescreen.scoring.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationMetricsTest {

    @Test
    void exactWithinOneAndMae() {
        int[] truth = {1, 2, 3, 4, 5};
        int[] pred = {1, 3, 5, 4, 4};
        assertThat(EvaluationMetrics.exact(truth, pred)).isEqualTo(0.4);
        assertThat(EvaluationMetrics.withinOne(truth, pred)).isEqualTo(0.8);
        assertThat(EvaluationMetrics.meanAbsoluteError(truth, pred)).isEqualTo(0.8);
    }

    @Test
    void ranksAverageTies() {
        assertThat(EvaluationMetrics.averageRanks(new double[] {10, 20, 20, 30}))
                .containsExactly(1.0, 2.5, 2.5, 4.0);
    }

    @Test
    void spearmanByHand() {
        assertThat(EvaluationMetrics.spearman(new int[] {1, 2, 3}, new int[] {1, 2, 3})).isEqualTo(1.0, within(1e-12));
        assertThat(EvaluationMetrics.spearman(new int[] {1, 2, 3}, new int[] {3, 2, 1})).isEqualTo(-1.0, within(1e-12));
        // truth ranks 1,2,3,4; prediction 1,1,2,3 -> ranks 1.5,1.5,3,4.
        // means 2.5 and 2.5; dx = -1.5,-.5,.5,1.5; dy = -1,-1,.5,1.5; sxy = 1.5+.5+.25+2.25 = 4.5;
        // sxx = 5; syy = 1+1+.25+2.25 = 4.5; r = 4.5 / sqrt(22.5) = 0.948683
        assertThat(EvaluationMetrics.spearman(new int[] {1, 2, 3, 4}, new int[] {1, 1, 2, 3}))
                .isEqualTo(0.948683, within(1e-6));
    }

    @Test
    void quadraticKappaByHand() {
        assertThat(EvaluationMetrics.quadraticWeightedKappa(new int[] {1, 3, 5}, new int[] {1, 3, 5}))
                .isEqualTo(1.0, within(1e-12));
        // truth {1,5}, pred {5,1}: observed weighted disagreement = 1+1 = 2;
        // expected = sum over i,j of w_ij * 1*1/2: pairs (1,1)0 (1,5)1 (5,1)1 (5,5)0 -> 1; kappa = 1 - 2/1 = -1
        assertThat(EvaluationMetrics.quadraticWeightedKappa(new int[] {1, 5}, new int[] {5, 1}))
                .isEqualTo(-1.0, within(1e-12));
        // truth {1,2}, pred {1,3}: observed = w(2,3) = 1/16; hist truth 1:1 2:1, pred 1:1 3:1, n = 2
        // expected = (w(1,1)+w(1,3)+w(2,1)+w(2,3)) / 2 = (0 + 4/16 + 1/16 + 1/16) / 2 = 3/16
        // kappa = 1 - (1/16)/(3/16) = 2/3
        assertThat(EvaluationMetrics.quadraticWeightedKappa(new int[] {1, 2}, new int[] {1, 3}))
                .isEqualTo(2.0 / 3, within(1e-12));
    }

    @Test
    void confusionRowsAreLabels() {
        int[][] m = EvaluationMetrics.confusion(new int[] {1, 1, 5}, new int[] {2, 1, 5});
        assertThat(m[0][1]).isEqualTo(1);
        assertThat(m[0][0]).isEqualTo(1);
        assertThat(m[4][4]).isEqualTo(1);
    }

    @Test
    void pairAccuracyCountsTiesAsWrong() {
        List<EvaluationMetrics.Pair> pairs = List.of(
                new EvaluationMetrics.Pair(2, 5, 1, 4),
                new EvaluationMetrics.Pair(5, 2, 3, 3),
                new EvaluationMetrics.Pair(4, 1, 2, 3),
                new EvaluationMetrics.Pair(4, 1, 5, 2));
        assertThat(EvaluationMetrics.pairAccuracy(pairs)).isEqualTo(0.5);
    }

    @Test
    void fairnessMadIsMeanAbsoluteDifference() {
        assertThat(EvaluationMetrics.fairnessMad(List.of(
                new EvaluationMetrics.Variant(4, 4),
                new EvaluationMetrics.Variant(4, 3),
                new EvaluationMetrics.Variant(2, 4),
                new EvaluationMetrics.Variant(5, 5)))).isEqualTo(0.75);
        assertThat(EvaluationMetrics.fairnessMad(List.of())).isZero();
    }
}
