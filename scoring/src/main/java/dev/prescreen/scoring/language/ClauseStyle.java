package dev.prescreen.scoring.language;

/** How a pack tells who acted, and when. */
public enum ClauseStyle {
    /**
     * A part-of-speech tagger with lemmas (English): clauses are read from pronouns, auxiliaries and verb tags, and the
     * lexicon's auxiliary and pronoun sets.
     */
    PARTS_OF_SPEECH,
    /**
     * No tagger (the other interview languages): the lexicon's verb-form patterns name first-person singular and plural
     * actions, past, present and hypothetical ("implementé", "zrobiłem", "ich habe", "abbiamo", "je découperais"),
     * which also covers languages that drop the pronoun.
     */
    VERB_FORMS
}
