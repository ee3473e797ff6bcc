package dev.prescreen.scoring.evidence;

import java.util.Locale;

/** What the evidence extractor counts in an answer, whatever its language. The rules read only these. */
public enum Measure {
    WORDS, SENTENCES,
    // who acted, and how
    OWN_ACTIONS, OWN_PAST_ACTIONS, OWN_CONCRETE_ACTIONS, OWN_CONCRETE_HYPOTHETICAL, TEAM_ACTIONS, TEAM_PAST_ACTIONS,
    HYPOTHETICAL_CLAUSES, IF_I_HAD_TO,
    // what came of it
    RESULTS, QUANTIFIED_RESULTS, QUANTITIES, DURATIONS,
    // where, with what, as whom
    EMPLOYERS, PROJECTS, ROLES, TECHNOLOGIES, TECHNOLOGIES_WITH_OWN_ACTION,
    // how it reasons
    STEPS, REASONS, TRADEOFFS, CONDITIONALS, LIMITS, DEFINITIONS,
    // what weakens it
    NO_EXPERIENCE, IGNORANCE, FILLERS, VAGUE, HABITUAL, DISMISSIVE, EVASIVE,
    // lists of short items without a clause: the shape of keyword stuffing
    LIST_ITEMS, LIST_WORDS, LIST_TECHNOLOGIES,
    // sentences by kind
    VAGUE_SENTENCES, CONCRETE_SENTENCES, INJECTION_SENTENCES,
    // relevance to the question
    CONCEPTS, CONCEPT_HITS, QUESTION_TERMS, QUESTION_TERM_HITS, SEMANTIC_MEASURED, SEMANTIC_SIMILARITY,
    /** own-question similarity minus the best similarity to another question the answer may really answer */
    SEMANTIC_MARGIN;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
