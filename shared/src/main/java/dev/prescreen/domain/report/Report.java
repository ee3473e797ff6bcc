package dev.prescreen.domain.report;

import dev.prescreen.domain.Transcript;
import dev.prescreen.domain.interview.Answer;
import dev.prescreen.scoring.Evidence;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A finished interview's report: the overall score out of 100 and pass or not against the plan's
 * threshold (answers needing human review are left out and listed), each question with its answer,
 * score, anchor, evidence and flags, recruiters' overrides with their audit trail, and the full transcript.
 */
public record Report(
        String interviewId,
        String organisation,
        String planId,
        String planVersion,
        String candidateId,
        String candidateName,
        String roleTitle,
        String language,
        String scorerVersion,
        Instant invitedAt,
        Instant startedAt,
        Instant completedAt,
        long durationSeconds,
        Integer overall,
        Boolean passed,
        int passThreshold,
        List<Integer> needsReview,
        List<QuestionReport> questions,
        List<Review> reviews,
        Instant emailIntentAt,
        Instant emailSentAt,
        String emailFailure,
        long revision) {

    /** A copy with the changes applied, one revision later. */
    public Report change(UnaryOperator<Changes> changes) {
        return changes.apply(new Changes(this)).build(revision + 1);
    }

    /** The parts of a report that change after it is built: scores, reviews, and its email's progress. */
    public static final class Changes {
        public Integer overall;
        public Boolean passed;
        public List<Integer> needsReview;
        public List<QuestionReport> questions;
        public List<Review> reviews;
        public Instant emailIntentAt;
        public Instant emailSentAt;
        public String emailFailure;
        private final Report base;

        Changes(Report base) {
            this.base = base;
            overall = base.overall;
            passed = base.passed;
            needsReview = base.needsReview;
            questions = base.questions;
            reviews = base.reviews;
            emailIntentAt = base.emailIntentAt;
            emailSentAt = base.emailSentAt;
            emailFailure = base.emailFailure;
        }

        Report build(long revision) {
            return new Report(base.interviewId, base.organisation, base.planId, base.planVersion, base.candidateId,
                    base.candidateName, base.roleTitle, base.language, base.scorerVersion, base.invitedAt,
                    base.startedAt, base.completedAt, base.durationSeconds, overall, passed, base.passThreshold,
                    needsReview, questions, reviews, emailIntentAt, emailSentAt, emailFailure, revision);
        }
    }

    /** One question: what was asked, what was answered, how it scored and why. */
    public record QuestionReport(
            int position,
            String question,
            String type,
            String answerState,
            Integer score,
            Integer automaticScore,
            String anchor,
            String rule,
            String reason,
            List<Evidence> evidence,
            List<String> flags,
            String answer,
            String followUpQuestion,
            String followUpAnswer,
            boolean late,
            String mode,
            List<String> recordingKeys,
            String reviewNote,
            List<TranscriptLine> transcript,
            List<AnswerDelivery> deliveries) {

        public QuestionReport {
            // reports built before deliveries were recorded
            deliveries = deliveries == null ? List.of() : List.copyOf(deliveries);
        }

        /** The question with the score a recruiter set and why; the automatic score stays. */
        public QuestionReport reviewed(int newScore, String note) {
            return new QuestionReport(position, question, type, answerState, newScore, automaticScore, anchor, rule,
                    reason, evidence, flags, answer, followUpQuestion, followUpAnswer, late, mode, recordingKeys, note,
                    transcript, deliveries);
        }
    }

    /**
     * How one answer (the question's, or its follow-up's) was given: typed or recorded, on video or as sound only
     * (and why, when the plan records video), how many takes the candidate used, and the integrity signals the page
     * noticed. Signals for a person to weigh; none of this changes a score.
     *
     * @param answer        {@code main} or {@code follow_up}
     * @param capture       {@code video} or {@code audio} for a recording, null for a typed or skipped answer
     * @param videoFallback why a plan that records video got sound only, else null
     * @param integrity     null when nothing was reported or the plan does not collect signals
     */
    public record AnswerDelivery(String answer, String mode, String capture, String videoFallback, int takes,
            dev.prescreen.domain.interview.IntegritySignals integrity) {

        public static AnswerDelivery of(Answer a) {
            String type = a.recordingContentType();
            String capture = !Answer.RECORDING.equals(a.mode()) || type == null ? null
                    : type.startsWith("video/") ? "video" : "audio";
            return new AnswerDelivery(a.kind().name().toLowerCase(java.util.Locale.ROOT), a.mode(), capture, a.videoFallback(), a.takes(), a.integrity());
        }
    }

    /** A spoken or typed passage with its start time in seconds from the answer's start (null when typed). */
    public record TranscriptLine(String speaker, String text, Double startSeconds) {
    }

    /** A recruiter's decision on one question: the score set, why, by whom and when. */
    public record Review(int position, Integer previousScore, int score, String reason, String reviewer, Instant at) {
    }

    public static List<TranscriptLine> lines(String speaker, Transcript transcript) {
        if (transcript == null || transcript.text().isBlank()) {
            return List.of();
        }
        Double start = transcript.words().stream().filter(w -> !w.punctuation()).findFirst()
                .map(Transcript.Word::startSeconds).orElse(null);
        return List.of(new TranscriptLine(speaker, transcript.text(), start));
    }
}
