package dev.prescreen.domain;

import java.util.List;
import java.util.Locale;

/**
 * The interview languages the product supports end to end (plan, bank, candidate page, emails, transcription,
 * scoring), as BCP 47 codes the way Amazon Transcribe names them. Adding one means a bank, a page catalogue, a
 * message catalogue and a scoring language pack: the tests check each exists for every code here.
 */
public final class Languages {

    public static final String DEFAULT = "en-US";

    public static final List<String> SUPPORTED = List.of(
            "en-US", "es-ES", "fr-FR", "de-DE", "pt-BR", "it-IT", "nl-NL", "pl-PL", "sv-SE");

    private Languages() {
    }

    public static boolean supported(String code) {
        return code != null && SUPPORTED.contains(code);
    }

    /** The reason a field's language is refused, listing the nine. */
    public static String refusal() {
        return "must be one of " + String.join(", ", SUPPORTED);
    }

    /** The locale for formatting dates and numbers in the language. */
    public static Locale locale(String code) {
        return Locale.forLanguageTag(code == null ? DEFAULT : code);
    }

    /** English, written the way a BCP 47 code's language is named in English ("German (Germany)"). */
    public static String englishName(String code) {
        return locale(code).getDisplayName(Locale.ENGLISH);
    }
}
