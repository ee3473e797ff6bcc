package dev.prescreen.scoring.nlp;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sentences and word tokens with their offsets, for languages the project has no tagger for: sentences from the JDK's
 * locale-aware break iterator, tokens from one pattern. A word keeps its inner joiners where technology names need
 * them ("node.js", "c#", "ci/cd", "c++", "1,5"); a hyphen splits ("p99-Latenz", "rest-api", "unit-tests": each part can
 * meet a concept); an elided article or pronoun stands alone ("j'" "ai", "dell'" "api"), as do punctuation marks, which
 * the keyword-list and employer readers need.
 */
public final class WordTokenizer {

    private static final Pattern TOKEN = Pattern.compile(
            "\\p{N}+(?:[.,]\\p{N}+)+"                                     // 1,5 and 1.000
            + "|[\\p{L}\\p{N}](?:[\\p{L}\\p{M}\\p{N}]|['’._/+#&](?=[\\p{L}\\p{N}]))*[+#]*" // words, node.js, ci/cd, c#
            + "|[^\\s\\p{L}\\p{N}]");                                 // one punctuation mark
    /** An elided article, pronoun or preposition at the start of a word: l', j', qu', dell', quest'. */
    private static final Pattern ELISION = Pattern.compile("\\p{L}{1,6}['’](?=\\p{L})");

    private final Locale locale;
    private final boolean elides;

    /** @param elides whether the language elides articles and pronouns with an apostrophe (French, Italian) */
    public WordTokenizer(Locale locale, boolean elides) {
        this.locale = locale;
        this.elides = elides;
    }

    /** A token before tagging: its text and span in the analysed text. */
    public record Span(String text, int start, int end) {
    }

    /** Sentence spans, trimmed of surrounding space; offsets are those of {@code text}. */
    public List<int[]> sentences(String text) {
        List<int[]> out = new ArrayList<>();
        BreakIterator it = BreakIterator.getSentenceInstance(locale);
        // the break iterator wants a capital after the full stop; speech transcripts are often all lower case
        it.setText(Analyzer.recase(text));
        int start = it.first();
        for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
            int s = start;
            int e = end;
            while (s < e && Character.isWhitespace(text.charAt(s))) {
                s++;
            }
            while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
                e--;
            }
            if (e > s) {
                out.add(new int[] {s, e});
            }
        }
        return out;
    }

    public List<Span> tokens(String text, int from, int to) {
        List<Span> out = new ArrayList<>();
        String region = text.substring(from, to);
        Matcher m = TOKEN.matcher(region);
        while (m.find()) {
            String token = m.group();
            // "qu'il", "dell'api", "l'application": the elided word stands alone
            Matcher e = ELISION.matcher(token);
            if (elides && token.length() > 2 && e.lookingAt() && e.end() < token.length()) {
                out.add(new Span(token.substring(0, e.end()), from + m.start(), from + m.start() + e.end()));
                out.add(new Span(token.substring(e.end()), from + m.start() + e.end(), from + m.end()));
            } else {
                out.add(new Span(token, from + m.start(), from + m.end()));
            }
        }
        return out;
    }
}
