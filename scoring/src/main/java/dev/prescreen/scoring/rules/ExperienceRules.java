package dev.prescreen.scoring.rules;

import static dev.prescreen.scoring.evidence.Measure.*;

import dev.prescreen.scoring.Flag;
import dev.prescreen.scoring.evidence.EvidenceRecord;
import java.util.List;

/** Experience: specific roles, named companies or projects, measurable outcomes, progression. */
final class ExperienceRules {

    private ExperienceRules() {
    }

    static final List<Rule> RULES = List.of(
            Rule.of("experience.none", 1, "No relevant experience expressed.",
                    (e, t) -> noExperience(e) && e.get(QUANTIFIED_RESULTS) == 0),
            Rule.flagging("experience.hypothetical", 2, Flag.HYPOTHETICAL,
                    "Hypothetical rather than actual experience.",
                    (e, t) -> e.get(HYPOTHETICAL_CLAUSES) >= 2
                            && e.get(HYPOTHETICAL_CLAUSES) > e.get(OWN_PAST_ACTIONS) + e.get(TEAM_PAST_ACTIONS)),
            Rule.of("experience.lecture", 2, "Explains the technology instead of the candidate's experience with it.",
                    (e, t) -> e.get(DEFINITIONS) >= t.get("experience.lecture_min_definitions")
                            && e.get(OWN_CONCRETE_ACTIONS) <= 1 && !Signals.named(e)),
            Rule.of("experience.named_with_outcomes", 5,
                    "Names employers or projects, roles and durations, technologies, and measurable outcomes.",
                    (e, t) -> Signals.named(e) && e.get(QUANTIFIED_RESULTS) > 0
                            && e.get(OWN_CONCRETE_ACTIONS) >= t.get("experience.strong_min_concrete_actions")
                            && (e.get(ROLES) > 0 || e.get(DURATIONS) > 0)),
            Rule.of("experience.named", 4, "A specific project or employer with concrete technologies; outcomes without numbers.",
                    (e, t) -> Signals.named(e) && e.get(OWN_CONCRETE_ACTIONS) >= 1
                            && (e.get(RESULTS) > 0 || e.get(OWN_CONCRETE_ACTIONS) >= 2)),
            Rule.of("experience.some_specifics", 3,
                    "Some specifics (technologies, years) but no identifiable project, employer or outcome.",
                    (e, t) -> (Signals.named(e) && (e.get(OWN_CONCRETE_ACTIONS) >= 1 || e.get(TEAM_ACTIONS) >= 2))
                            || ((e.get(TECHNOLOGIES) >= 2 || e.get(DURATIONS) > 0)
                                && (e.get(OWN_CONCRETE_ACTIONS) >= 1 || e.get(DURATIONS) > 0)
                                && Signals.vagueShare(e) < t.get("experience.max_vague_share"))),
            Rule.of("experience.evasive", 1, "Evasive: no experience of the candidate's own is expressed.",
                    (e, t) -> e.get(OWN_ACTIONS) + e.get(TEAM_ACTIONS) == 0 && e.get(VAGUE) == 0 && e.get(HABITUAL) == 0),
            Rule.of("experience.general_statements", 2, "General statements only, nothing concrete.", (e, t) -> true));

    private static boolean noExperience(EvidenceRecord e) {
        return (e.get(NO_EXPERIENCE) > 0 && (e.get(TECHNOLOGIES) < 2 || e.get(OWN_CONCRETE_ACTIONS) == 0))
                || (e.get(NO_EXPERIENCE) >= 2 && e.get(NO_EXPERIENCE) > e.get(OWN_ACTIONS) && !Signals.named(e));
    }
}
