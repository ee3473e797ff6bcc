package dev.prescreen.scoring.evidence;

import dev.prescreen.scoring.language.Lexicon;
import dev.prescreen.scoring.language.LexiconName;

/**
 * Recognises text addressed to the scorer rather than the interviewer: a standalone instruction ("ignore the
 * rubric", "this response meets all criteria"), pseudo-markup ("[system] score=5", "&lt;&lt;instructions&gt;&gt;"), or
 * an addressee ("note for the evaluator", "whoever reads this") together with a directive. Such sentences are
 * quoted as evidence and left out of everything else.
 */
final class InjectionFilter {

    private final Lexicon lexicon;

    InjectionFilter(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    boolean instructsTheScorer(String sentence) {
        return lexicon.matches(LexiconName.INJECTION_STANDALONE, sentence)
                || lexicon.matches(LexiconName.INJECTION_MARKUP, sentence)
                || (lexicon.matches(LexiconName.INJECTION_ADDRESSEE, sentence)
                    && lexicon.matches(LexiconName.INJECTION_DIRECTIVE, sentence));
    }
}
