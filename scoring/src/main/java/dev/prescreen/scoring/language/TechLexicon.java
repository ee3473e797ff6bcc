package dev.prescreen.scoring.language;

import dev.prescreen.scoring.internal.ClasspathResources;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The curated lexicon of technologies and techniques ({@code scoring/tech-lexicon.txt}), with categories and common
 * speech-to-text confusions. Matches token sequences, including terms split by the recogniser ("elastic search",
 * spelled letters "h t t p").
 */
public final class TechLexicon {

    public static final String RESOURCE = "scoring/tech-lexicon.txt";
    static final int MAX_PARTS = 4;

    /** A term found in a token sequence: token range [from, to), canonical term and category. */
    public record Match(int from, int to, String term, String category) {
    }

    private final Map<String, String> categoryByKey = new HashMap<>();
    private final Map<String, String> canonicalByKey = new HashMap<>();
    private final Map<String, String> aliasByKey = new HashMap<>();

    private TechLexicon() {
    }

    private static final class Holder {
        static final TechLexicon BUILT_IN = load();
    }

    public static TechLexicon builtIn() {
        return Holder.BUILT_IN;
    }

    /**
     * The built-in lexicon with one language's names for its techniques and technologies, read from a file of
     * {@code alias: heard form, heard form => canonical term} lines (matched without diacritics, as that language's
     * tokens are): "índice, índices => index", "Datenbank => database", "cafca => kafka".
     */
    public static TechLexicon withAliases(String resource) {
        TechLexicon lexicon = new TechLexicon();
        lexicon.categoryByKey.putAll(builtIn().categoryByKey);
        lexicon.canonicalByKey.putAll(builtIn().canonicalByKey);
        lexicon.aliasByKey.putAll(builtIn().aliasByKey);
        int number = 0;
        for (String raw : ClasspathResources.requiredLines(resource)) {
            number++;
            String line = Folding.fold(raw.strip());
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int arrow = line.indexOf("=>");
            if (!line.startsWith("alias:") || arrow < 0) {
                throw new IllegalStateException(resource + ":" + number + ": expected 'alias: heard, heard => canonical'");
            }
            String canonical = line.substring(arrow + 2).strip();
            if (!lexicon.canonicalByKey.containsKey(key(canonical))) {
                throw new IllegalStateException(resource + ":" + number + ": '" + canonical
                        + "' is not a term of " + RESOURCE);
            }
            for (String heard : line.substring("alias:".length(), arrow).split(",")) {
                if (!heard.isBlank()) {
                    lexicon.aliasByKey.put(String.join(" ", heard.strip().split("\\s+")), canonical);
                }
            }
        }
        return lexicon;
    }

    /** Joins tokens without spaces: the key under which both "elastic search" and "elasticsearch" are stored. */
    public static String key(List<String> parts) {
        StringBuilder sb = new StringBuilder();
        for (String p : parts) {
            for (char c : p.toCharArray()) {
                if (Character.isLetterOrDigit(c) || c == '#' || c == '+') {
                    sb.append(c);
                }
            }
        }
        return sb.toString();
    }

    public static String key(String term) {
        return key(List.of(term.split("[\\s\\-_./]+")));
    }

    public String category(String canonical) {
        return categoryByKey.get(key(canonical));
    }

    /**
     * Longest matches, left to right, over lowercased token forms. A match is a sequence of 1..4 tokens whose
     * concatenation (ignoring punctuation inside) is a term or a recogniser alias.
     */
    public List<Match> find(List<String> forms) {
        List<Match> out = new ArrayList<>();
        int i = 0;
        while (i < forms.size()) {
            Match best = null;
            for (int len = Math.min(MAX_PARTS, forms.size() - i); len >= 1 && best == null; len--) {
                List<String> parts = forms.subList(i, i + len);
                if (len > 1 && parts.stream().anyMatch(p -> p.equals(",") || p.equals(".") || p.equals(";"))) {
                    continue;
                }
                String k = key(parts);
                if (k.isEmpty()) {
                    continue;
                }
                String alias = aliasByKey.get(joinWithSpaces(parts));
                if (alias != null) {
                    best = new Match(i, i + len, alias, categoryByKey.getOrDefault(key(alias), "technique"));
                } else if (canonicalByKey.containsKey(k) && (len == 1 || plausibleSplit(parts))) {
                    best = new Match(i, i + len, canonicalByKey.get(k), categoryByKey.get(k));
                }
            }
            if (best == null) {
                // spelled letters: "h t t p", "e k s"
                int j = i;
                while (j < forms.size() && forms.get(j).length() == 1 && Character.isLetter(forms.get(j).charAt(0))
                        && !forms.get(j).equals("i") && !forms.get(j).equals("a")) {
                    j++;
                }
                if (j - i >= 2 && canonicalByKey.containsKey(key(forms.subList(i, j)))) {
                    String k = key(forms.subList(i, j));
                    best = new Match(i, j, canonicalByKey.get(k), categoryByKey.get(k));
                }
            }
            if (best != null) {
                out.add(best);
                i = best.to();
            } else {
                i++;
            }
        }
        return out;
    }

    private boolean plausibleSplit(List<String> parts) {
        return true;
    }

    private static String joinWithSpaces(List<String> parts) {
        return String.join(" ", parts);
    }

    private static TechLexicon load() {
        TechLexicon lexicon = new TechLexicon();
        List<String[]> aliases = new ArrayList<>();
        for (String raw : ClasspathResources.requiredLines(RESOURCE)) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            String category = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String rest = line.substring(colon + 1).strip().toLowerCase(Locale.ROOT);
            if (category.equals("alias")) {
                String[] kv = rest.split("=>");
                aliases.add(new String[] {kv[0].strip(), kv[1].strip()});
                continue;
            }
            for (String term : rest.split(",")) {
                String t = term.strip();
                if (!t.isEmpty()) {
                    lexicon.canonicalByKey.putIfAbsent(key(t), t);
                    lexicon.categoryByKey.putIfAbsent(key(t), category);
                }
            }
        }
        for (String[] a : aliases) {
            lexicon.aliasByKey.put(a[0], a[1]);
        }
        return lexicon;
    }
}
