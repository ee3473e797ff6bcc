package dev.prescreen.scoring.rules;

import static dev.prescreen.scoring.evidence.Measure.*;

import java.util.List;

/** General: clarity, directness, self-awareness; the question answered precisely, without filler or tangents. */
final class GeneralRules {

    private GeneralRules() {
    }

    static final List<Rule> RULES = List.of(
            Rule.of("general.buzzwords_only", 1, "Buzzwords listed without substance.",
                    (e, t) -> Signals.keywordStuffing(e, t) && e.get(OWN_ACTIONS) == 0),
            Rule.of("general.evasive", 1, "Avoids the question (deflects to something else).",
                    (e, t) -> e.get(EVASIVE) > 0 && e.get(OWN_CONCRETE_ACTIONS) == 0),
            Rule.of("general.lecture", 1, "Explains the topic in general instead of the candidate's own experience.",
                    (e, t) -> e.get(DEFINITIONS) >= t.get("general.lecture_min_definitions")
                            && e.get(OWN_CONCRETE_ACTIONS) == 0 && e.get(EMPLOYERS) == 0),
            Rule.of("general.claim_without_facts", 2, "Mostly vague: a claim of experience with almost nothing concrete.",
                    (e, t) -> nothingConcrete(e) && (Signals.named(e) || e.get(OWN_CONCRETE_ACTIONS) > 0)),
            Rule.of("general.nothing_concrete", 1, "Avoids the question: no concrete fact, technology or own experience.",
                    (e, t) -> nothingConcrete(e) && e.get(OWN_ACTIONS) == 0),
            Rule.of("general.generic_own_account", 3, "Relevant but generic: an own account with few concrete facts.",
                    (e, t) -> nothingConcrete(e) && e.get(OWN_ACTIONS) >= t.get("general.generic_min_own_actions")
                            && Signals.vagueShare(e) < t.get("general.mostly_vague_share")),
            Rule.of("general.vague_claim", 2, "Mostly vague: a claim of experience with almost nothing concrete.",
                    (e, t) -> nothingConcrete(e)),
            Rule.of("general.mostly_vague", 2, "Mostly vague or rambling, little substance.",
                    (e, t) -> Signals.concreteness(e) <= 1 || Signals.vagueShare(e) >= t.get("general.mostly_vague_share")),
            Rule.of("general.generic", 3, "Relevant but generic; few concrete facts.",
                    (e, t) -> Signals.concreteness(e) == 2 || Signals.vagueShare(e) >= t.get("general.generic_vague_share")),
            Rule.of("general.filler", 3, "Relevant and partly concrete, but with noticeable filler.",
                    (e, t) -> e.get(FILLERS) >= t.get("general.max_fillers")
                            && e.get(CONCRETE_SENTENCES) < t.get("general.filler_forgiven_concrete_sentences")),
            Rule.of("general.limits_only", 3,
                    "Honest about limits, but says more about what is missing than about what was done.",
                    (e, t) -> e.get(LIMITS) >= 2
                            && e.get(TECHNOLOGIES) + e.get(QUANTITIES) + e.get(DURATIONS) <= e.get(LIMITS)),
            Rule.of("general.concrete_self_aware", 5,
                    "Direct and concrete, names real technologies and facts, and states limits.",
                    (e, t) -> e.get(LIMITS) > 0 && Signals.vagueShare(e) < t.get("general.clean_vague_share")
                            && e.get(FILLERS) + e.get(VAGUE) <= t.get("general.clean_max_filler")),
            Rule.of("general.concrete", 4, "Direct, relevant and concrete, but no limits acknowledged or some filler.",
                    (e, t) -> true));

    private static boolean nothingConcrete(dev.prescreen.scoring.evidence.EvidenceRecord e) {
        return (e.get(TECHNOLOGIES) == 0 && e.get(QUANTITIES) + e.get(DURATIONS) == 0) || Signals.concreteness(e) == 0;
    }
}
