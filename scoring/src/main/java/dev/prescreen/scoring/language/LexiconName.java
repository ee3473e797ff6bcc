package dev.prescreen.scoring.language;

import java.util.Locale;

/**
 * The names every language pack's lexicon gives, in its own words: the contract between a pack and the evidence
 * extractor. Word sets are matched against lower-cased tokens, phrase patterns against one sentence at a time.
 */
public enum LexiconName {
    // who acts, and in which tense
    SUBJECT_I, SUBJECT_WE, SUBJECT_OTHER, AUX_HYPOTHETICAL, AUX_PAST, CONDITIONAL_SUBORDINATOR, STATIVE,
    INFINITIVE_MARKER, DISFLUENCY, LIST_CONNECTOR, EMPLOYMENT_PREPOSITION, NOT_AN_EMPLOYER, QUESTION_FILLER_NOUN,
    // instructions to the scorer
    INJECTION_STANDALONE, INJECTION_MARKUP, INJECTION_ADDRESSEE, INJECTION_DIRECTIVE,
    // no answer, limits
    IGNORANCE, NO_EXPERIENCE, LIMIT,
    // results and quantities
    RESULT, QUANTITY_WORD, QUANTITY_TOKEN, YEAR_TOKEN, DURATION,
    // where, what, as whom
    EMPLOYER, PROJECT, ROLE,
    // how the answer reasons
    STEP, REASON, TRADEOFF, CONDITIONAL, HABITUAL, DISMISSIVE, FILLER, VAGUE, EVASIVE, DEFINITION, IF_I_HAD_TO;

    /** The name as the lexicon file writes it. */
    public String fileName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
