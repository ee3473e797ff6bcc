package dev.prescreen.reporting;

import dev.prescreen.domain.report.Report;
import dev.prescreen.domain.report.ReportService;
import dev.prescreen.scoring.Evidence;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A report as the API shows it, built field by field from the stored report: never the record itself, so its
 * bookkeeping (organisation, revision, the email's intent and send times, object keys) stays inside.
 */
record ReportRepresentation(Integer rank, Integer ranked, Integer percentile, Map<String, URI> recordings,
                            Body report) {

    record Body(String interviewId, String planId, String planVersion, String candidateId, String candidateName,
                String roleTitle, String language, String scorerVersion, Instant invitedAt, Instant startedAt,
                Instant completedAt, long durationSeconds, Integer overall, Boolean passed, int passThreshold,
                List<Integer> needsReview, List<Question> questions, List<Report.Review> reviews, Instant emailSentAt,
                String emailFailure) {
    }

    /** @param recordings the names of the question's recordings in the report's {@code recordings} links */
    record Question(int position, String question, String type, String answerState, Integer score,
                    Integer automaticScore, String anchor, String rule, String reason, List<Evidence> evidence,
                    List<String> flags, String answer, String followUpQuestion, String followUpAnswer, boolean late,
                    String mode, List<String> recordings, String reviewNote, List<Report.TranscriptLine> transcript,
                    List<Report.AnswerDelivery> deliveries) {
    }

    static ReportRepresentation of(ReportService.ReportView view) {
        Report r = view.report();
        List<Question> questions = r.questions().stream().map(q -> new Question(q.position(), q.question(), q.type(),
                q.answerState(), q.score(), q.automaticScore(), q.anchor(), q.rule(), q.reason(), q.evidence(),
                q.flags(), q.answer(), q.followUpQuestion(), q.followUpAnswer(), q.late(), q.mode(),
                q.recordingKeys().stream().map(key -> key.substring(key.lastIndexOf('/') + 1)).toList(),
                q.reviewNote(), q.transcript(), q.deliveries())).toList();
        return new ReportRepresentation(view.rank(), view.ranked(), view.percentile(), view.recordings(),
                new Body(r.interviewId(), r.planId(), r.planVersion(), r.candidateId(), r.candidateName(),
                        r.roleTitle(), r.language(), r.scorerVersion(), r.invitedAt(), r.startedAt(), r.completedAt(),
                        r.durationSeconds(), r.overall(), r.passed(), r.passThreshold(), r.needsReview(), questions,
                        r.reviews(), r.emailSentAt(), r.emailFailure()));
    }
}
