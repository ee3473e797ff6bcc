package dev.prescreen.scoring.language;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** The language packs by language code. A new language is one more pack here, never a change to the rules. */
public final class LanguagePacks {

    private static final Map<String, Supplier<LanguagePack>> PACKS = new LinkedHashMap<>();

    static {
        PACKS.put(EnglishPack.LANGUAGE, EnglishPack::new);
        lexical(LuceneLanguages.spanish());
        lexical(LuceneLanguages.french());
        lexical(LuceneLanguages.german());
        lexical(LuceneLanguages.portuguese());
        lexical(LuceneLanguages.italian());
        lexical(LuceneLanguages.dutch());
        lexical(LuceneLanguages.polish());
        lexical(LuceneLanguages.swedish());
    }

    /** Each lexicon is loaded once, on the first pack of its language, and shared by that language's packs. */
    private static void lexical(LexicalPack.Spec spec) {
        String base = "scoring/lexicon/" + spec.language();
        Supplier<Lexicon> lexicon = once(() -> Lexicon.load(base + ".txt", true));
        Supplier<TechLexicon> technologies = once(() -> TechLexicon.withAliases(base + ".technologies.txt"));
        PACKS.put(spec.language(), () -> new LexicalPack(spec, lexicon.get(), technologies.get()));
    }

    private static <T> Supplier<T> once(Supplier<T> load) {
        return new Supplier<>() {
            private volatile T loaded;

            @Override
            public T get() {
                T value = loaded;
                if (value == null) {
                    synchronized (this) {
                        if (loaded == null) {
                            loaded = load.get();
                        }
                        value = loaded;
                    }
                }
                return value;
            }
        };
    }

    private LanguagePacks() {
    }

    /** A new pack instance (packs are not thread-safe) for the code's language; English variants share one pack. */
    public static LanguagePack create(String language) {
        String code = language == null || language.isBlank() ? EnglishPack.LANGUAGE : language;
        Supplier<LanguagePack> pack = PACKS.get(code);
        if (pack == null && code.toLowerCase(Locale.ROOT).startsWith("en")) {
            pack = PACKS.get(EnglishPack.LANGUAGE);
        }
        if (pack == null) {
            throw new IllegalArgumentException("no language pack for " + language + "; supported: " + PACKS.keySet());
        }
        return pack.get();
    }

    public static boolean supports(String language) {
        return language != null && (PACKS.containsKey(language) || language.toLowerCase(Locale.ROOT).startsWith("en"));
    }

    /** The codes with a pack, English first. */
    public static Set<String> languages() {
        return java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(PACKS.keySet()));
    }
}
