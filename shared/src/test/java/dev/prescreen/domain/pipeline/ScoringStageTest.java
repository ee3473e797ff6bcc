package dev.prescreen.domain.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prescreen.domain.DomainException;
import dev.prescreen.domain.interview.Answer;
import dev.prescreen.domain.interview.AnswerState;
import dev.prescreen.domain.interview.Interview;
import dev.prescreen.domain.interview.InterviewState;
import dev.prescreen.domain.plan.FollowUps;
import dev.prescreen.domain.plan.Plan;
import dev.prescreen.scoring.AnswerScorer;
import dev.prescreen.scoring.QuestionType;
import dev.prescreen.scoring.RubricAnchors;
import dev.prescreen.scoring.ScoreCard;
import dev.prescreen.scoring.ScoringInput;
import dev.prescreen.scoring.followup.FollowUpPolicy;
import dev.prescreen.testing.InMemoryInterviewRepository;
import dev.prescreen.testing.InMemoryPlanRepository;
import dev.prescreen.testing.MutableClock;
import dev.prescreen.testing.Screenings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Scoring and finishing with a fixed clock and injected write conflicts; a scorer stand-in gives every answer 4. */
class ScoringStageTest {

    private static final Instant AT = Instant.parse("2026-11-20T09:00:00Z");

    private final InMemoryInterviewRepository interviews = new InMemoryInterviewRepository();
    private final InMemoryPlanRepository plans = new InMemoryPlanRepository();
    private final List<String> handedToReporting = new ArrayList<>();
    private final MutableClock clock = new MutableClock(AT);
    private final AnswerScorer fours = new AnswerScorer() {
        @Override
        public ScoreCard score(ScoringInput input) {
            return new ScoreCard(4, RubricAnchors.anchor(input.type(), 4), "stand-in", List.of(), Set.of(), Map.of(),
                    version(), "test.four");
        }

        @Override
        public String version() {
            return "stand-in";
        }
    };
    private ScoringStage stage;
    private Interview interview;
    private Answer first;
    private Answer second;

    @BeforeEach
    void submittedInterviewWithTwoTypedAnswers() {
        Plan plan = Screenings.plan(AT, new FollowUps(false, 0));
        plans.create(plan);
        interview = Screenings.interview("iv_1", "cd_1", InterviewState.SUBMITTED, AT);
        interviews.create(interview, new dev.prescreen.domain.interview.InterviewRepository.TokenRecord("h", "acme",
                "iv_1", AT.plusSeconds(3600)));
        first = Screenings.typedAwaitingScore(interview, plan, 1, "kotlin, six years", AT);
        second = Screenings.typedAwaitingScore(interview, plan, 2, "i split the billing module", AT);
        interviews.createAnswer(first);
        interviews.createAnswer(second);
        stage = new ScoringStage(interviews, plans, fours, FollowUpPolicy.builtIn(),
                (organisation, interviewId) -> handedToReporting.add(interviewId), clock);
    }

    @Test
    void theInterviewFinishesOnceItsLastAnswerIsScored() {
        stage.answerReady("acme", "iv_1", first.answerId());
        assertThat(interviews.find("acme", "iv_1").orElseThrow().state()).isEqualTo(InterviewState.SUBMITTED);
        assertThat(handedToReporting).isEmpty();

        stage.answerReady("acme", "iv_1", second.answerId());
        assertThat(interviews.find("acme", "iv_1").orElseThrow().state()).isEqualTo(InterviewState.COMPLETED);
        assertThat(interviews.answers("acme", "iv_1")).allSatisfy(a -> {
            assertThat(a.state()).isEqualTo(AnswerState.SCORED);
            assertThat(a.scoreCard().score()).isEqualTo(4);
        });
        assertThat(handedToReporting).containsExactly("iv_1");
    }

    @Test
    void lostWritesAreRetriedAndTheAnswerIsScored() {
        interviews.loseNextWrites(3);
        stage.answerReady("acme", "iv_1", first.answerId());
        assertThat(interviews.answer("acme", "iv_1", first.answerId()).orElseThrow().state())
                .isEqualTo(AnswerState.SCORED);
    }

    @Test
    void aScoreThatCannotBeWrittenFailsTheMessageInsteadOfDroppingIt() {
        interviews.loseNextWrites(1000);
        assertThatThrownBy(() -> stage.answerReady("acme", "iv_1", first.answerId()))
                .isInstanceOf(DomainException.WriteConflict.class);
        assertThat(interviews.answer("acme", "iv_1", first.answerId()).orElseThrow().state())
                .isEqualTo(AnswerState.AWAITING_SCORE);
        assertThat(handedToReporting).isEmpty();
    }

    @Test
    void aFinishThatCannotBeWrittenFailsLoudly() {
        stage.answerReady("acme", "iv_1", first.answerId());
        interviews.loseNextWrites(1000);
        assertThatThrownBy(() -> stage.answerReady("acme", "iv_1", second.answerId()))
                .isInstanceOf(DomainException.WriteConflict.class);
        assertThat(handedToReporting).isEmpty();
    }

    @Test
    void aRedeliveredMessageScoresNothingTwiceAndHandsTheFinishedInterviewOnAgain() {
        stage.answerReady("acme", "iv_1", first.answerId());
        stage.answerReady("acme", "iv_1", second.answerId());
        long revision = interviews.answer("acme", "iv_1", second.answerId()).orElseThrow().revision();
        stage.answerReady("acme", "iv_1", second.answerId());
        assertThat(interviews.answer("acme", "iv_1", second.answerId()).orElseThrow().revision()).isEqualTo(revision);
        // reporting is idempotent; handing on again covers a crash right after the interview was finished
        assertThat(handedToReporting).containsExactly("iv_1", "iv_1");
        assertThat(first.questionType()).isEqualTo(QuestionType.GENERAL);
    }
}
