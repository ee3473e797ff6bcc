package dev.prescreen.messages;

import dev.prescreen.domain.pipeline.ScoringStage;
import dev.prescreen.json.Json;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Completed interviews handed to reporting as messages on the reporting queue. */
public final class SqsReportingQueue implements ScoringStage.CompletedInterviews {

    private final SqsClient sqs;
    private final String reportingQueueUrl;

    public SqsReportingQueue(SqsClient sqs, String reportingQueueUrl) {
        this.sqs = sqs;
        this.reportingQueueUrl = reportingQueueUrl;
    }

    @Override
    public void completed(String organisation, String interviewId) {
        sqs.sendMessage(r -> r.queueUrl(reportingQueueUrl)
                .messageBody(Json.write(new ReportingMessage(organisation, interviewId))));
    }
}
