package dev.prescreen.scoring;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The result of scoring one answer.
 *
 * @param score         1..5 on the rubric of the question type
 * @param anchor        the rubric's anchor text for that type and score
 * @param reason        why, in a sentence or two
 * @param evidence      spans of the transcript that support the score
 * @param flags         findings (prompt injection, no answer, ...)
 * @param features      the measured evidence, by name (for audit and tuning)
 * @param scorerVersion the {@link AnswerScorer#version()} that produced the card
 * @param rule          the named rule that decided the score (null on cards scored before rules had names)
 */
public record ScoreCard(int score, String anchor, String reason, List<Evidence> evidence, Set<Flag> flags,
                        Map<String, Double> features, String scorerVersion, String rule) {

    public ScoreCard {
        if (score < 1 || score > 5) {
            throw new IllegalArgumentException("score must be 1..5: " + score);
        }
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        flags = flags == null || flags.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(flags));
        features = features == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(features));
    }

    public boolean has(Flag flag) {
        return flags.contains(flag);
    }

    public double feature(String name) {
        return features.getOrDefault(name, 0.0);
    }
}
