package dev.prescreen.scoring.language;

import dev.prescreen.scoring.internal.ClasspathResources;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One language's lexicons, read from a text file ({@code scoring/lexicon/<language>.txt}): phrase patterns
 * ({@code name: regex}, one alternative a line) and word sets ({@code name = word, word}). Immutable once loaded.
 */
public final class Lexicon {

    /** One phrase found in a sentence: offsets relative to the sentence. */
    public record Hit(int start, int end, String text) {
    }

    private final String resource;
    private final Map<LexiconName, Pattern> patterns;
    private final Map<LexiconName, Set<String>> words;
    private final boolean folded;

    private Lexicon(String resource, Map<LexiconName, Pattern> patterns, Map<LexiconName, Set<String>> words,
                    boolean folded) {
        this.resource = resource;
        this.patterns = patterns;
        this.words = words;
        this.folded = folded;
    }

    public static Lexicon load(String resource) {
        return load(resource, false);
    }

    /**
     * @param folded whether matching ignores diacritics ({@link Folding}): the lexicon is folded as it loads, and so is
     *               every text and word it is asked about (offsets stay those of the original text)
     */
    public static Lexicon load(String resource, boolean folded) {
        Map<LexiconName, List<String>> alternatives = new LinkedHashMap<>();
        Map<LexiconName, Set<String>> words = new EnumMap<>(LexiconName.class);
        int number = 0;
        for (String line : ClasspathResources.requiredLines(resource)) {
            number++;
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            int colon = l.indexOf(':');
            int equals = l.indexOf('=');
            boolean wordSet = equals > 0 && (colon < 0 || equals < colon);
            int cut = wordSet ? equals : colon;
            if (cut <= 0) {
                throw new IllegalStateException(resource + ":" + number + ": expected 'name: regex' or 'name = words'");
            }
            LexiconName name = name(l.substring(0, cut).strip(), resource, number);
            String value = l.substring(cut + 1).strip();
            if (folded) {
                value = Folding.fold(value);
            }
            if (wordSet) {
                Set<String> set = words.computeIfAbsent(name, k -> new HashSet<>());
                for (String w : value.split(",")) {
                    if (!w.isBlank()) {
                        set.add(w.strip().toLowerCase(Locale.ROOT));
                    }
                }
            } else {
                alternatives.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            }
        }
        Map<LexiconName, Pattern> patterns = new EnumMap<>(LexiconName.class);
        alternatives.forEach((name, alts) -> patterns.put(name, Pattern.compile("(?<![\\w'])(?:"
                + String.join("|", alts.stream().map(a -> "(?:" + a + ")").toList()) + ")(?![\\w'])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)));
        words.replaceAll((k, v) -> Set.copyOf(v));
        return new Lexicon(resource, patterns, words, folded);
    }

    private String in(String text) {
        return folded ? Folding.fold(text) : text;
    }

    private static LexiconName name(String raw, String resource, int number) {
        try {
            return LexiconName.valueOf(raw.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(resource + ":" + number + ": unknown lexicon name '" + raw + "'", e);
        }
    }

    public String resource() {
        return resource;
    }

    public Set<String> words(LexiconName name) {
        return words.getOrDefault(name, Set.of());
    }

    public boolean contains(LexiconName name, String word) {
        return words(name).contains(in(word));
    }

    public boolean matches(LexiconName name, String text) {
        Pattern p = patterns.get(name);
        return p != null && p.matcher(in(text)).find();
    }

    /** Whether the whole token is one of the pattern's alternatives. */
    public boolean matchesWhole(LexiconName name, String token) {
        Pattern p = patterns.get(name);
        return p != null && p.matcher(in(token)).matches();
    }

    /** The phrases found; {@link Hit#text()} is as the lexicon saw it (folded, for a folded lexicon). */
    public List<Hit> find(LexiconName name, String text) {
        Pattern p = patterns.get(name);
        if (p == null) {
            return List.of();
        }
        List<Hit> hits = new ArrayList<>();
        Matcher m = p.matcher(in(text));
        while (m.find()) {
            hits.add(new Hit(m.start(), m.end(), m.group()));
        }
        return hits;
    }

    /** Which of the names a pack must give this lexicon lacks; a test checks every pack against this. */
    public Set<LexiconName> missing(Set<LexiconName> required) {
        Set<LexiconName> missing = new HashSet<>();
        for (LexiconName n : required) {
            if (!patterns.containsKey(n) && !words.containsKey(n)) {
                missing.add(n);
            }
        }
        return missing;
    }
}
