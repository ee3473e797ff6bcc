package dev.prescreen.scoring;

import java.util.List;

/**
 * The candidate's overall score out of 100 from per-question scores:
 * {@code overall = round(100 × Σ w(s−1) / (4 Σ w))}. A no-answer counts as 1.
 */
public record OverallScore(int value) {

    public OverallScore {
        if (value < 0 || value > 100) {
            throw new IllegalArgumentException("overall score must be 0..100: " + value);
        }
    }

    /** One question's contribution; {@code score} null (not answered) counts as 1. */
    public record Item(Integer score, double weight) {
        public Item {
            if (weight < 0 || Double.isNaN(weight)) {
                throw new IllegalArgumentException("weight must be >= 0: " + weight);
            }
            if (score != null && (score < 1 || score > 5)) {
                throw new IllegalArgumentException("score must be 1..5: " + score);
            }
        }

        public static Item of(int score) {
            return new Item(score, 1.0);
        }
    }

    public static OverallScore of(List<Item> items) {
        double num = 0;
        double den = 0;
        for (Item item : items) {
            int s = item.score() == null ? 1 : item.score();
            num += item.weight() * (s - 1);
            den += item.weight();
        }
        if (den == 0) {
            return new OverallScore(0);
        }
        return new OverallScore((int) Math.round(100.0 * num / (4.0 * den)));
    }

    /** Equal weights. */
    public static OverallScore ofScores(List<Integer> scores) {
        return of(scores.stream().map(s -> new Item(s, 1.0)).toList());
    }

    /** From score cards with equal weights; a card flagged no_answer counts as 1. */
    public static OverallScore ofCards(List<ScoreCard> cards) {
        return of(cards.stream().map(c -> new Item(c.has(Flag.NO_ANSWER) ? 1 : c.score(), 1.0)).toList());
    }

    public boolean passed(int threshold) {
        return value >= threshold;
    }
}
