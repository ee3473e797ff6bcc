package dev.prescreen.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prescreen.scoring.Flag;
import dev.prescreen.scoring.QuestionType;
import dev.prescreen.scoring.rules.Rule;
import dev.prescreen.scoring.rules.RuleBook;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every supported language has a catalogue with exactly the keys of en-US, none empty, each with the same arguments;
 * and en-US covers what the code looks up by name (rules, flags, question types).
 */
class MessagesCatalogueTest {

    private static final Messages EN = Messages.of(Languages.DEFAULT);

    static List<String> languages() {
        return Languages.SUPPORTED;
    }

    @ParameterizedTest
    @MethodSource("languages")
    void hasExactlyTheKeysOfEnglish(String language) {
        Messages messages = Messages.of(language);
        Set<String> missing = new TreeSet<>(EN.keys());
        missing.removeAll(messages.keys());
        Set<String> extra = new TreeSet<>(messages.keys());
        extra.removeAll(EN.keys());
        assertThat(missing).as("keys of en-US missing from messages/%s.properties", language).isEmpty();
        assertThat(extra).as("keys in messages/%s.properties that en-US does not have", language).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("languages")
    void hasNoEmptyMessage(String language) {
        Messages messages = Messages.of(language);
        List<String> empty = messages.keys().stream().filter(k -> messages.template(k).isBlank()).toList();
        assertThat(empty).as("empty messages in %s", language).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("languages")
    void eachMessageHasTheArgumentsOfEnglish(String language) {
        Messages messages = Messages.of(language);
        Map<String, String> different = new LinkedHashMap<>();
        for (String key : EN.keys()) {
            if (messages.keys().contains(key) && !messages.arguments(key).equals(EN.arguments(key))) {
                different.put(key, messages.arguments(key) + " instead of " + EN.arguments(key));
            }
        }
        assertThat(different).as("messages of %s with other arguments than en-US", language).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("languages")
    void writesTheDeadlineTheLanguagesWayInThePlansTimeZoneAndNamesIt(String language) {
        Instant deadline = Instant.parse("2026-12-04T17:05:00Z");
        var format = Messages.of(language).dateTime("email.deadline");
        assertThat(format.withZone(java.time.ZoneId.of("UTC")).format(deadline)).contains("2026", "4", "17:05", "(UTC)");
        assertThat(format.withZone(java.time.ZoneId.of("Asia/Tokyo")).format(deadline))
                .contains("2026", "5", "02:05", "(Asia/Tokyo)");
    }

    @ParameterizedTest
    @MethodSource("languages")
    void aConsentSentenceIsOneSentence(String language) {
        Messages messages = Messages.of(language);
        for (String key : messages.keys()) {
            if (key.startsWith("consent.")) {
                assertThat(messages.template(key)).as("%s %s", language, key).endsWith(".").doesNotContain("\n");
            }
        }
    }

    @Test
    void englishWritesEachRulesReasonAsTheScorerDoes() {
        Map<String, String> different = new LinkedHashMap<>();
        for (Rule rule : allRules()) {
            String key = "rule." + rule.name();
            if (!EN.keys().contains(key) || !EN.template(key).equals(rule.reason())) {
                different.put(key, rule.reason());
            }
        }
        assertThat(different).as("en-US rule reasons that are missing or differ from the scorer's (RuleBook)")
                .isEmpty();
        Set<String> names = new TreeSet<>();
        allRules().forEach(r -> names.add("rule." + r.name()));
        assertThat(EN.keys().stream().filter(k -> k.startsWith("rule.")).toList())
                .as("rule reasons for rules the scorer no longer has").allMatch(names::contains);
    }

    @Test
    void rulesWithTheSameReasonReadTheSameInEveryLanguage() {
        // a report stores the reason, not always the rule: two rules with one English reason must agree everywhere
        Map<String, List<String>> byReason = new LinkedHashMap<>();
        for (Rule rule : allRules()) {
            byReason.computeIfAbsent(rule.reason(), r -> new ArrayList<>()).add("rule." + rule.name());
        }
        for (String language : Languages.SUPPORTED) {
            Messages messages = Messages.of(language);
            for (List<String> keys : byReason.values()) {
                assertThat(keys.stream().map(messages::template).distinct().count())
                        .as("%s: %s share one English reason", language, keys).isEqualTo(1);
            }
        }
    }

    @Test
    void everyFlagAndQuestionTypeHasALabel() {
        for (Flag flag : Flag.values()) {
            assertThat(EN.keys()).contains("flag." + flag.wireName());
        }
        for (QuestionType type : QuestionType.values()) {
            assertThat(EN.keys()).contains("type." + type.name().toLowerCase(java.util.Locale.ROOT));
            assertThat(EN.template("type." + type.name().toLowerCase(java.util.Locale.ROOT))).isEqualTo(type.label());
        }
    }

    private static List<Rule> allRules() {
        Map<String, Rule> rules = new LinkedHashMap<>();
        for (QuestionType type : QuestionType.values()) {
            RuleBook.rules(type).forEach(r -> rules.putIfAbsent(r.name(), r));
        }
        return List.copyOf(rules.values());
    }
}
