package dev.prescreen.domain.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prescreen.domain.interview.Interview;
import dev.prescreen.domain.interview.InterviewRepository;
import dev.prescreen.domain.interview.InterviewState;
import dev.prescreen.domain.plan.FollowUps;
import dev.prescreen.domain.plan.Plan;
import dev.prescreen.domain.session.PipelineEvents;
import dev.prescreen.testing.InMemoryInterviewRepository;
import dev.prescreen.testing.MutableClock;
import dev.prescreen.testing.Screenings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a crash leaves between two stages is found in the data and handed on again; finished work is left alone. */
class PipelineReconcilerTest {

    private static final Instant AT = Instant.parse("2026-11-20T09:00:00Z");
    private static final Duration STUCK = Duration.ofMinutes(5);

    private final InMemoryInterviewRepository interviews = new InMemoryInterviewRepository();
    private final MutableClock clock = new MutableClock(AT);
    private final List<String> events = new ArrayList<>();
    private final PipelineReconciler reconciler = new PipelineReconciler(interviews, new PipelineEvents() {
        @Override
        public void answerReadyForScoring(String organisation, String interviewId, String answerId) {
            events.add("score " + answerId);
        }

        @Override
        public void interviewSubmitted(String organisation, String interviewId) {
            events.add("finish " + interviewId);
        }
    }, (organisation, interviewId) -> events.add("report " + interviewId), clock);

    private Interview store(String id, InterviewState state) {
        Interview interview = Screenings.interview(id, "cd_" + id, state, AT);
        interviews.create(interview, new InterviewRepository.TokenRecord("h" + id, "acme", id, AT.plusSeconds(86400)));
        return interview;
    }

    @Test
    void stuckAnswersSubmittedInterviewsAndUnreportedOnesAreHandedOnAgain() {
        Plan plan = Screenings.plan(AT, new FollowUps(false, 0));
        Interview inProgress = store("iv_a", InterviewState.IN_PROGRESS);
        interviews.createAnswer(Screenings.typedAwaitingScore(inProgress, plan, 1, "kotlin", AT));
        store("iv_b", InterviewState.SUBMITTED);
        store("iv_c", InterviewState.SUBMITTED);
        interviews.replace(interviews.find("acme", "iv_c").orElseThrow().withState(InterviewState.COMPLETED, AT), 2);
        store("iv_d", InterviewState.SUBMITTED);
        Interview delivered = interviews.find("acme", "iv_d").orElseThrow().withState(InterviewState.COMPLETED, AT);
        interviews.replace(delivered, 2);
        interviews.replace(delivered.withDelivered(AT), delivered.revision());
        store("iv_e", InterviewState.INVITED);

        assertThat(reconciler.reconcile(STUCK, 100)).isEqualTo(new PipelineReconciler.Result(0, 0, 0));
        assertThat(events).as("nothing is stuck before the stages had their time").isEmpty();

        clock.advance(STUCK.plusSeconds(1));
        PipelineReconciler.Result result = reconciler.reconcile(STUCK, 100);

        assertThat(result).isEqualTo(new PipelineReconciler.Result(1, 1, 1));
        assertThat(events).containsExactlyInAnyOrder("score iv_a-q01m", "finish iv_b", "report iv_c");
    }
}
