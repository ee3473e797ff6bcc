package dev.prescreen.scoring.language;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.prescreen.scoring.Flag;
import dev.prescreen.scoring.QuestionType;
import dev.prescreen.scoring.RubricScorer;
import dev.prescreen.scoring.ScoreCard;
import dev.prescreen.scoring.ScoringInput;
import dev.prescreen.scoring.evidence.EvidenceRecord;
import dev.prescreen.scoring.evidence.Measure;
import dev.prescreen.scoring.rules.Thresholds;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Each non-English language pack through the whole scorer, with sentences written in that language (who acted and
 * when, conditionals, filler, instructions to the scorer, diacritics, grammatical gender), read from
 * {@code src/test/resources/language-packs/<code>.json}:
 * <ul>
 * <li>{@code question}, {@code concepts}: what every answer is scored with; {@code about}, {@code why}: why it holds;
 * <li>{@code cases}: each of the {@code answers} (after {@code appendedTo}, if given), as a {@code type} question
 * (default Behavioral), has exactly the evidence {@code measures}, at least {@code measuresAtLeast}, and a card with
 * the {@code features}, {@code score} (or {@code scoreAtLeast}, {@code scoreAtMost}), {@code rule}, every one of
 * {@code flags}, none of {@code noFlags}, exactly {@code flagsExactly}; and the same {@code same} (score, rule,
 * flags, features or a measure) as {@code sameAs}, else as the {@code appendedTo} text alone;
 * <li>{@code sameCard}: the two answers of each of the {@code pairs} get the same score, rule, flags and features
 * (spans quote the text) for every question type, or those in {@code types}; {@code secondContains} and
 * {@code secondLacks} check the second's spelling; its {@code cases} apply to every answer of the pairs.
 * </ul>
 * Measures, features and flags go by wire name ({@code own_past_actions}, {@code we_not_i}); an unknown name or key
 * fails.
 */
class LanguagePackCasesTest {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final RubricScorer SCORER = new RubricScorer(null, Thresholds.builtIn());

    record Fixture(String language, String about, String question, List<String> concepts, List<Case> cases,
                   List<SameCard> sameCard) {
    }

    record Case(String name, String why, String type, String appendedTo, List<String> answers,
                Map<String, Double> measures, Map<String, Double> measuresAtLeast, Map<String, Double> features,
                Integer score, Integer scoreAtLeast, Integer scoreAtMost, String rule, List<String> flags,
                List<String> noFlags, List<String> flagsExactly, String sameAs, List<String> same) {
    }

    record SameCard(String name, String why, List<String> types, List<List<String>> pairs,
                    List<String> secondContains, List<String> secondLacks, List<Case> cases) {
    }

    @TestFactory
    List<DynamicTest> cases() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String language : LanguagePacks.languages()) {
            if (language.equals(ScoringInput.DEFAULT_LANGUAGE)) {
                continue; // English has its own tests
            }
            Fixture f = read(language);
            Set<String> names = new HashSet<>();
            for (Case c : list(f.cases())) {
                tests.add(named(f, names, c.name(), () -> check(f, c, c.answers())));
            }
            for (SameCard s : list(f.sameCard())) {
                tests.add(named(f, names, s.name(), () -> check(f, s)));
                List<String> answers = list(s.pairs()).stream().flatMap(List::stream).distinct().toList();
                for (Case c : list(s.cases())) {
                    tests.add(named(f, names, s.name() + " / " + c.name(), () -> {
                        require(c.answers() == null, c.name() + ": its answers are those of the pairs");
                        check(f, c, answers);
                    }));
                }
            }
        }
        return tests;
    }

    private static Fixture read(String language) {
        String path = "/language-packs/" + language + ".json";
        try (InputStream in = LanguagePackCasesTest.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no cases for the language pack " + language + ": " + path);
            }
            Fixture f = JSON.readValue(in, Fixture.class);
            if (!language.equals(f.language())) {
                throw new IllegalStateException(path + " is for " + f.language());
            }
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(path + ": " + e.getMessage(), e);
        }
    }

    private static DynamicTest named(Fixture f, Set<String> names, String name, Runnable test) {
        if (name == null || name.isBlank() || !names.add(name)) {
            throw new IllegalArgumentException(f.language() + ": a case without a name, or a second '" + name + "'");
        }
        String named = f.language() + ": " + name;
        return dynamicTest(named, () -> {
            try {
                test.run();
            } catch (AssertionError | IllegalArgumentException e) {
                // surefire reports a dynamic test by its index: the message names the language and the case
                throw new AssertionError(named + ": " + e.getMessage(), e);
            }
        });
    }

    private static void check(Fixture f, Case c, List<String> answers) {
        QuestionType type = c.type() == null ? QuestionType.BEHAVIORAL : QuestionType.fromLabel(c.type());
        String reference = c.sameAs() != null ? c.sameAs() : c.appendedTo();
        require(!list(answers).isEmpty(), c.name() + ": no answers");
        require(c.same() == null || reference != null, c.name() + ": 'same' without 'sameAs' or 'appendedTo'");
        require(c.sameAs() == null || c.same() != null, c.name() + ": 'sameAs' without 'same'");
        require(!map(c.measures()).isEmpty() || !map(c.measuresAtLeast()).isEmpty() || !map(c.features()).isEmpty()
                || c.score() != null || c.scoreAtLeast() != null || c.scoreAtMost() != null || c.rule() != null
                || c.flags() != null || c.noFlags() != null || c.flagsExactly() != null || c.same() != null,
                c.name() + ": nothing to check");
        SoftAssertions softly = new SoftAssertions();
        for (String answer : answers) {
            String text = c.appendedTo() == null ? answer : c.appendedTo() + answer;
            EvidenceRecord e = SCORER.evidence(input(f, type, text));
            ScoreCard card = SCORER.score(input(f, type, text));
            map(c.measures()).forEach((m, v) -> softly.assertThat(e.get(measure(m))).as("%s of %s", m, text)
                    .isEqualTo(v.doubleValue()));
            map(c.measuresAtLeast()).forEach((m, v) -> softly.assertThat(e.get(measure(m))).as("%s of %s", m, text)
                    .isGreaterThanOrEqualTo(v.doubleValue()));
            map(c.features()).forEach((m, v) -> softly.assertThat(card.features().get(measure(m).wireName()))
                    .as("feature %s of %s", m, text).isEqualTo(v.doubleValue()));
            if (c.score() != null) {
                softly.assertThat(card.score()).as("score of %s", text).isEqualTo(c.score());
            }
            if (c.scoreAtLeast() != null) {
                softly.assertThat(card.score()).as("score of %s", text).isGreaterThanOrEqualTo(c.scoreAtLeast());
            }
            if (c.scoreAtMost() != null) {
                softly.assertThat(card.score()).as("score of %s", text).isLessThanOrEqualTo(c.scoreAtMost());
            }
            if (c.rule() != null) {
                softly.assertThat(card.rule()).as("rule of %s", text).isEqualTo(c.rule());
            }
            for (String flag : list(c.flags())) {
                softly.assertThat(card.has(flag(flag))).as("flag %s on %s (flags: %s)", flag, text, card.flags())
                        .isTrue();
            }
            for (String flag : list(c.noFlags())) {
                softly.assertThat(card.has(flag(flag))).as("flag %s on %s", flag, text).isFalse();
            }
            if (c.flagsExactly() != null) {
                Set<Flag> expected = EnumSet.noneOf(Flag.class);
                c.flagsExactly().forEach(flag -> expected.add(flag(flag)));
                softly.assertThat(card.flags()).as("flags of %s", text).isEqualTo(expected);
            }
            if (c.same() != null) {
                EvidenceRecord re = SCORER.evidence(input(f, type, reference));
                ScoreCard rc = SCORER.score(input(f, type, reference));
                for (String what : c.same()) {
                    String as = what + " of " + text + " and of " + reference;
                    switch (what) {
                        case "score" -> softly.assertThat(card.score()).as(as).isEqualTo(rc.score());
                        case "rule" -> softly.assertThat(card.rule()).as(as).isEqualTo(rc.rule());
                        case "flags" -> softly.assertThat(card.flags()).as(as).isEqualTo(rc.flags());
                        case "features" -> softly.assertThat(card.features()).as(as).isEqualTo(rc.features());
                        default -> softly.assertThat(e.get(measure(what, "or score, rule, flags, features")))
                                .as(as).isEqualTo(re.get(measure(what)));
                    }
                }
            }
        }
        softly.assertAll();
    }

    private static void check(Fixture f, SameCard s) {
        require(!list(s.pairs()).isEmpty(), s.name() + ": no pairs");
        List<QuestionType> types = s.types() == null ? List.of(QuestionType.values())
                : s.types().stream().map(QuestionType::fromLabel).toList();
        SoftAssertions softly = new SoftAssertions();
        for (List<String> pair : s.pairs()) {
            require(pair.size() == 2, s.name() + ": a pair of " + pair.size());
            String first = pair.get(0);
            String second = pair.get(1);
            list(s.secondContains()).forEach(part -> softly.assertThat(second).as("the second answer").contains(part));
            list(s.secondLacks()).forEach(part -> softly.assertThat(second).as("the second answer")
                    .doesNotContain(part));
            for (QuestionType type : types) {
                ScoreCard a = SCORER.score(input(f, type, first));
                ScoreCard b = SCORER.score(input(f, type, second));
                String as = " as " + type.label() + " of " + second + " and of " + first;
                softly.assertThat(b.score()).as("score" + as).isEqualTo(a.score());
                softly.assertThat(b.rule()).as("rule" + as).isEqualTo(a.rule());
                softly.assertThat(b.flags()).as("flags" + as).isEqualTo(a.flags());
                softly.assertThat(b.features()).as("features" + as).isEqualTo(a.features());
            }
        }
        softly.assertAll();
    }

    private static ScoringInput input(Fixture f, QuestionType type, String answer) {
        return new ScoringInput(f.question(), type, f.concepts(), f.language(), answer, null, null);
    }

    private static Measure measure(String wireName) {
        return measure(wireName, "");
    }

    private static Measure measure(String wireName, String orElse) {
        return Arrays.stream(Measure.values()).filter(m -> m.wireName().equals(wireName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown measure '" + wireName + "'; known: "
                        + Arrays.stream(Measure.values()).map(Measure::wireName).toList() + " " + orElse));
    }

    private static Flag flag(String wireName) {
        return Arrays.stream(Flag.values()).filter(f -> f.wireName().equals(wireName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown flag '" + wireName + "'; known: "
                        + Arrays.stream(Flag.values()).map(Flag::wireName).toList()));
    }

    private static void require(boolean ok, String problem) {
        if (!ok) {
            throw new IllegalArgumentException(problem);
        }
    }

    private static <T> List<T> list(List<T> l) {
        return l == null ? List.of() : l;
    }

    private static <K, V> Map<K, V> map(Map<K, V> m) {
        return m == null ? Map.of() : m;
    }
}
