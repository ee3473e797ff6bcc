package dev.prescreen.domain.report;

import dev.prescreen.domain.interview.Answer;
import dev.prescreen.domain.interview.AnswerKind;
import dev.prescreen.domain.interview.AnswerState;
import dev.prescreen.domain.interview.Interview;
import dev.prescreen.domain.plan.Plan;
import dev.prescreen.domain.plan.PlanQuestion;
import dev.prescreen.scoring.OverallScore;
import dev.prescreen.scoring.ScoreCard;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds a report from a completed interview, and recomputes it after a recruiter's review. */
public final class ReportBuilder {

    private ReportBuilder() {
    }

    public static Report build(Interview interview, Plan plan, List<Answer> answers, String candidateName,
            String scorerVersion) {
        Map<String, Answer> byId = new HashMap<>();
        answers.forEach(a -> byId.put(a.answerId(), a));
        List<Report.QuestionReport> questions = new ArrayList<>();
        for (PlanQuestion question : plan.questions()) {
            Answer main = byId.get(AnswerKind.MAIN.answerId(interview.interviewId(), question.position()));
            Answer followUp = byId.get(AnswerKind.FOLLOW_UP.answerId(interview.interviewId(), question.position()));
            questions.add(question(question, main, followUp));
        }
        Report draft = new Report(interview.interviewId(), interview.organisation(), plan.planId(), interview.planVersion(),
                interview.candidateId(), candidateName, plan.roleTitle(), plan.language(), scorerVersion,
                interview.invitedAt(), interview.startedAt(), interview.completedAt(),
                interview.startedAt() == null || interview.submittedAt() == null ? 0
                        : Duration.between(interview.startedAt(), interview.submittedAt()).toSeconds(),
                null, null, plan.passThreshold(), List.of(), questions, List.of(), null, null, null, 1);
        return rescore(draft);
    }

    private static Report.QuestionReport question(PlanQuestion question, Answer main, Answer followUp) {
        AnswerState state = main == null ? AnswerState.NO_ANSWER : main.state();
        ScoreCard card = main == null ? null : main.scoreCard();
        Integer score = state.needsHumanReview() ? null
                : card != null ? Integer.valueOf(card.score()) : Integer.valueOf(1);
        List<String> recordings = new ArrayList<>();
        List<Report.TranscriptLine> transcript = new ArrayList<>();
        transcript.add(new Report.TranscriptLine("interviewer", question.text(), null));
        if (main != null) {
            if (main.recordingKey() != null) {
                recordings.add(main.recordingKey());
            }
            transcript.addAll(Report.lines("candidate", main.transcript()));
        }
        if (followUp != null) {
            transcript.add(new Report.TranscriptLine("interviewer", followUp.questionText(), null));
            transcript.addAll(Report.lines("candidate", followUp.transcript()));
            if (followUp.recordingKey() != null) {
                recordings.add(followUp.recordingKey());
            }
        }
        List<String> flags = card == null ? (state == AnswerState.NO_ANSWER ? List.of("no_answer") : List.of())
                : card.flags().stream().map(f -> f.wireName()).sorted().toList();
        String reason = card != null ? card.reason()
                : state.needsHumanReview() ? "needs human review: " + (main.failureReason() == null
                        ? state.wireName() : main.failureReason())
                : "no answer was given";
        return new Report.QuestionReport(question.position(), question.text(), question.type().label(), state.wireName(),
                score, score, card == null ? null : card.anchor(), card == null ? null : card.rule(), reason,
                card == null ? List.of() : card.evidence(), flags,
                main == null || main.transcript() == null ? "" : main.transcript().text(),
                followUp == null ? null : followUp.questionText(),
                followUp == null || followUp.transcript() == null ? null : followUp.transcript().text(),
                (main != null && main.late()) || (followUp != null && followUp.late()),
                main == null ? "skipped" : main.mode(), recordings, null, transcript,
                java.util.stream.Stream.of(main, followUp).filter(java.util.Objects::nonNull)
                        .map(Report.AnswerDelivery::of).toList());
    }

    /** The overall score over the questions that have a score; the ones awaiting review are listed instead. */
    static Report rescore(Report report) {
        List<OverallScore.Item> items = new ArrayList<>();
        List<Integer> review = new ArrayList<>();
        for (Report.QuestionReport question : report.questions()) {
            if (question.score() == null) {
                review.add(question.position());
            } else {
                items.add(OverallScore.Item.of(question.score()));
            }
        }
        Integer overall = items.isEmpty() ? null : OverallScore.of(items).value();
        Boolean passed = overall == null ? null : overall >= report.passThreshold();
        // the same revision: rescoring is part of the change that called it
        Report.Changes scores = new Report.Changes(report);
        scores.overall = overall;
        scores.passed = passed;
        scores.needsReview = List.copyOf(review);
        return scores.build(report.revision());
    }
}
