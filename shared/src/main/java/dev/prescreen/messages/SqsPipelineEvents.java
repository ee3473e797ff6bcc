package dev.prescreen.messages;

import dev.prescreen.domain.session.PipelineEvents;
import dev.prescreen.json.Json;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Pipeline events as messages on the scoring queue. */
public final class SqsPipelineEvents implements PipelineEvents {

    private final SqsClient sqs;
    private final String scoringQueueUrl;

    public SqsPipelineEvents(SqsClient sqs, String scoringQueueUrl) {
        this.sqs = sqs;
        this.scoringQueueUrl = scoringQueueUrl;
    }

    @Override
    public void answerReadyForScoring(String organisation, String interviewId, String answerId) {
        send(ScoringMessage.answerReady(organisation, interviewId, answerId));
    }

    @Override
    public void interviewSubmitted(String organisation, String interviewId) {
        send(ScoringMessage.interviewSubmitted(organisation, interviewId));
    }

    private void send(ScoringMessage message) {
        sqs.sendMessage(r -> r.queueUrl(scoringQueueUrl).messageBody(Json.write(message)));
    }
}
