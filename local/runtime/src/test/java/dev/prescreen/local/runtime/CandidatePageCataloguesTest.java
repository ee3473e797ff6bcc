package dev.prescreen.local.runtime;

import static dev.prescreen.local.runtime.CandidatePageSources.LANGUAGES;
import static dev.prescreen.local.runtime.CandidatePageSources.REFERENCE;
import static dev.prescreen.local.runtime.CandidatePageSources.catalogue;
import static dev.prescreen.local.runtime.CandidatePageSources.page;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The candidate page's message catalogues ({@code web/candidate/i18n/<code>.json}): one per supported language,
 * each with exactly the keys of en-US, no empty message and the same {@code {placeholders}}, and translated
 * rather than copied from English. The page's use of the keys is {@link CandidatePageStringsTest}'s. Plain file
 * checks: no browser, no local stack.
 */
class CandidatePageCataloguesTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    static Stream<String> languages() {
        return LANGUAGES.stream();
    }

    private static Set<String> placeholders(String message) {
        Set<String> names = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(message);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    @Test
    void thereIsOneCatalogueForEachSupportedLanguageAndNoOther() throws IOException {
        assertThat(LANGUAGES).contains(REFERENCE).doesNotHaveDuplicates();
        Set<String> files;
        try (Stream<Path> list = Files.list(page().resolve("i18n"))) {
            files = list.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
        assertThat(files).as("web/candidate/i18n").containsExactlyInAnyOrderElementsOf(
                LANGUAGES.stream().map(code -> code + ".json").toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("languages")
    void eachCatalogueHasTheKeysOfEnglishNoEmptyMessageAndTheSamePlaceholders(String language) {
        Map<String, String> reference = catalogue(REFERENCE);
        Map<String, String> messages = catalogue(language);
        Set<String> missing = new TreeSet<>(reference.keySet());
        missing.removeAll(messages.keySet());
        Set<String> extra = new TreeSet<>(messages.keySet());
        extra.removeAll(reference.keySet());
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(missing).as(language + ": keys of " + REFERENCE + " missing").isEmpty();
        softly.assertThat(extra).as(language + ": keys that " + REFERENCE + " does not have").isEmpty();
        messages.forEach((key, message) -> {
            softly.assertThat(message).as(language + ": " + key).isNotBlank();
            if (reference.containsKey(key)) {
                softly.assertThat(placeholders(message)).as(language + ": placeholders of " + key + " (" + message + ")")
                        .isEqualTo(placeholders(reference.get(key)));
            }
            softly.assertThat(message.replaceAll(PLACEHOLDER.pattern(), ""))
                    .as(language + ": " + key + " has only {name} placeholders, no stray braces").doesNotContain("{", "}");
        });
        softly.assertAll();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("languages")
    void everyCatalogueButEnglishIsTranslated(String language) {
        if (language.equals(REFERENCE)) {
            return;
        }
        Map<String, String> reference = catalogue(REFERENCE);
        Map<String, String> messages = catalogue(language);
        // A message may read the same in two languages (a loanword), but a catalogue with more than a couple
        // of English messages was filled by copying, not translated.
        long same = messages.entrySet().stream().filter(e -> e.getValue().equals(reference.get(e.getKey()))).count();
        assertThat(same).as(language + ": messages identical to " + REFERENCE).isLessThanOrEqualTo(2);
    }
}
