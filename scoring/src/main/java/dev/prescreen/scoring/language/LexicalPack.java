package dev.prescreen.scoring.language;

import dev.prescreen.scoring.nlp.Sentence;
import dev.prescreen.scoring.nlp.Token;
import dev.prescreen.scoring.nlp.WordTokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A language without a tagger in the project: sentences and tokens from {@link WordTokenizer}, tags from the lexicon
 * and the language's stop words, stems from Lucene's stemmer for the language, clauses from the lexicon's verb-form
 * patterns ({@link ClauseStyle#VERB_FORMS}), and the lexicon in {@code scoring/lexicon/<language>.txt}, matched
 * without regard to diacritics. One instance per thread (stemmers keep state).
 *
 * <p>Tags are universal POS tags where the lexicon knows them: PRON for the subject pronouns, AUX for the auxiliaries,
 * NUM, PUNCT, {@value Token#FUNCTION_WORD} for the language's other stop words, PROPN for a capitalised word inside a
 * sentence (in languages that do not capitalise every noun), and X for any other word. Forms are lower-cased and
 * folded ({@link Folding}); lemmas are the stems of the words as written.
 */
public final class LexicalPack implements LanguagePack {

    /** What differs between the languages this pack serves. */
    public record Spec(String language, String version, Supplier<Stemmer> stemmer, Set<String> stopWords,
                       boolean capitalisesNouns, boolean elides, boolean compounds) {
    }

    /** A stemmer for one thread; it gets the word lower-cased as written, and its stem is folded after. */
    public interface Stemmer {
        String stem(String lowerCaseWord);
    }

    private final Spec spec;
    private final Lexicon lexicon;
    private final TechLexicon technologies;
    private final Stemmer stemmer;
    private final WordTokenizer tokenizer;

    public LexicalPack(Spec spec, Lexicon lexicon, TechLexicon technologies) {
        this.spec = spec;
        this.lexicon = lexicon;
        this.technologies = technologies;
        this.stemmer = spec.stemmer().get();
        this.tokenizer = new WordTokenizer(Locale.forLanguageTag(spec.language()), spec.elides());
    }

    @Override
    public String language() {
        return spec.language();
    }

    @Override
    public Lexicon lexicon() {
        return lexicon;
    }

    /** The shared technologies, with the language's own names for them ({@code <language>.technologies.txt}). */
    @Override
    public TechLexicon technologies() {
        return technologies;
    }

    @Override
    public ClauseStyle clauseStyle() {
        return ClauseStyle.VERB_FORMS;
    }

    @Override
    public boolean compounds() {
        return spec.compounds();
    }

    @Override
    public String version() {
        return spec.version();
    }

    /** Lower-cased and folded, so answers typed without diacritics meet the bank's concepts on the same stem. */
    @Override
    public String stem(String word) {
        String w = word.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        int apostrophe = w.indexOf('\'');
        if (apostrophe > 0 && apostrophe == w.length() - 1) {
            return Folding.fold(w);
        }
        String stem = Folding.fold(stemmer.stem(w));
        // borrowed words keep their English plural in every one of these languages: "logs", "tests", "endpoints"
        if (stem.length() > MIN_PLURAL_STEM && stem.endsWith("s") && !stem.endsWith("ss")) {
            stem = stem.substring(0, stem.length() - 1);
        }
        return stem;
    }

    /** Shorter stems ending in s are words of their own ("bus", "gas"), not plurals. */
    private static final int MIN_PLURAL_STEM = 3;

    @Override
    public List<Sentence> analyze(String text) {
        List<Sentence> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        for (int[] s : tokenizer.sentences(text)) {
            List<Token> tokens = new ArrayList<>();
            boolean first = true;
            for (WordTokenizer.Span span : tokenizer.tokens(text, s[0], s[1])) {
                String lower = span.text().toLowerCase(Locale.ROOT).replace('\u2019', '\'');
                // forms without diacritics, so "réplication" is the technology "replication"; the stem is taken
                // from the word as written (a dictionary lemmatiser needs its letters)
                String form = Folding.fold(lower);
                String tag = tag(span.text(), form, first);
                first = false;
                String lemma = tag.equals("PUNCT") ? form : stem(lower);
                tokens.add(new Token(form, tag, lemma, span.start(), span.end()));
            }
            if (!tokens.isEmpty()) {
                out.add(new Sentence(s[0], s[1], tokens));
            }
        }
        return out;
    }

    private String tag(String original, String form, boolean sentenceStart) {
        char c = form.charAt(0);
        if (!Character.isLetterOrDigit(c)) {
            return "PUNCT";
        }
        if (Character.isDigit(c)) {
            return "NUM";
        }
        if (lexicon.contains(LexiconName.SUBJECT_I, form) || lexicon.contains(LexiconName.SUBJECT_WE, form)
                || lexicon.contains(LexiconName.SUBJECT_OTHER, form)) {
            return "PRON";
        }
        if (lexicon.contains(LexiconName.AUX_PAST, form) || lexicon.contains(LexiconName.AUX_HYPOTHETICAL, form)) {
            return "AUX";
        }
        if (spec.stopWords().contains(form) || spec.stopWords().contains(Folding.fold(form))) {
            return Token.FUNCTION_WORD;
        }
        if (!sentenceStart && !spec.capitalisesNouns() && Character.isUpperCase(original.charAt(0))) {
            return "PROPN";
        }
        return "X";
    }
}
