package dev.prescreen.scoring.language;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

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
    STEP, REASON, TRADEOFF, CONDITIONAL, HABITUAL, DISMISSIVE, FILLER, VAGUE, EVASIVE, DEFINITION, IF_I_HAD_TO,
    // verb forms that name who acted and when, for packs without a tagger (ClauseStyle.VERB_FORMS)
    I_PAST, I_PRESENT, I_HYPOTHETICAL, WE_PAST, WE_PRESENT, WE_HYPOTHETICAL;

    private static final Set<LexiconName> VERB_FORMS = EnumSet.of(I_PAST, I_PRESENT, I_HYPOTHETICAL, WE_PAST,
            WE_PRESENT, WE_HYPOTHETICAL);
    /** Read by the tagged clause reader only. */
    private static final Set<LexiconName> TAGGED_ONLY = EnumSet.of(INFINITIVE_MARKER, CONDITIONAL_SUBORDINATOR);

    /** The names a pack of the style must give. */
    public static Set<LexiconName> requiredFor(ClauseStyle style) {
        Set<LexiconName> names = EnumSet.allOf(LexiconName.class);
        names.removeAll(style == ClauseStyle.PARTS_OF_SPEECH ? VERB_FORMS : TAGGED_ONLY);
        return names;
    }

    /** The name as the lexicon file writes it. */
    public String fileName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
