package dev.prescreen.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OverallScoreTest {

    @Test
    void equalWeights() {
        // (4 + 2 + 0 + 3) / (4 * 4) = 9/16 = 56.25 -> 56
        assertThat(OverallScore.ofScores(List.of(5, 3, 1, 4)).value()).isEqualTo(56);
        assertThat(OverallScore.ofScores(List.of(5, 5)).value()).isEqualTo(100);
        assertThat(OverallScore.ofScores(List.of(1, 1)).value()).isZero();
    }

    @Test
    void weightsAndRounding() {
        // w = 2,1: (2*4 + 1*1) / (4*3) = 9/12 = 75
        assertThat(OverallScore.of(List.of(new OverallScore.Item(5, 2), new OverallScore.Item(2, 1))).value())
                .isEqualTo(75);
        // (1 + 0 + 0) / 12 = 8.33 -> 8
        assertThat(OverallScore.ofScores(List.of(2, 1, 1)).value()).isEqualTo(8);
        // (2+2+... ) 3,3,4 -> (2+2+3)/12 = 58.33 -> 58 ; 3,4 -> 5/8 = 62.5 -> 63 (half up)
        assertThat(OverallScore.ofScores(List.of(3, 4)).value()).isEqualTo(63);
    }

    @Test
    void noAnswerCountsAsOne() {
        assertThat(OverallScore.of(Arrays.asList(new OverallScore.Item(null, 1), OverallScore.Item.of(5))).value())
                .isEqualTo(50);
        ScoreCard noAnswer = new ScoreCard(1, "a", "r", List.of(), Set.of(Flag.NO_ANSWER), Map.of(), "v", "test.rule");
        ScoreCard five = new ScoreCard(5, "a", "r", List.of(), Set.of(), Map.of(), "v", "test.rule");
        assertThat(OverallScore.ofCards(List.of(noAnswer, five)).value()).isEqualTo(50);
    }

    @Test
    void passesAtOrAboveThreshold() {
        OverallScore s = OverallScore.ofScores(List.of(4, 4));
        assertThat(s.value()).isEqualTo(75);
        assertThat(s.passed(75)).isTrue();
        assertThat(s.passed(76)).isFalse();
    }

    @Test
    void flagsHaveLowercaseWireNames() {
        assertThat(Flag.WE_NOT_I.wireName()).isEqualTo("we_not_i");
        assertThat(Flag.fromWireName("prompt_injection")).isEqualTo(Flag.PROMPT_INJECTION);
    }
}
