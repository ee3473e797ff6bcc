package dev.prescreen.scoring.evidence;

import dev.prescreen.scoring.language.ClauseStyle;
import dev.prescreen.scoring.language.LanguagePack;
import dev.prescreen.scoring.nlp.Token;
import java.util.List;

/** Reads who acted, and when, in one sentence: the part of the evidence that differs most between languages. */
interface ClauseReader {

    enum Subject { I, WE, OTHER }

    enum Tense { PAST, PRESENT, HYPOTHETICAL }

    /** One verb clause; {@code index} is the verb's position in the sentence's tokens. */
    record Clause(Subject subject, Tense tense, Token verb, int index, boolean action) {
    }

    /**
     * @param tokens        the sentence's tokens, disfluencies left out
     * @param sentence      the sentence's text
     * @param sentenceStart where the sentence starts in the analysed text (token offsets are into that text)
     */
    List<Clause> of(List<Token> tokens, String sentence, int sentenceStart);

    /** The subject a pronoun token introduces, or null if it is no subject. */
    Subject subjectOf(Token t);

    /** Whether the verb states rather than acts ("I think", "I know"). */
    boolean stative(Token verb);

    static ClauseReader of(LanguagePack pack) {
        return pack.clauseStyle() == ClauseStyle.PARTS_OF_SPEECH ? new Clauses(pack.lexicon()) : new VerbFormClauses(pack);
    }
}
