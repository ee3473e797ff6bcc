package dev.prescreen.domain.pipeline;

import dev.prescreen.domain.interview.Answer;
import dev.prescreen.domain.interview.Interview;
import dev.prescreen.domain.interview.InterviewRepository;
import dev.prescreen.domain.interview.InterviewState;
import dev.prescreen.domain.session.PipelineEvents;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Finishes from the data itself whatever a crash left behind between a write and the message that hands it on: an
 * answer awaiting its score (the scoring message was lost), a submitted interview whose answers may all be final
 * (never finished), a completed interview without its report or its email. Each is handed to its stage again; every
 * stage is idempotent, so a hand-over that was not lost after all has no second effect. Runs on a schedule.
 */
public final class PipelineReconciler {

    /** What one run handed on again. */
    public record Result(int answersRescored, int interviewsFinished, int reportsDelivered) {
    }

    private final InterviewRepository interviews;
    private final PipelineEvents scoring;
    private final ScoringStage.CompletedInterviews reporting;
    private final Clock clock;

    public PipelineReconciler(InterviewRepository interviews, PipelineEvents scoring,
            ScoringStage.CompletedInterviews reporting, Clock clock) {
        this.interviews = interviews;
        this.scoring = scoring;
        this.reporting = reporting;
        this.clock = clock;
    }

    /**
     * @param olderThan how long a stage may take before its work counts as stuck (longer than a normal hand-over)
     * @param limit     the most of each kind one run hands on (the oldest first; the next run takes the rest)
     */
    public Result reconcile(Duration olderThan, int limit) {
        Instant before = clock.instant().minus(olderThan);
        int answers = 0;
        for (Answer answer : interviews.awaitingScoreSince(before, limit)) {
            scoring.answerReadyForScoring(answer.organisation(), answer.interviewId(), answer.answerId());
            answers++;
        }
        int finished = 0;
        int delivered = 0;
        for (Interview interview : interviews.undeliveredSince(before, limit)) {
            if (interview.state() == InterviewState.SUBMITTED) {
                scoring.interviewSubmitted(interview.organisation(), interview.interviewId());
                finished++;
            } else if (interview.state() == InterviewState.COMPLETED) {
                reporting.completed(interview.organisation(), interview.interviewId());
                delivered++;
            }
        }
        return new Result(answers, finished, delivered);
    }
}
