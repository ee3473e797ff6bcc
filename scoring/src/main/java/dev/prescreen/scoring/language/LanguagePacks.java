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
        Supplier<Lexicon> lexicon = new Supplier<>() {
            private volatile Lexicon loaded;

            @Override
            public Lexicon get() {
                Lexicon l = loaded;
                if (l == null) {
                    synchronized (this) {
                        if (loaded == null) {
                            loaded = Lexicon.load("scoring/lexicon/" + spec.language() + ".txt", true);
                        }
                        l = loaded;
                    }
                }
                return l;
            }
        };
        PACKS.put(spec.language(), () -> new LexicalPack(spec, lexicon.get()));
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
