package dev.prescreen.scoring.evidence;

import dev.prescreen.scoring.evidence.ClauseReader.Clause;
import dev.prescreen.scoring.evidence.ClauseReader.Subject;
import dev.prescreen.scoring.evidence.ClauseReader.Tense;
import dev.prescreen.scoring.language.LanguagePack;
import dev.prescreen.scoring.language.Lexicon;
import dev.prescreen.scoring.language.LexiconName;
import dev.prescreen.scoring.language.TechLexicon;
import dev.prescreen.scoring.nlp.Sentence;
import dev.prescreen.scoring.nlp.Token;
import dev.prescreen.scoring.relevance.ConceptMatcher;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Measures an answer through a language pack into an {@link EvidenceRecord}: sentences that instruct the scorer are
 * set aside; then, sentence by sentence, technologies, the question's concepts, who acted and in which tense, results
 * and whether they carry a number, employers, projects, roles, steps, reasons, trade-offs, limits, filler and
 * keyword lists. Makes no scoring decision. One instance per thread, like its pack.
 */
public final class EvidenceExtractor {

    /** Own-action clauses look this many tokens ahead for the concrete object they act on. */
    private static final int ACTION_REACH = 12;
    /** Sentences this short say too little to count as vague or concrete ("intermediate."). */
    private static final int MIN_JUDGED_SENTENCE_WORDS = 4;

    private final LanguagePack pack;
    private final Lexicon lexicon;
    private final TechLexicon technologies;
    private final ClauseReader clauses;
    private final KeywordLists lists;
    private final InjectionFilter injections;
    private final ConceptMatcher concepts;
    private final Organisations organisations;

    public EvidenceExtractor(LanguagePack pack) {
        this.pack = pack;
        this.lexicon = pack.lexicon();
        this.technologies = pack.technologies();
        this.clauses = ClauseReader.of(pack);
        this.lists = new KeywordLists(lexicon);
        this.injections = new InjectionFilter(lexicon);
        this.concepts = new ConceptMatcher(pack);
        this.organisations = new Organisations(lexicon, technologies,
                pack.clauseStyle() == dev.prescreen.scoring.language.ClauseStyle.PARTS_OF_SPEECH);
    }

    public LanguagePack pack() {
        return pack;
    }

    /**
     * What the extraction found, the text left once instructions to the scorer are removed, and the stems of its
     * words (forms and lemmas), for relevance to the question's own terms.
     */
    public record Extraction(EvidenceRecord evidence, String keptText, Set<String> stems) {
    }

    public Extraction extract(String text, List<String> conceptNames) {
        Tally tally = new Tally(text);
        List<Sentence> kept = new ArrayList<>();
        StringBuilder keptText = new StringBuilder();
        for (Sentence s : pack.analyze(text)) {
            if (injections.instructsTheScorer(text.substring(s.start(), s.end()))) {
                tally.add(Measure.INJECTION_SENTENCES, 1);
                tally.span("injection", s.start(), s.end());
            } else {
                kept.add(s);
                keptText.append(text, s.start(), s.end()).append(' ');
            }
        }
        List<ConceptMatcher.Concept> compiled = concepts.compile(conceptNames);
        tally.set(Measure.CONCEPTS, compiled.size());
        Set<String> techs = new HashSet<>();
        Set<String> techsActedOn = new HashSet<>();
        Set<String> conceptsFound = new HashSet<>();
        boolean anyAction = false;
        Set<String> stems = new HashSet<>();
        for (Sentence s : kept) {
            anyAction |= sentence(text, s, compiled, tally, techs, techsActedOn, conceptsFound, anyAction);
            for (Token t : s.tokens()) {
                stems.add(pack.stem(t.form()));
                stems.add(pack.stem(t.lemma()));
            }
        }
        tally.set(Measure.TECHNOLOGIES, techs.size());
        tally.set(Measure.TECHNOLOGIES_WITH_OWN_ACTION, techsActedOn.size());
        tally.set(Measure.CONCEPT_HITS, conceptsFound.size());
        return new Extraction(tally.freeze(), keptText.toString().strip(), stems);
    }

    /** Measures one sentence; returns whether it (or an earlier one) had an action, which results need. */
    private boolean sentence(String text, Sentence s, List<ConceptMatcher.Concept> compiled, Tally tally,
                             Set<String> techs, Set<String> techsActedOn, Set<String> conceptsFound,
                             boolean earlierAction) {
        List<Token> tokens = new ArrayList<>();
        for (Token t : s.tokens()) {
            if (!lexicon.contains(LexiconName.DISFLUENCY, t.form())) {
                tokens.add(t);
            }
        }
        int words = (int) tokens.stream().filter(Token::isWord).count();
        if (words == 0) {
            return earlierAction;
        }
        tally.add(Measure.WORDS, words);
        tally.add(Measure.SENTENCES, 1);
        String st = text.substring(s.start(), s.end());
        int at = s.start();

        // technologies, then the question's concepts; both mark the tokens an action can be concrete about
        List<String> forms = tokens.stream().map(Token::form).toList();
        boolean[] marks = new boolean[tokens.size()];
        String[] techAt = new String[tokens.size()];
        List<TechLexicon.Match> techMatches = new ArrayList<>();
        for (TechLexicon.Match m : technologies.find(forms)) {
            Token first = tokens.get(m.from());
            if (m.to() - m.from() == 1 && (first.is("VERB") || first.is("AUX") || first.is("PRON")
                    || first.is(Token.FUNCTION_WORD) // Italian "ci", Polish "go", "jest", "pod": words, not technologies
                    || (m.from() > 0 && tokens.get(m.from() - 1).form().equals("the") && first.form().equals("rest")))) {
                continue; // "go", "rest" as words, not technologies
            }
            techMatches.add(m);
            techs.add(m.term());
            for (int k = m.from(); k < m.to(); k++) {
                marks[k] = true;
                techAt[k] = m.term();
            }
            tally.span("technology", first.start(), tokens.get(m.to() - 1).end());
        }
        int techHere = techMatches.size();
        int conceptsHere = concepts.match(compiled, tokens, techMatches, conceptsFound, marks);
        int quantities = 0;
        for (int k = 0; k < tokens.size(); k++) {
            String f = tokens.get(k).form();
            if (isQuantity(f)) {
                marks[k] = true;
                if (!lexicon.matchesWhole(LexiconName.YEAR_TOKEN, f)) {
                    quantities++;
                }
            }
        }
        if (st.contains("%")) {
            quantities++;
        }

        boolean[] clauseVerb = new boolean[tokens.size()];
        boolean actionHere = clauses(st, at, tokens, marks, techAt, clauseVerb, tally, techsActedOn);
        if (lexicon.matches(LexiconName.IF_I_HAD_TO, st)) {
            tally.add(Measure.IF_I_HAD_TO, 1);
        }
        List<Lexicon.Hit> durationHits = lexicon.find(LexiconName.DURATION, st);
        tally.count(Measure.DURATIONS, durationHits, at, "duration");
        // a number inside a duration ("three years") is no quantity of its own; "every day" holds none
        int durations = (int) durationHits.stream().filter(h -> containsQuantity(h.text())).count();
        tally.add(Measure.QUANTITIES, Math.max(0, quantities - durations));
        int employers = tally.count(Measure.EMPLOYERS, lexicon.find(LexiconName.EMPLOYER, st), at, "named_employer");
        if (employers == 0) {
            employers = organisations.named(tokens, tally);
        }
        int projects = 0;
        if (actionHere || tally.get(Measure.OWN_ACTIONS) > 0) {
            projects = tally.count(Measure.PROJECTS, lexicon.find(LexiconName.PROJECT, st), at, "named_project");
        }
        tally.count(Measure.ROLES, lexicon.find(LexiconName.ROLE, st), at, "role");
        tally.count(Measure.LIMITS, lexicon.find(LexiconName.LIMIT, st), at, "limit");
        tally.count(Measure.NO_EXPERIENCE, lexicon.find(LexiconName.NO_EXPERIENCE, st), at, "no_experience");
        tally.count(Measure.IGNORANCE, lexicon.find(LexiconName.IGNORANCE, st), at, "no_answer");
        tally.count(Measure.FILLERS, lexicon.find(LexiconName.FILLER, st), at, null);
        int vague = tally.count(Measure.VAGUE, lexicon.find(LexiconName.VAGUE, st), at, "vague");
        tally.count(Measure.STEPS, lexicon.find(LexiconName.STEP, st), at, "step");
        tally.count(Measure.REASONS, lexicon.find(LexiconName.REASON, st), at, "reason");
        tally.count(Measure.TRADEOFFS, lexicon.find(LexiconName.TRADEOFF, st), at, "trade_off");
        tally.count(Measure.CONDITIONALS, lexicon.find(LexiconName.CONDITIONAL, st), at, null);
        tally.count(Measure.HABITUAL, lexicon.find(LexiconName.HABITUAL, st), at, null);
        tally.count(Measure.DISMISSIVE, lexicon.find(LexiconName.DISMISSIVE, st), at, null);
        tally.count(Measure.EVASIVE, lexicon.find(LexiconName.EVASIVE, st), at, "evasive");
        tally.count(Measure.DEFINITIONS, lexicon.find(LexiconName.DEFINITION, st), at, null);

        boolean anyAction = earlierAction || actionHere || tally.get(Measure.TEAM_ACTIONS) > 0;
        if (anyAction && lexicon.matches(LexiconName.RESULT, st)) {
            tally.add(Measure.RESULTS, 1);
            boolean quantified = quantities - durations > 0 || st.contains("%");
            if (quantified) {
                tally.add(Measure.QUANTIFIED_RESULTS, 1);
            }
            tally.span(quantified ? "measurable_result" : "result", s.start(), s.end());
        }
        lists.measure(tokens, techAt, clauseVerb, tally);

        boolean concrete = techHere > 0 || quantities > 0 || employers > 0 || projects > 0
                || (actionHere && conceptsHere > 0);
        if (concrete) {
            tally.add(Measure.CONCRETE_SENTENCES, 1);
        }
        if (words < MIN_JUDGED_SENTENCE_WORDS && vague == 0 && !concrete) {
            tally.add(Measure.SENTENCES, -1);
        } else if (!concrete && !lexicon.matches(LexiconName.LIMIT, st) && (conceptsHere == 0 || vague > 0)
                && !actionHere) {
            tally.add(Measure.VAGUE_SENTENCES, 1);
        }
        return anyAction;
    }

    private boolean containsQuantity(String phrase) {
        for (String word : phrase.toLowerCase(java.util.Locale.ROOT).split("[\\s-]+")) {
            if (isQuantity(word)) {
                return true;
            }
        }
        return false;
    }

    private boolean isQuantity(String form) {
        return lexicon.matchesWhole(LexiconName.QUANTITY_TOKEN, form)
                || lexicon.contains(LexiconName.QUANTITY_WORD, form);
    }

    /** Who acted in the sentence and how; returns whether the candidate did something themselves. */
    private boolean clauses(String sentence, int sentenceStart, List<Token> tokens, boolean[] marks, String[] techAt,
                            boolean[] clauseVerb, Tally tally, Set<String> techsActedOn) {
        boolean own = false;
        for (Clause c : clauses.of(tokens, sentence, sentenceStart)) {
            // a tagger's verbs are left to the tags; a verb read from verb forms has no tag to say it is one
            clauseVerb[c.index()] = pack.clauseStyle() == dev.prescreen.scoring.language.ClauseStyle.VERB_FORMS;
            if (c.subject() == Subject.I && !clauses.stative(c.verb())) {
                int end = Math.min(tokens.size(), c.index() + ACTION_REACH);
                for (int k = c.index() + 1; k < end; k++) {
                    if (clauses.subjectOf(tokens.get(k)) != null) {
                        end = k;
                    }
                }
                boolean concreteObject = false;
                for (int k = c.index(); k < end; k++) {
                    concreteObject |= marks[k];
                    if (techAt[k] != null && c.tense() != Tense.HYPOTHETICAL) {
                        techsActedOn.add(techAt[k]);
                    }
                }
                if (concreteObject) {
                    tally.add(c.tense() == Tense.HYPOTHETICAL ? Measure.OWN_CONCRETE_HYPOTHETICAL
                            : Measure.OWN_CONCRETE_ACTIONS, 1);
                }
            }
            Token v = c.verb();
            if (c.tense() == Tense.HYPOTHETICAL && c.subject() != Subject.OTHER && !clauses.stative(v)) {
                tally.add(Measure.HYPOTHETICAL_CLAUSES, 1);
                tally.span("hypothetical", v.start(), v.end());
                continue;
            }
            if (!c.action()) {
                continue;
            }
            if (c.subject() == Subject.I) {
                own = true;
                tally.add(Measure.OWN_ACTIONS, 1);
                tally.add(Measure.OWN_PAST_ACTIONS, c.tense() == Tense.PAST ? 1 : 0);
                tally.span("own_action", v.start(), v.end());
            } else if (c.subject() == Subject.WE) {
                tally.add(Measure.TEAM_ACTIONS, 1);
                tally.add(Measure.TEAM_PAST_ACTIONS, c.tense() == Tense.PAST ? 1 : 0);
                tally.span("team_action", v.start(), v.end());
            }
        }
        return own;
    }
}
