package dev.prescreen.scoring.evidence;

import dev.prescreen.scoring.language.Lexicon;
import dev.prescreen.scoring.language.LexiconName;
import dev.prescreen.scoring.nlp.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Runs of separator-delimited short items with no pronoun and no auxiliary ("redis, memcached, a cdn, nginx"):
 * the shape of a keyword list, wherever it stands in the answer.
 */
final class KeywordLists {

    static final int MIN_RUN = 4;
    private static final int MAX_ITEM_WORDS = 8;
    private static final Set<String> SEPARATORS = Set.of(",", ";", ":", ".", "?", "(", ")");

    private final Lexicon lexicon;

    KeywordLists(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    /**
     * Measures the sentence's list runs; {@code techAt[k]} is the technology token k is part of, or null;
     * {@code clauseVerb[k]} whether token k is the verb of a clause read from verb forms (a language that drops the
     * pronoun: "reproduzo com um teste" is a clause, not a list item).
     */
    void measure(List<Token> tokens, String[] techAt, boolean[] clauseVerb, Tally tally) {
        boolean[] technology = new boolean[techAt.length];
        for (int k = 0; k < techAt.length; k++) {
            technology[k] = techAt[k] != null;
        }
        List<List<Integer>> items = new ArrayList<>();
        List<Integer> current = new ArrayList<>();
        for (int k = 0; k < tokens.size(); k++) {
            if (SEPARATORS.contains(tokens.get(k).form())) {
                items.add(current);
                current = new ArrayList<>();
            } else {
                current.add(k);
            }
        }
        items.add(current);
        List<List<Integer>> run = new ArrayList<>();
        for (List<Integer> item : items) {
            if (isItem(item, tokens, clauseVerb)) {
                run.add(item);
                continue;
            }
            flush(run, tokens, technology, tally);
            run.clear();
            // technologies strung together without separators ("java python go rust kotlin"): one item each
            List<List<Integer>> bare = bareTechnologies(item, tokens, techAt, clauseVerb);
            if (bare.size() >= MIN_RUN) {
                flush(bare, tokens, technology, tally);
            }
        }
        flush(run, tokens, technology, tally);
    }

    /** The technologies of a clause-free stretch, each as an item; empty if the stretch has a clause. */
    private List<List<Integer>> bareTechnologies(List<Integer> item, List<Token> tokens, String[] techAt,
                                                 boolean[] clauseVerb) {
        List<List<Integer>> out = new ArrayList<>();
        List<Integer> current = null;
        for (int k : item) {
            Token t = tokens.get(k);
            // a subject or an auxiliary makes a clause; a lone "verb" is usually a mis-tagged name ("go", "express")
            if (t.is("AUX") || t.is("PRON") || clauseVerb[k] || lexicon.contains(LexiconName.SUBJECT_I, t.form())) {
                return List.of();
            }
            if (techAt[k] != null) {
                if (current == null || !techAt[current.get(current.size() - 1)].equals(techAt[k])) {
                    current = new ArrayList<>();
                    out.add(current);
                }
                current.add(k);
            } else {
                current = null;
            }
        }
        return out;
    }

    private boolean isItem(List<Integer> item, List<Token> tokens, boolean[] clauseVerb) {
        List<Token> words = item.stream().map(tokens::get).filter(Token::isWord)
                .filter(t -> !lexicon.contains(LexiconName.LIST_CONNECTOR, t.form())).toList();
        if (words.isEmpty() || words.size() > MAX_ITEM_WORDS || item.stream().anyMatch(k -> clauseVerb[k])) {
            return false;
        }
        for (Token t : words) {
            if (t.is("PRON") || t.is("AUX") || lexicon.contains(LexiconName.SUBJECT_I, t.form())) {
                return false;
            }
        }
        return true;
    }

    private static void flush(List<List<Integer>> run, List<Token> tokens, boolean[] technology, Tally tally) {
        if (run.size() < MIN_RUN) {
            return;
        }
        int words = 0;
        int techItems = 0;
        for (List<Integer> item : run) {
            boolean tech = false;
            for (int k : item) {
                if (tokens.get(k).isWord()) {
                    words++;
                }
                tech |= technology[k];
            }
            techItems += tech ? 1 : 0;
        }
        tally.add(Measure.LIST_WORDS, words);
        tally.add(Measure.LIST_ITEMS, run.size());
        tally.add(Measure.LIST_TECHNOLOGIES, techItems);
        List<Integer> last = run.get(run.size() - 1);
        tally.span("keyword_list", tokens.get(run.get(0).get(0)).start(), tokens.get(last.get(last.size() - 1)).end());
    }
}
