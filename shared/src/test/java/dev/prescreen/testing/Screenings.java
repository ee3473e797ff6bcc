package dev.prescreen.testing;

import dev.prescreen.domain.interview.Answer;
import dev.prescreen.domain.interview.AnswerKind;
import dev.prescreen.domain.interview.AnswerState;
import dev.prescreen.domain.interview.Interview;
import dev.prescreen.domain.interview.InterviewState;
import dev.prescreen.domain.plan.Answering;
import dev.prescreen.domain.plan.FollowUps;
import dev.prescreen.domain.plan.Plan;
import dev.prescreen.domain.plan.PlanQuestion;
import dev.prescreen.scoring.QuestionType;
import java.time.Instant;
import java.util.List;

/** Plans, interviews and answers for unit tests of the pipeline's services. */
public final class Screenings {

    public static final String ORG = "acme";
    public static final String PLAN_ID = "pl_01M8HKKW7XR7ZKVK2GHSN6THCA";

    private Screenings() {
    }

    public static Plan plan(Instant at, FollowUps followUps) {
        List<PlanQuestion> questions = List.of(
                new PlanQuestion(1, null, "What languages are you most comfortable coding in?", QuestionType.GENERAL,
                        List.of("language")),
                new PlanQuestion(2, null, "Tell me about a time you split a monolith.", QuestionType.BEHAVIORAL,
                        List.of("service")));
        return new Plan(PLAN_ID, ORG, "Backend Engineer", null, "en-US", "en-US", questions, 120, 20, 60,
                List.of("hiring@acme.example"), followUps, 7, 90, Answering.DEFAULT, Plan.DEFAULT_TIME_ZONE,
                Plan.PlanStatus.ACTIVE, at, at, at, 2);
    }

    /** {@link #plan} with default follow-ups, in these languages, answered this way, its times shown in this zone. */
    public static Plan plan(Instant at, String language, String reportLanguage, Answering answering, String timeZone) {
        Plan p = plan(at, FollowUps.DEFAULT);
        return new Plan(p.planId(), p.organisation(), p.roleTitle(), p.bankRole(), language, reportLanguage,
                p.questions(), p.answerSeconds(), p.slotMinutes(), p.passThreshold(), p.recipients(), p.followUps(),
                p.invitationWindowDays(), p.retentionDays(), answering, timeZone, p.status(), p.frozenAt(),
                p.createdAt(), p.updatedAt(), p.revision());
    }

    public static Interview interview(String interviewId, String candidateId, InterviewState state, Instant at) {
        Interview invited = new Interview(interviewId, ORG, PLAN_ID, "v1", candidateId, "bt_1", "hash-" + interviewId,
                InterviewState.INVITED, at, at.plusSeconds(7 * 86400), null, null, null, null, 0, null, null, null, 1);
        return state == InterviewState.INVITED ? invited : invited.withState(state, at);
    }

    /** An answer to question {@code position}, typed and waiting for its score (submitted at {@code at}). */
    public static Answer typedAwaitingScore(Interview interview, Plan plan, int position, String text, Instant at) {
        PlanQuestion q = plan.questions().get(position - 1);
        return Answer.served(AnswerKind.MAIN.answerId(interview.interviewId(), position), interview.interviewId(),
                ORG, PLAN_ID, position, AnswerKind.MAIN, q.text(), q.type(), q.concepts(), "en-US", at).change(b -> {
                    b.mode = Answer.TYPED;
                    b.submittedAt = at;
                    b.transcript = dev.prescreen.domain.Transcript.typed(text);
                    b.state = AnswerState.AWAITING_SCORE;
                    b.followUpClosed = true;
                    return b;
                });
    }
}
