package dev.prescreen.local.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prescreen.local.runtime.demo.Demo;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The demo's scenario through the whole local stack: the ranking must make sense. */
@ExtendWith(LocalRuntimeExtension.class)
class DemoIT {

    @Test
    void strongCandidatesPassWeakOnesFailAndTheGamingAttemptIsFlagged(LocalRuntime runtime) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Demo demo = new Demo(runtime, new PrintStream(printed, true, StandardCharsets.UTF_8));
        Demo.Outcome outcome = demo.run(Duration.ofMinutes(4));
        demo.print(outcome);
        String log = printed.toString(StandardCharsets.UTF_8);

        assertThat(outcome.complete()).as(log).isTrue();
        Map<String, Demo.Result> byProfile = outcome.results().stream()
                .collect(Collectors.toMap(Demo.Result::profile, Function.identity()));
        Demo.Result strong = byProfile.get("strong");
        Demo.Result nonNative = byProfile.get("strong, non-native English");
        Demo.Result weak = byProfile.get("weak");
        Demo.Result gaming = byProfile.get("games the scorer");
        Demo.Result dropOff = byProfile.get("drops off after three answers and resumes");
        assertThat(strong.passed()).as(log).isTrue();
        assertThat(nonNative.passed()).as("content over form: " + log).isTrue();
        assertThat(dropOff.passed()).as(log).isTrue();
        assertThat(weak.passed()).as(log).isFalse();
        assertThat(gaming.passed()).as(log).isFalse();
        assertThat(gaming.flags()).as(log).contains("prompt_injection");
        assertThat(gaming.overall()).as(log).isLessThan(byProfile.get("average").overall());
        assertThat(strong.overall()).isGreaterThan(byProfile.get("average").overall());
        assertThat(byProfile.get("average").overall()).isGreaterThan(weak.overall());
        Demo.Result spanish = byProfile.get("strong, answers in Spanish");
        Demo.Result german = byProfile.get("average, answers in German");
        assertThat(spanish.language()).isEqualTo("es-ES");
        assertThat(german.language()).isEqualTo("de-DE");
        assertThat(spanish.planId()).isNotEqualTo(strong.planId()).isNotEqualTo(german.planId());
        assertThat(spanish.reportEmailed()).as(log).isTrue();
        assertThat(german.reportEmailed()).as(log).isTrue();
        assertThat(spanish.passed()).as("a strong answer in Spanish is scored as one: " + log).isTrue();
        assertThat(spanish.overall()).as(log).isGreaterThan(german.overall());
        assertThat(log).contains("dropped off", "resumed and finished", "reports: 9/9", "(es-ES)", "(de-DE)");
    }
}
