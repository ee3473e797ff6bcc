package dev.prescreen.domain.session;

import dev.prescreen.domain.interview.Answer;
import dev.prescreen.domain.interview.AnswerKind;
import dev.prescreen.domain.interview.AnswerState;
import dev.prescreen.domain.interview.Interview;
import dev.prescreen.domain.interview.InterviewRepository;
import dev.prescreen.domain.interview.InterviewState;
import dev.prescreen.domain.plan.Plan;
import dev.prescreen.domain.plan.PlanQuestion;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a candidate is in their interview: the plan walked in order, the first open step served (a question, its
 * follow-up, or "processing" while a follow-up may still be proposed), and the interview submitted once nothing is
 * left. Each write is conditional; an empty result means a concurrent change, and the walk starts again.
 */
final class InterviewWalk {

    private final InterviewRepository interviews;
    private final PipelineEvents pipeline;
    private final Clock clock;
    private final Duration followUpWait;

    InterviewWalk(InterviewRepository interviews, PipelineEvents pipeline, Clock clock, Duration followUpWait) {
        this.interviews = interviews;
        this.pipeline = pipeline;
        this.clock = clock;
        this.followUpWait = followUpWait;
    }

    /**
     * Walks the plan in order and returns the first open step, creating it when it is first reached.
     * Empty when a concurrent change was detected and the walk must start again.
     */
    Optional<Step> next(Interview interview, Plan plan) {
        Map<String, Answer> answers = byId(interviews.answers(interview.organisation(), interview.interviewId()));
        int answered = answeredMain(answers.values());
        int total = plan.questions().size();
        if (interview.state() == InterviewState.SUBMITTED || interview.state() == InterviewState.COMPLETED) {
            return Optional.of(Step.done(answered, total));
        }
        Instant now = clock.instant();
        for (PlanQuestion question : plan.questions()) {
            String mainId = AnswerKind.MAIN.answerId(interview.interviewId(), question.position());
            Answer main = answers.get(mainId);
            if (main == null) {
                return serveNew(interview, plan, question, AnswerKind.MAIN, question.text(), null, answered, total);
            }
            if (!main.submitted()) {
                return Optional.of(step(main, interview, plan, answered, total));
            }
            if (!plan.followUps().enabled()) {
                continue;
            }
            Answer followUp = answers.get(AnswerKind.FOLLOW_UP.answerId(interview.interviewId(), question.position()));
            if (followUp != null) {
                if (!followUp.submitted()) {
                    return Optional.of(step(followUp, interview, plan, answered, total));
                }
                continue;
            }
            if (main.followUpClosed()) {
                continue;
            }
            if (main.followUp() != null) {
                if (interview.followUpsAsked() >= plan.followUps().maxPerInterview()) {
                    if (!close(main)) {
                        return Optional.empty();
                    }
                    continue;
                }
                if (!interviews.replace(interview.withFollowUpAsked(), interview.revision())) {
                    return Optional.empty();
                }
                return serveNew(interview, plan, question, AnswerKind.FOLLOW_UP, main.followUp().text(), main, answered, total);
            }
            boolean decided = main.scoreCard() != null || main.state().terminal();
            boolean budgetLeft = interview.followUpsAsked() < plan.followUps().maxPerInterview();
            if (!decided && budgetLeft && now.isBefore(main.submittedAt().plus(followUpWait))) {
                return Optional.of(Step.processing(answered, total));
            }
            // Scored without a follow-up, or scoring took too long: move on, and say so on the answer.
            if (!close(main)) {
                return Optional.empty();
            }
        }
        if (!interviews.replace(interview.withState(InterviewState.SUBMITTED, now), interview.revision())) {
            return Optional.empty();
        }
        pipeline.interviewSubmitted(interview.organisation(), interview.interviewId());
        return Optional.of(Step.done(answered, total));
    }

    boolean close(Answer main) {
        return interviews.replaceAnswer(main.change(b -> {
            b.followUpClosed = true;
            return b;
        }), main.revision());
    }

    private Optional<Step> serveNew(Interview interview, Plan plan, PlanQuestion question, AnswerKind kind, String text,
            Answer main, int answered, int total) {
        Answer answer = Answer.served(kind.answerId(interview.interviewId(), question.position()),
                interview.interviewId(), interview.organisation(), plan.planId(), question.position(), kind, text,
                question.type(), question.concepts(), plan.language(), clock.instant());
        if (!interviews.createAnswer(answer)) {
            return Optional.empty();
        }
        return Optional.of(step(answer, interview, plan, answered, total));
    }

    private static Step step(Answer answer, Interview interview, Plan plan, int answered, int total) {
        return new Step(Step.Status.QUESTION, answer.answerId(), answer.position(),
                answer.kind() == AnswerKind.MAIN ? "question" : "follow_up", answer.questionText(),
                answer.questionType().label(), interview.answerSeconds(plan), answer.servedAt(),
                answer.servedAt().plusSeconds(interview.answerSeconds(plan)), answered, total, null, answer.takes(),
                plan.answering().takesPerQuestion());
    }

    static Map<String, Answer> byId(List<Answer> answers) {
        Map<String, Answer> map = new HashMap<>();
        answers.forEach(a -> map.put(a.answerId(), a));
        return map;
    }

    static int answeredMain(Collection<Answer> answers) {
        return (int) answers.stream().filter(a -> a.kind() == AnswerKind.MAIN && a.submitted()).count();
    }

    /**
     * Closes every step of the plan not yet answered, for an interview ended early: questions not reached and open
     * answers count as not answered, and no follow-up will be asked any more. False on a concurrent change.
     */
    boolean closeUnanswered(Interview interview, Plan plan) {
        Map<String, Answer> answers = byId(interviews.answers(interview.organisation(), interview.interviewId()));
        boolean conflict = false;
        for (PlanQuestion question : plan.questions()) {
            String id = AnswerKind.MAIN.answerId(interview.interviewId(), question.position());
            Answer main = answers.get(id);
            if (main == null) {
                Instant now = clock.instant();
                Answer skipped = Answer.served(id, interview.interviewId(), interview.organisation(), plan.planId(),
                        question.position(), AnswerKind.MAIN, question.text(), question.type(), question.concepts(),
                        plan.language(), null).change(b -> {
                            b.state = AnswerState.NO_ANSWER;
                            b.submittedAt = now;
                            b.mode = SKIPPED;
                            b.followUpClosed = true;
                            return b;
                        });
                conflict |= !interviews.createAnswer(skipped);
            } else if (!main.submitted()) {
                conflict |= !skip(main);
            }
            Answer followUp = answers.get(AnswerKind.FOLLOW_UP.answerId(interview.interviewId(), question.position()));
            if (followUp != null && !followUp.submitted()) {
                conflict |= !skip(followUp);
            }
            if (main != null && main.submitted() && followUp == null && !main.followUpClosed()) {
                conflict |= !close(main);
            }
        }
        return !conflict;
    }

    private static final String SKIPPED = "skipped";

    private boolean skip(Answer answer) {
        Instant now = clock.instant();
        return interviews.replaceAnswer(answer.change(b -> {
            b.mode = SKIPPED;
            b.submittedAt = now;
            b.state = AnswerState.NO_ANSWER;
            b.followUpClosed = true;
            return b;
        }), answer.revision());
    }
}
