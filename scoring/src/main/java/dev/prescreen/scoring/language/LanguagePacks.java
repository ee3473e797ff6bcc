package dev.prescreen.scoring.language;

import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/** The language packs by language code. A new language is one more pack here, never a change to the rules. */
public final class LanguagePacks {

    private static final Map<String, Supplier<LanguagePack>> PACKS = Map.of(EnglishPack.LANGUAGE, EnglishPack::new);

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
}
