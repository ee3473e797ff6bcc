package dev.prescreen.scoring.evidence;

import dev.prescreen.scoring.language.Lexicon;
import dev.prescreen.scoring.language.LexiconName;
import dev.prescreen.scoring.language.TechLexicon;
import dev.prescreen.scoring.nlp.Token;
import java.util.List;
import java.util.Set;

/**
 * Employers named by their own name after a preposition of employment: "at Spotify", and in lower-case
 * transcripts "at alibaba", "joined shopify", "at mercado libre". A name is a noun that is no technology and no
 * ordinary word after that preposition ("at work", "at scale"); in lower case it must also stand before a clause
 * boundary or a pronoun, so "at scale we..." and "at night" stay ordinary.
 */
final class Organisations {

    private static final Set<String> BOUNDARY = Set.of(",", ".", ";", ":", "(", ")", "-", "on", "for", "as", "in",
            "and", "where", "with", "from", "i", "we", "my", "our", "which", "that", "since", "until", "before", "after");

    private static final Set<String> FUNCTION_TAGS = Set.of("DET", "PRON", "ADP", "AUX", "NUM", "PUNCT", "CCONJ",
            "SCONJ", "PART", "SYM", Token.FUNCTION_WORD);

    /** Where a name ends in a language without a tagger: before a function word, an auxiliary or a pronoun. */
    private static final Set<String> UNTAGGED_BOUNDARY_TAGS = Set.of(Token.FUNCTION_WORD, "AUX", "PRON", "PUNCT");

    private final Lexicon lexicon;
    private final TechLexicon technologies;
    private final boolean tagged;

    /** @param tagged whether the pack's tagger tells proper nouns (English); otherwise an article may precede the name */
    Organisations(Lexicon lexicon, TechLexicon technologies, boolean tagged) {
        this.lexicon = lexicon;
        this.technologies = technologies;
        this.tagged = tagged;
    }

    int named(List<Token> tokens, Tally tally) {
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (!lexicon.contains(LexiconName.EMPLOYMENT_PREPOSITION, tokens.get(i).form())) {
                continue;
            }
            int at = i + 1;
            if (!tagged && at + 1 < tokens.size() && tokens.get(at).is(Token.FUNCTION_WORD)) {
                at++; // "bei der Telekom", "no banco", "chez les Echos"
            }
            Token name = tokens.get(at);
            // the tagger rarely knows a lower-case company name: anything but a function word may be one
            if (FUNCTION_TAGS.contains(name.tag()) || !name.isWord()
                    || lexicon.contains(LexiconName.NOT_AN_EMPLOYER, name.form())
                    || !technologies.find(List.of(name.form())).isEmpty()) {
                continue;
            }
            int end = at + 1;
            // a second word of the name ("mercado libre", "ocado technology")
            if (end < tokens.size() && !BOUNDARY.contains(tokens.get(end).form())
                    && (tokens.get(end).is("PROPN") || tokens.get(end).is("NOUN") || tokens.get(end).is("X"))) {
                end++;
            }
            boolean properNoun = name.is("PROPN");
            boolean boundary = end >= tokens.size() || BOUNDARY.contains(tokens.get(end).form())
                    || (!tagged && UNTAGGED_BOUNDARY_TAGS.contains(tokens.get(end).tag()));
            if (properNoun || boundary) {
                tally.span("named_employer", name.start(), tokens.get(end - 1).end());
                tally.add(Measure.EMPLOYERS, 1);
                return 1;
            }
        }
        return 0;
    }
}
