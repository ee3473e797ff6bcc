package dev.prescreen.scoring.evidence;

import dev.prescreen.scoring.language.Lexicon;
import dev.prescreen.scoring.language.LexiconName;
import dev.prescreen.scoring.nlp.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * Verb clauses of a sentence with who acts (I, we, someone else) and in which tense (past, present, hypothetical),
 * from universal POS tags, lemmas and the pack's pronoun and auxiliary word sets ({@code ClauseStyle.PARTS_OF_SPEECH}).
 */
final class Clauses implements ClauseReader {

    private final Lexicon lexicon;

    Clauses(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    /** The subject a pronoun token introduces ("i", "we", "i've", "we'd", ...), or null if it is no subject. */
    @Override
    public Subject subjectOf(Token t) {
        String form = t.form();
        int apostrophe = form.indexOf('\'');
        String pronoun = apostrophe > 0 ? form.substring(0, apostrophe) : form;
        boolean i = lexicon.contains(LexiconName.SUBJECT_I, pronoun);
        if (!(t.tag().startsWith("PRON") || i)) {
            return null;
        }
        if (i) {
            return Subject.I;
        }
        if (lexicon.contains(LexiconName.SUBJECT_WE, pronoun)) {
            return Subject.WE;
        }
        return lexicon.contains(LexiconName.SUBJECT_OTHER, pronoun) ? Subject.OTHER : null;
    }

    /** The tense an auxiliary (alone or contracted, "'ve", "'d") gives the verb it governs; null if none. */
    Tense auxTense(String form) {
        int apostrophe = form.indexOf('\'');
        String aux = apostrophe >= 0 ? form.substring(apostrophe) : form;
        if (lexicon.contains(LexiconName.AUX_HYPOTHETICAL, aux)) {
            return Tense.HYPOTHETICAL;
        }
        return lexicon.contains(LexiconName.AUX_PAST, aux) ? Tense.PAST : null;
    }

    @Override
    public boolean stative(Token verb) {
        return lexicon.contains(LexiconName.STATIVE, verb.lemma());
    }

    @Override
    public List<Clause> of(List<Token> tokens, String sentence, int sentenceStart) {
        List<Clause> out = new ArrayList<>();
        Subject current = Subject.OTHER;
        Tense currentTense = null;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            Subject introduced = subjectOf(t);
            if (introduced != null) {
                current = introduced;
                currentTense = t.form().contains("'") ? auxTense(t.form()) : null;
                continue;
            }
            if (!t.is("VERB")) {
                if ((t.is("NOUN") || t.is("PROPN")) && i + 1 < tokens.size()
                        && (tokens.get(i + 1).is("VERB") || tokens.get(i + 1).is("AUX"))) {
                    current = Subject.OTHER;
                    currentTense = null;
                }
                if (t.is("AUX") && auxTense(t.form()) == Tense.HYPOTHETICAL) {
                    currentTense = Tense.HYPOTHETICAL;
                }
                continue;
            }
            // look back over auxiliaries and adverbs to the subject
            Tense tense = null;
            int j = i - 1;
            while (j >= 0) {
                Token b = tokens.get(j);
                if (b.is("AUX")) {
                    Tense at = auxTense(b.form());
                    if (at == Tense.HYPOTHETICAL || tense == null) {
                        tense = at != null ? at : tense;
                    }
                    j--;
                } else if (b.is("ADV") || (b.is("PART") && !lexicon.contains(LexiconName.INFINITIVE_MARKER, b.form()))) {
                    j--;
                } else {
                    break;
                }
            }
            boolean infinitive = j >= 0 && lexicon.contains(LexiconName.INFINITIVE_MARKER, tokens.get(j).form());
            boolean directSubject = false;
            if (j >= 0) {
                Token b = tokens.get(j);
                Subject s = subjectOf(b);
                if (s != null) {
                    current = s;
                    directSubject = true;
                    if (j > 0 && lexicon.contains(LexiconName.CONDITIONAL_SUBORDINATOR, tokens.get(j - 1).form())
                            && tense == Tense.PAST) {
                        tense = Tense.HYPOTHETICAL; // "if i was working with ...", "if i had ..."
                    }
                    if (b.form().contains("'")) {
                        Tense at = auxTense(b.form());
                        if (tense == null || at == Tense.HYPOTHETICAL) {
                            tense = at != null ? at : tense;
                        }
                    }
                    currentTense = tense;
                } else if (b.is("NOUN") || b.is("PROPN") || b.is("NUM")) {
                    current = Subject.OTHER;
                    currentTense = null;
                    directSubject = true;
                }
            }
            if (infinitive) {
                continue;
            }
            if (tense == null) {
                tense = morphologicalTense(t, tokens, j, directSubject, currentTense);
                if (tense == null) {
                    continue; // a gerund or participle, not a clause of its own
                }
            }
            if (directSubject) {
                currentTense = tense;
            }
            out.add(new Clause(current, tense, t, i, !stative(t)));
        }
        return out;
    }

    /** Tense from the verb's form when no auxiliary gave it: a form that differs from its lemma is past. */
    private static Tense morphologicalTense(Token t, List<Token> tokens, int j, boolean directSubject,
                                            Tense currentTense) {
        String f = t.form();
        boolean coordinated = !directSubject;
        if (coordinated && currentTense == Tense.HYPOTHETICAL) {
            return Tense.HYPOTHETICAL;
        }
        if (f.endsWith("ing")) {
            if (j >= 0 && tokens.get(j).is("AUX")) {
                return Tense.PRESENT;
            }
            return coordinated ? null : Tense.PRESENT;
        }
        if (!f.equals(t.lemma()) && !(f.endsWith("s") && !f.endsWith("ss") && f.length() > t.lemma().length())) {
            return Tense.PAST;
        }
        if (coordinated && currentTense == Tense.PAST) {
            return Tense.PAST;
        }
        return Tense.PRESENT;
    }
}
