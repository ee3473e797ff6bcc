package dev.prescreen.domain.pipeline;

import dev.prescreen.domain.ConcurrentWrites;
import dev.prescreen.domain.interview.Answer;
import dev.prescreen.domain.interview.AnswerKind;
import dev.prescreen.domain.interview.AnswerState;
import dev.prescreen.domain.interview.Interview;
import dev.prescreen.domain.interview.InterviewRepository;
import dev.prescreen.domain.interview.InterviewState;
import dev.prescreen.domain.plan.Plan;
import dev.prescreen.domain.plan.PlanRepository;
import dev.prescreen.scoring.AnswerScorer;
import dev.prescreen.scoring.ScoreCard;
import dev.prescreen.scoring.ScoringInput;
import dev.prescreen.scoring.followup.FollowUpPolicy;
import dev.prescreen.scoring.followup.FollowUpProbe;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Scores answers as they become ready (a follow-up's answer is scored together with the original), lets
 * the scorer propose a follow-up, and finishes the interview exactly once when every answer is final.
 * The scorer sees the question and the answer only, never who gave it.
 */
public final class ScoringStage {

    private static final String ANSWER = "answerId";
    private static final String THE_ANSWER = "the answer";
    private static final String INTERVIEW = "interviewId";
    private static final String THE_INTERVIEW = "the interview";

    private final InterviewRepository interviews;
    private final PlanRepository plans;
    private final AnswerScorer scorer;
    private final FollowUpPolicy followUps;
    private final CompletedInterviews completed;
    private final Clock clock;

    /** Where finished interviews go next (the reporting queue). */
    public interface CompletedInterviews {
        void completed(String organisation, String interviewId);
    }

    public ScoringStage(InterviewRepository interviews, PlanRepository plans, AnswerScorer scorer,
            FollowUpPolicy followUps, CompletedInterviews completed, Clock clock) {
        this.interviews = interviews;
        this.plans = plans;
        this.scorer = scorer;
        this.followUps = followUps;
        this.completed = completed;
        this.clock = clock;
    }

    public void answerReady(String organisation, String interviewId, String answerId) {
        ConcurrentWrites.retry(ANSWER, THE_ANSWER, () -> {
            Optional<Answer> found = interviews.answer(organisation, interviewId, answerId);
            if (found.isEmpty() || found.get().state() != AnswerState.AWAITING_SCORE) {
                return true; // erased, or scored already (a redelivery)
            }
            Answer answer = found.get();
            return answer.kind() == AnswerKind.MAIN ? scoreMain(answer) : scoreFollowUp(answer);
        });
        tryComplete(organisation, interviewId);
    }

    private boolean scoreMain(Answer answer) {
        ScoreCard card = scorer.score(input(answer, null));
        FollowUpProbe probe = null;
        if (!answer.followUpClosed()) {
            Interview interview = interviews.find(answer.organisation(), answer.interviewId()).orElseThrow();
            Plan plan = plans.find(answer.organisation(), answer.planId()).orElseThrow();
            if (plan.followUps().enabled()) {
                probe = followUps.decide(card, answer.questionType(), interview.followUpsAsked(),
                        plan.followUps().maxPerInterview(), false).orElse(null);
            }
        }
        FollowUpProbe proposed = probe;
        return interviews.replaceAnswer(answer.change(b -> {
            b.scoreCard = card;
            b.followUp = proposed;
            b.state = AnswerState.SCORED;
            return b;
        }), answer.revision());
    }

    /** The original and the follow-up are scored as one answer; the original carries the card. */
    private boolean scoreFollowUp(Answer followUp) {
        String mainId = AnswerKind.MAIN.answerId(followUp.interviewId(), followUp.position());
        Answer main = interviews.answer(followUp.organisation(), followUp.interviewId(), mainId).orElseThrow();
        ScoreCard card = scorer.score(input(main, followUp));
        if (!interviews.replaceAnswer(main.change(b -> {
            b.scoreCard = card;
            return b;
        }), main.revision())) {
            return false;
        }
        return interviews.replaceAnswer(followUp.change(b -> {
            b.scoreCard = card;
            b.state = AnswerState.SCORED;
            return b;
        }), followUp.revision());
    }

    private static ScoringInput input(Answer main, Answer followUp) {
        return new ScoringInput(main.questionText(), main.questionType(), main.concepts(), main.language(),
                main.transcript() == null ? "" : main.transcript().text(),
                followUp == null || followUp.transcript() == null ? null : followUp.transcript().text(),
                followUp == null ? null : followUp.questionText());
    }

    /** Finishes the interview once every answer is final; safe to call any number of times. */
    public void tryComplete(String organisation, String interviewId) {
        boolean complete = ConcurrentWrites.retry(INTERVIEW, THE_INTERVIEW, () -> {
            Optional<Interview> found = interviews.find(organisation, interviewId);
            if (found.isEmpty()) {
                return Optional.of(false);
            }
            Interview interview = found.get();
            if (interview.state() == InterviewState.COMPLETED) {
                return Optional.of(true); // reporting is idempotent: handing it on again covers a crash after the change
            }
            if (interview.state() != InterviewState.SUBMITTED
                    || !interviews.answers(organisation, interviewId).stream().allMatch(a -> a.state().terminal())) {
                return Optional.of(false);
            }
            return interviews.replace(interview.withState(InterviewState.COMPLETED, clock.instant()),
                    interview.revision()) ? Optional.of(true) : Optional.empty();
        });
        if (complete) {
            completed.completed(organisation, interviewId);
        }
    }
}
