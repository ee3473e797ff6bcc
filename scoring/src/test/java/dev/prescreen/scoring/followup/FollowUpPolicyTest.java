package dev.prescreen.scoring.followup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prescreen.scoring.QuestionType;
import dev.prescreen.scoring.Flag;
import dev.prescreen.scoring.ScoreCard;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FollowUpPolicyTest {

    private final FollowUpPolicy policy = FollowUpPolicy.builtIn();

    private static ScoreCard card(int score, Set<Flag> flags, Map<String, Double> features) {
        return new ScoreCard(score, "anchor", "reason", List.of(), flags, features, "test", "test.rule");
    }

    @Test
    void probeSetIsVersionedAndCoversEveryType() {
        assertThat(policy.version()).isNotBlank();
        assertThat(policy.probes()).allSatisfy(p -> assertThat(p.probeSetVersion()).isEqualTo(policy.version()));
        for (QuestionType type : QuestionType.values()) {
            assertThat(policy.probes()).anyMatch(p -> p.type() == type);
        }
    }

    @Test
    void behavioralStoryWithoutResultAsksForTheResult() {
        ScoreCard c = card(3, Set.of(), Map.of("own_past_actions", 3.0, "results", 0.0, "words", 60.0));
        assertThat(policy.decide(c, QuestionType.BEHAVIORAL, 0, 2, false)).get()
                .satisfies(p -> {
                    assertThat(p.gap()).isEqualTo("no_result");
                    assertThat(p.text()).isEqualTo("What was the measurable result of what you did?");
                });
    }

    @Test
    void weNotIAsksWhatTheCandidateDidPersonally() {
        ScoreCard c = card(3, Set.of(Flag.WE_NOT_I), Map.of("team_past_actions", 4.0, "words", 60.0));
        assertThat(policy.decide(c, QuestionType.BEHAVIORAL, 0, 2, false)).get()
                .extracting(FollowUpProbe::text).isEqualTo("What did you personally do?");
    }

    @Test
    void hypotheticalAsksForARealExample() {
        ScoreCard c = card(1, Set.of(Flag.HYPOTHETICAL), Map.of("words", 60.0));
        assertThat(policy.decide(c, QuestionType.BEHAVIORAL, 0, 2, false)).get()
                .extracting(FollowUpProbe::id).isEqualTo("beh-hypothetical");
    }

    @Test
    void experienceAndSituationalAndGeneralGaps() {
        assertThat(policy.decide(card(3, Set.of(), Map.of("employers", 0.0, "projects", 0.0)),
                QuestionType.EXPERIENCE, 0, 3, false)).get().extracting(FollowUpProbe::gap).isEqualTo("no_employer");
        assertThat(policy.decide(card(3, Set.of(), Map.of("employers", 1.0, "quantified_results", 0.0)),
                QuestionType.EXPERIENCE, 0, 3, false)).get().extracting(FollowUpProbe::gap).isEqualTo("no_outcome");
        assertThat(policy.decide(card(3, Set.of(), Map.of("steps", 2.0, "tradeoffs", 0.0)),
                QuestionType.SITUATIONAL, 0, 3, false)).get().extracting(FollowUpProbe::gap).isEqualTo("no_trade_off");
        assertThat(policy.decide(card(2, Set.of(), Map.of()), QuestionType.GENERAL, 0, 3, false)).get()
                .extracting(FollowUpProbe::gap).isEqualTo("vague");
    }

    @Test
    void noFollowUpForStrongEmptyOrInjectionOnlyAnswers() {
        assertThat(policy.decide(card(4, Set.of(), Map.of()), QuestionType.BEHAVIORAL, 0, 2, false)).isEmpty();
        assertThat(policy.decide(card(5, Set.of(), Map.of()), QuestionType.GENERAL, 0, 2, false)).isEmpty();
        assertThat(policy.decide(card(1, Set.of(Flag.NO_ANSWER), Map.of()), QuestionType.GENERAL, 0, 2, false))
                .isEmpty();
        assertThat(policy.decide(card(1, Set.of(Flag.PROMPT_INJECTION, Flag.NO_ANSWER), Map.of("words", 0.0)),
                QuestionType.EXPERIENCE, 0, 2, false)).isEmpty();
    }

    @Test
    void respectsBudgets() {
        ScoreCard c = card(3, Set.of(Flag.WE_NOT_I), Map.of("words", 60.0));
        assertThat(policy.decide(c, QuestionType.BEHAVIORAL, 2, 2, false)).isEmpty();
        assertThat(policy.decide(c, QuestionType.BEHAVIORAL, 0, 2, true)).isEmpty();
        assertThat(policy.decide(c, QuestionType.BEHAVIORAL, 1, 2, false)).isPresent();
    }

    @Test
    void anOffTopicAnswerIsBroughtBackToTheQuestion() {
        FollowUpPolicy policy = FollowUpPolicy.builtIn();
        for (QuestionType type : QuestionType.values()) {
            ScoreCard c = card(1, Set.of(Flag.OFF_TOPIC), Map.of("words", 80.0, "employers", 1.0));
            assertThat(policy.decide(c, type, 0, 3, false)).as(type.label())
                    .hasValueSatisfying(p -> assertThat(p.gap()).isEqualTo("off_topic"));
        }
    }

    @Test
    void noEmployerProbeForAnAnswerThatNamesItsEmployer() {
        FollowUpPolicy policy = FollowUpPolicy.builtIn();
        ScoreCard named = card(3, Set.of(), Map.of("employers", 1.0, "quantified_results", 0.0, "words", 40.0));
        assertThat(policy.decide(named, QuestionType.EXPERIENCE, 0, 3, false))
                .hasValueSatisfying(p -> assertThat(p.gap()).isNotEqualTo("no_employer"));
    }
}
