package dev.prescreen.scoring.rules;

import dev.prescreen.scoring.Flag;
import dev.prescreen.scoring.QuestionType;
import dev.prescreen.scoring.evidence.EvidenceRecord;
import dev.prescreen.scoring.evidence.Measure;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rubric as named rules: the guards every type shares (no answer, off topic), then the type's ordered rules
 * (the first that holds decides), then the caps (keyword stuffing: at most 2). Reads only the evidence record and the
 * thresholds; deterministic.
 */
public final class RuleBook {

    /** The decision: the score, the rule that decided and why, the flags raised. */
    public record Decision(int score, String rule, String reason, Set<Flag> flags) {
    }

    private static final Map<QuestionType, List<Rule>> BY_TYPE = new EnumMap<>(Map.of(
            QuestionType.GENERAL, GeneralRules.RULES,
            QuestionType.BEHAVIORAL, BehavioralRules.RULES,
            QuestionType.EXPERIENCE, ExperienceRules.RULES,
            QuestionType.SITUATIONAL, SituationalRules.RULES));

    private RuleBook() {
    }

    /** Every rule a type can decide by, in the order they are tried. */
    public static List<Rule> rules(QuestionType type) {
        List<Rule> all = new ArrayList<>(GuardRules.BEFORE);
        all.addAll(BY_TYPE.get(type));
        all.add(GuardRules.KEYWORD_STUFFING_CAP);
        return all;
    }

    public static Decision decide(QuestionType type, EvidenceRecord e, Thresholds t) {
        Set<Flag> flags = EnumSet.noneOf(Flag.class);
        if (e.get(Measure.INJECTION_SENTENCES) > 0) {
            flags.add(Flag.PROMPT_INJECTION);
        }
        for (Rule guard : GuardRules.BEFORE) {
            if (guard.when().holds(e, t)) {
                flags.addAll(guard.flags());
                return new Decision(guard.score(), guard.name(), guard.reason(), flags);
            }
        }
        Rule decided = BY_TYPE.get(type).stream().filter(r -> r.when().holds(e, t)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no rule decided for " + type));
        flags.addAll(decided.flags());
        Rule cap = GuardRules.KEYWORD_STUFFING_CAP;
        if (cap.when().holds(e, t)) {
            flags.addAll(cap.flags());
            if (decided.score() > cap.score()) {
                return new Decision(cap.score(), cap.name(), cap.reason() + " " + decided.reason(), flags);
            }
        }
        return new Decision(decided.score(), decided.name(), decided.reason(), flags);
    }
}
