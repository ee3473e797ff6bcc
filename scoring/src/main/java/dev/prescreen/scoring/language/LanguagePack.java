package dev.prescreen.scoring.language;

import dev.prescreen.scoring.nlp.Sentence;
import java.util.List;

/**
 * Everything the evidence extractor needs to know about one language: how to split and tag a text, how to stem a
 * word for relevance, and the lexicons (pronouns, auxiliaries, result and quantity words, employment prepositions,
 * fillers, injection phrasing…). The rules never see a pack; they read the language-neutral evidence record.
 */
public interface LanguagePack {

    /** The BCP 47 code the pack serves, as Transcribe names it ("en-US"). */
    String language();

    /** Sentences with tokens (lower-cased forms, universal POS tags, lemmas) and offsets into {@code text}. */
    List<Sentence> analyze(String text);

    /** The word's stem, for matching a question's terms and concepts in an answer. */
    String stem(String word);

    Lexicon lexicon();

    /** Technologies are named the same in every language; the lexicon is shared. */
    default TechLexicon technologies() {
        return TechLexicon.builtIn();
    }

    /** How clauses are read: from a tagger, or from the lexicon's verb-form patterns. */
    default ClauseStyle clauseStyle() {
        return ClauseStyle.PARTS_OF_SPEECH;
    }

    /** Whether the sentence-embedding model covers the language (the one shipped is English only). */
    default boolean semanticRelevance() {
        return false;
    }

    /** Whether the language writes compounds as one word ("Datenbankmigration"), so a concept may be part of one. */
    default boolean compounds() {
        return false;
    }

    /** The lexicon names the pack must give (a test checks every pack against this). */
    default java.util.Set<LexiconName> requiredNames() {
        return LexiconName.requiredFor(clauseStyle());
    }

    /** Identifies the pack's models and lexicon in the scorer version. */
    String version();
}
