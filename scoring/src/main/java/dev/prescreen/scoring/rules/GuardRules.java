package dev.prescreen.scoring.rules;

import static dev.prescreen.scoring.evidence.Measure.*;

import dev.prescreen.scoring.Flag;
import java.util.List;

/** The rubric's rules for every type, tried before the type's own: no answer, then relevance first. */
final class GuardRules {

    private GuardRules() {
    }

    static final List<Rule> BEFORE = List.of(
            Rule.flagging("guard.instruction_only", 1, Flag.NO_ANSWER,
                    "Nothing but an instruction to the scorer: no answer.",
                    (e, t) -> e.get(INJECTION_SENTENCES) > 0 && e.get(WORDS) < t.get("no_answer.min_words")),
            Rule.flagging("guard.no_answer", 1, Flag.NO_ANSWER, "No answer given.",
                    (e, t) -> e.get(WORDS) < t.get("no_answer.min_words")
                            || (e.get(IGNORANCE) > 0 && e.get(WORDS) < t.get("no_answer.ignorance_max_words")
                                && e.get(TECHNOLOGIES) + e.get(CONCEPT_HITS) + e.get(OWN_ACTIONS) + e.get(TEAM_ACTIONS)
                                    + e.get(DURATIONS) <= 1)),
            Rule.flagging("guard.off_topic_with_substance", 2, Flag.OFF_TOPIC,
                    "Does not address the question asked, though it describes real work (at most 2).",
                    (e, t) -> Signals.offTopic(e, t) && e.get(OWN_ACTIONS) >= 2 && e.get(TECHNOLOGIES) >= 1),
            Rule.flagging("guard.off_topic", 1, Flag.OFF_TOPIC, "Does not address the question asked.",
                    Signals::offTopic));

    /** After the type's rules: caps. */
    static final Rule KEYWORD_STUFFING_CAP = Rule.flagging("cap.keyword_stuffing", 2, Flag.KEYWORD_STUFFING,
            "A list of technologies or buzzwords without claims about what the candidate did (at most 2).",
            Signals::keywordStuffing);
}
