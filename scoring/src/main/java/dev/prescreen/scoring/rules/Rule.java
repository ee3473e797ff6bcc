package dev.prescreen.scoring.rules;

import dev.prescreen.scoring.Flag;
import dev.prescreen.scoring.evidence.EvidenceRecord;
import java.util.Set;

/**
 * One named rule: when its condition holds on the evidence (compared with named thresholds), the answer gets its
 * score, its reason and its flags. Rules of a type are tried in order; the first that holds decides.
 */
public record Rule(String name, int score, String reason, Set<Flag> flags, Condition when) {

    /** A test on the evidence record only. */
    @FunctionalInterface
    public interface Condition {
        boolean holds(EvidenceRecord e, Thresholds t);
    }

    public static Rule of(String name, int score, String reason, Condition when) {
        return new Rule(name, score, reason, Set.of(), when);
    }

    public static Rule flagging(String name, int score, Flag flag, String reason, Condition when) {
        return new Rule(name, score, reason, Set.of(flag), when);
    }

    public Rule {
        if (score < 1 || score > 5) {
            throw new IllegalArgumentException(name + ": score must be 1..5");
        }
    }
}
