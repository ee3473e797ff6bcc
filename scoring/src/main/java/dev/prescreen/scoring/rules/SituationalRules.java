package dev.prescreen.scoring.rules;

import static dev.prescreen.scoring.evidence.Measure.*;

import dev.prescreen.scoring.evidence.EvidenceRecord;
import java.util.List;

/** Situational: ordered, concrete reasoning adapted to the scenario, with trade-offs weighed. */
final class SituationalRules {

    private SituationalRules() {
    }

    static final List<Rule> RULES = List.of(
            Rule.of("situational.single_line", 1, "A single line, dismissive of the complexity.",
                    (e, t) -> e.get(SENTENCES) <= 2 && e.get(WORDS) < t.get("situational.single_line_max_words")
                            && (e.get(DISMISSIVE) > 0 || e.get(TECHNOLOGIES) == 0)),
            Rule.of("situational.dismissive", 1, "Dismisses the complexity of the scenario.",
                    (e, t) -> e.get(DISMISSIVE) >= t.get("situational.dismissive_min")
                            && e.get(TRADEOFFS) + e.get(REASONS) <= t.get("situational.dismissive_max_reasoning")),
            Rule.of("situational.shallow", 2, "A shallow list of steps or buzzwords with no reasoning.",
                    (e, t) -> e.get(WORDS) < t.get("situational.shallow_max_words") || (e.get(STEPS) == 0
                            && e.get(REASONS) + e.get(TRADEOFFS) == 0 && e.get(CONDITIONALS) == 0 && actions(e) < 3)),
            Rule.of("situational.weighed", 5, "Ordered steps, concrete techniques, trade-offs weighed and adapted to context.",
                    (e, t) -> structured(e) && e.get(TECHNOLOGIES) >= t.get("situational.strong_min_technologies")
                            && weighed(e) && e.get(CONDITIONALS) >= 1),
            Rule.of("situational.structured", 4, "Structured and concrete, little discussion of trade-offs.",
                    (e, t) -> (structured(e) && e.get(TECHNOLOGIES) >= t.get("situational.strong_min_technologies"))
                            || (e.get(TECHNOLOGIES) >= t.get("situational.reasoned_min_technologies")
                                && e.get(CONDITIONALS) >= 1
                                && e.get(REASONS) + e.get(TRADEOFFS) > 0)),
            Rule.of("situational.some_reasoning", 3, "Some reasoning, but unordered or generic.", (e, t) -> true));

    private static double actions(EvidenceRecord e) {
        return e.get(OWN_CONCRETE_ACTIONS) + e.get(OWN_CONCRETE_HYPOTHETICAL);
    }

    private static boolean structured(EvidenceRecord e) {
        return e.get(STEPS) >= 2 || (e.get(STEPS) >= 1 && e.get(CONDITIONALS) >= 1) || actions(e) >= 3;
    }

    private static boolean weighed(EvidenceRecord e) {
        return e.get(TRADEOFFS) >= 2 || (e.get(TRADEOFFS) >= 1 && e.get(REASONS) >= 2);
    }
}
