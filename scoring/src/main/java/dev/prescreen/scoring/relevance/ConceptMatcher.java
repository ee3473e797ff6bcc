package dev.prescreen.scoring.relevance;

import dev.prescreen.scoring.language.Compounds;
import dev.prescreen.scoring.language.Folding;
import dev.prescreen.scoring.language.LanguagePack;
import dev.prescreen.scoring.language.TechLexicon;
import dev.prescreen.scoring.nlp.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Relevance: matches a question's concepts in an answer by stem (so "queries" matches "query", "profiled" matches
 * "profiling"), through a few synonyms, through split compounds ("micro services"), and through the technology
 * lexicon's categories (an answer naming "postgres" touches the concept "database").
 */
public final class ConceptMatcher {

    /** One concept: its stems, the technology categories that imply it, and its canonical lexicon term if any. */
    public record Concept(String name, List<String> stems, Set<String> categories, String joined) {
    }

    private static final Map<String, Set<String>> CATEGORIES_BY_CONCEPT = Map.ofEntries(
            Map.entry("language", Set.of("language")),
            Map.entry("code", Set.of("language")),
            Map.entry("database", Set.of("database")),
            Map.entry("nosql", Set.of()),
            Map.entry("sql", Set.of()),
            Map.entry("cloud", Set.of("cloud")),
            Map.entry("container", Set.of("container")),
            Map.entry("queue", Set.of("queue")),
            Map.entry("message", Set.of("queue")),
            Map.entry("test", Set.of("testing")),
            Map.entry("unit test", Set.of("testing")),
            Map.entry("security", Set.of("security")),
            Map.entry("monitoring", Set.of("observability")),
            Map.entry("metrics", Set.of("observability")),
            Map.entry("logs", Set.of("observability")),
            Map.entry("debugger", Set.of("observability")),
            Map.entry("version control", Set.of("vcs")),
            Map.entry("pipeline", Set.of("ci")),
            Map.entry("server", Set.of("web")),
            Map.entry("backend", Set.of("framework", "database")),
            Map.entry("api", Set.of("web")));

    private final LanguagePack pack;

    public ConceptMatcher(LanguagePack pack) {
        this.pack = pack;
    }

    private String stem(String word) {
        return pack.stem(word);
    }

    public List<Concept> compile(List<String> concepts) {
        List<Concept> out = new ArrayList<>();
        for (String c : concepts) {
            String name = c.toLowerCase(Locale.ROOT).strip();
            if (name.isEmpty()) {
                continue;
            }
            List<String> stems = new ArrayList<>();
            for (String part : name.split("[\\s\\-/]+")) {
                if (!part.isEmpty()) {
                    stems.add(stem(part));
                }
            }
            out.add(new Concept(name, stems, CATEGORIES_BY_CONCEPT.getOrDefault(name, Set.of()),
                    TechLexicon.key(name)));
        }
        return out;
    }

    /** A concept as the head or the modifier of a one-word compound. */
    private static boolean partOfCompound(String stem, List<Token> tokens, boolean[] marks) {
        for (int i = 0; i < tokens.size(); i++) {
            if (Compounds.isPart(stem, Folding.fold(tokens.get(i).form()))) {
                marks[i] = true;
                return true;
            }
        }
        return false;
    }

    /** Adds the concepts found in the sentence to {@code found}; returns how many matched here. */
    public int match(List<Concept> concepts, List<Token> tokens, List<TechLexicon.Match> techs, Set<String> found,
                     boolean[] marks) {
        if (concepts.isEmpty()) {
            return 0;
        }
        List<String> stems = new ArrayList<>(tokens.size());
        List<String> formStems = new ArrayList<>(tokens.size());
        List<String> joinedStems = new ArrayList<>(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            String formStem = stem(t.form());
            formStems.add(formStem);
            stems.add(t.lemma().equals(t.form()) ? formStem : stem(t.lemma()));
            joinedStems.add(i + 1 < tokens.size() ? stem(t.form() + tokens.get(i + 1).form()) : "");
        }
        int here = 0;
        for (Concept c : concepts) {
            boolean hit = false;
            for (int i = 0; i + c.stems().size() <= stems.size(); i++) {
                boolean all = true;
                for (int k = 0; k < c.stems().size() && all; k++) {
                    all = stems.get(i + k).equals(c.stems().get(k)) || formStems.get(i + k).equals(c.stems().get(k));
                }
                hit |= all;
                if (all) {
                    for (int k = 0; k < c.stems().size(); k++) {
                        marks[i + k] = true;
                    }
                }
            }
            if (!hit) {
                for (TechLexicon.Match m : techs) {
                    if (TechLexicon.key(m.term()).equals(c.joined()) || c.categories().contains(m.category())
                            || stem(m.term()).equals(c.stems().get(0)) && c.stems().size() == 1) {
                        hit = true;
                        for (int k = m.from(); k < m.to(); k++) {
                            marks[k] = true;
                        }
                        break;
                    }
                }
            }
            if (!hit && c.stems().size() == 1 && pack.compounds()) {
                hit = partOfCompound(c.stems().get(0), tokens, marks);
            }
            if (!hit && c.stems().size() == 1) {
                // split compounds: "micro services", "data base"
                for (int i = 0; i + 1 < tokens.size() && !hit; i++) {
                    hit = joinedStems.get(i).equals(c.stems().get(0));
                    if (hit) {
                        marks[i] = true;
                        marks[i + 1] = true;
                    }
                }
            }
            if (hit) {
                here++;
                found.add(c.name());
            }
        }
        return here;
    }
}
