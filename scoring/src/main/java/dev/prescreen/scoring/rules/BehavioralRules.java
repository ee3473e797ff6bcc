package dev.prescreen.scoring.rules;

import static dev.prescreen.scoring.evidence.Measure.*;

import dev.prescreen.scoring.Flag;
import java.util.List;

/** Behavioral (STAR): a situation, the candidate's own action, a measurable result; "I did", not "we did". */
final class BehavioralRules {

    private BehavioralRules() {
    }

    static final List<Rule> RULES = List.of(
            Rule.flagging("behavioral.hypothetical_with_hint", 2, Flag.HYPOTHETICAL,
                    "Mostly hypothetical (\"I would\") with only a hint of real experience.",
                    (e, t) -> hypotheticalDominant(e, t) && (Signals.past(e) >= 1 || e.get(NO_EXPERIENCE) > 0)),
            Rule.flagging("behavioral.hypothetical", 1, Flag.HYPOTHETICAL, "Purely hypothetical: no past example.",
                    BehavioralRules::hypotheticalDominant),
            Rule.of("behavioral.habits", 2, "Describes how they usually work, not one specific past example.",
                    (e, t) -> noExample(e) && (e.get(OWN_ACTIONS) + e.get(TEAM_ACTIONS) >= 2 || e.get(HABITUAL) > 0)),
            Rule.of("behavioral.no_example", 1, "No example at all.", (e, t) -> noExample(e)),
            Rule.of("behavioral.habits_over_story", 2, "Mostly how they usually work; the example stays a hint.",
                    (e, t) -> e.get(HABITUAL) >= t.get("behavioral.habitual_dominant")
                            && e.get(QUANTIFIED_RESULTS) == 0 && e.get(OWN_CONCRETE_ACTIONS) <= 1),
            Rule.flagging("behavioral.we_not_i", 3, Flag.WE_NOT_I,
                    "A past example told with \"we\": the candidate's own part is unclear.",
                    (e, t) -> Signals.teamPast(e) >= 2 && Signals.ownPast(e) * 3 <= Signals.teamPast(e)),
            Rule.of("behavioral.star_quantified", 5,
                    "A specific past situation, own actions in the first person and a measurable result.",
                    (e, t) -> Signals.ownPast(e) >= 1 && e.get(OWN_CONCRETE_ACTIONS) >= 1 && e.get(QUANTIFIED_RESULTS) > 0),
            Rule.of("behavioral.star", 4, "A specific past example with own actions; the result is not quantified.",
                    (e, t) -> Signals.ownPast(e) >= 1 && e.get(OWN_CONCRETE_ACTIONS) >= 1 && e.get(RESULTS) > 0),
            Rule.of("behavioral.vague_example", 3, "A past example but vague, or without a result.", (e, t) -> true));

    private static boolean hypotheticalDominant(dev.prescreen.scoring.evidence.EvidenceRecord e, Thresholds t) {
        double hyp = e.get(HYPOTHETICAL_CLAUSES);
        return hyp >= t.get("behavioral.min_hypothetical_clauses")
                && (hyp > Signals.past(e) || (e.get(IF_I_HAD_TO) > 0 && e.get(NO_EXPERIENCE) > 0));
    }

    private static boolean noExample(dev.prescreen.scoring.evidence.EvidenceRecord e) {
        double past = Signals.past(e);
        return past < 1 || (past < 2 && e.get(OWN_CONCRETE_ACTIONS) == 0 && e.get(RESULTS) == 0);
    }
}
