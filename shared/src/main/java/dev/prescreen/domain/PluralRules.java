package dev.prescreen.domain;

import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;

/**
 * The CLDR cardinal plural rules for whole numbers, one row per language of {@link Languages#SUPPORTED}: which
 * category a number falls in, and so which branches a plural in that language's catalogue must have. Only whole
 * numbers are counted in messages (days, questions, minutes), so only their categories are here. The categories CLDR
 * keeps for millions in the Romance languages ({@code many}) are left to {@code other}.
 */
final class PluralRules {

    /** Every category name CLDR has; a plural branch must be one of them. */
    static final Set<String> CATEGORIES = Set.of("zero", "one", "two", "few", "many", "other");

    /** How one family of languages counts: the category of a number ({@code n >= 0}) and the categories it uses. */
    private record Rule(LongFunction<String> category, Set<String> required) {
    }

    /** One is 1, everything else is other (English, German, ...). */
    private static final Rule ONE_IS_1 = new Rule(n -> n == 1 ? "one" : "other", Set.of("one", "other"));

    /** One is 0 and 1 (French, Portuguese: "0 jour", "0 dia"). */
    private static final Rule ONE_IS_0_AND_1 = new Rule(n -> n <= 1 ? "one" : "other", Set.of("one", "other"));

    /** Polish: one (1), few (2–4, 22–24, ... but not 12–14), many (the rest: 0, 5–21, 25–31, ...). */
    private static final Rule POLISH = new Rule(
            n -> n == 1 ? "one" : n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14) ? "few" : "many",
            Set.of("one", "few", "many", "other"));

    /** Language subtag (the first two letters of the code) -> its rule; a language not listed counts as English. */
    private static final Map<String, Rule> BY_LANGUAGE = Map.of(
            "en", ONE_IS_1,
            "es", ONE_IS_1,
            "de", ONE_IS_1,
            "it", ONE_IS_1,
            "nl", ONE_IS_1,
            "sv", ONE_IS_1,
            "fr", ONE_IS_0_AND_1,
            "pt", ONE_IS_0_AND_1,
            "pl", POLISH);

    private PluralRules() {
    }

    /** The category of the whole number {@code n} in the language (a BCP 47 code such as {@code pl-PL}). */
    static String category(String language, long n) {
        return rule(language).category().apply(Math.abs(n));
    }

    /** The categories a plural must have a branch for in the language, {@code other} included. */
    static Set<String> requiredCategories(String language) {
        return rule(language).required();
    }

    private static Rule rule(String language) {
        return BY_LANGUAGE.getOrDefault(language.length() < 2 ? language : language.substring(0, 2), ONE_IS_1);
    }
}
