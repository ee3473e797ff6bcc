package dev.prescreen.scoring.evidence;

import dev.prescreen.scoring.language.LanguagePack;
import dev.prescreen.scoring.language.Lexicon;
import dev.prescreen.scoring.language.LexiconName;
import dev.prescreen.scoring.nlp.Token;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Clauses from the lexicon's verb-form patterns ({@code ClauseStyle.VERB_FORMS}): each hit of {@code i_past},
 * {@code we_hypothetical}, ... is one clause of that subject and tense, whose verb is the hit's last token. Where hits
 * overlap, hypothetical wins over past, past over present ("ich würde" is no present tense), and the first person
 * singular over the plural. A verb is stative when its stem is the stem of a word in {@code stative}; that list holds
 * the infinitives and common forms of "think", "know", "be"..., so grammatical gender or person never changes it.
 */
final class VerbFormClauses implements ClauseReader {

    /** The patterns in the order they claim a stretch of text. */
    private static final List<Form> FORMS = List.of(
            new Form(LexiconName.I_HYPOTHETICAL, Subject.I, Tense.HYPOTHETICAL),
            new Form(LexiconName.WE_HYPOTHETICAL, Subject.WE, Tense.HYPOTHETICAL),
            new Form(LexiconName.I_PAST, Subject.I, Tense.PAST),
            new Form(LexiconName.WE_PAST, Subject.WE, Tense.PAST),
            new Form(LexiconName.I_PRESENT, Subject.I, Tense.PRESENT),
            new Form(LexiconName.WE_PRESENT, Subject.WE, Tense.PRESENT));

    private record Form(LexiconName name, Subject subject, Tense tense) {
    }

    private final Lexicon lexicon;
    private final Set<String> stativeStems = new HashSet<>();

    VerbFormClauses(LanguagePack pack) {
        this.lexicon = pack.lexicon();
        for (String word : lexicon.words(LexiconName.STATIVE)) {
            stativeStems.add(pack.stem(word));
        }
    }

    @Override
    public List<Clause> of(List<Token> tokens, String sentence, int sentenceStart) {
        List<int[]> claimed = new ArrayList<>();
        List<Clause> out = new ArrayList<>();
        for (Form form : FORMS) {
            for (Lexicon.Hit hit : lexicon.find(form.name(), sentence)) {
                int from = sentenceStart + hit.start();
                int to = sentenceStart + hit.end();
                if (claimed.stream().anyMatch(c -> from < c[1] && c[0] < to)) {
                    continue;
                }
                int verb = lastTokenWithin(tokens, from, to);
                if (verb < 0) {
                    continue;
                }
                claimed.add(new int[] {from, to});
                Token v = tokens.get(verb);
                out.add(new Clause(form.subject(), form.tense(), v, verb, !stative(v)));
            }
        }
        out.sort(Comparator.comparingInt(Clause::index));
        return out;
    }

    private static int lastTokenWithin(List<Token> tokens, int from, int to) {
        int last = -1;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.start() >= from && t.end() <= to && t.isWord()) {
                last = i;
            }
        }
        return last;
    }

    @Override
    public Subject subjectOf(Token t) {
        if (lexicon.contains(LexiconName.SUBJECT_I, t.form())) {
            return Subject.I;
        }
        if (lexicon.contains(LexiconName.SUBJECT_WE, t.form())) {
            return Subject.WE;
        }
        return lexicon.contains(LexiconName.SUBJECT_OTHER, t.form()) ? Subject.OTHER : null;
    }

    @Override
    public boolean stative(Token verb) {
        return lexicon.contains(LexiconName.STATIVE, verb.form()) || stativeStems.contains(verb.lemma());
    }
}
