package dev.prescreen.messages;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.prescreen.observability.Log;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Processes an SQS batch message by message and reports the ones that failed, so only those are
 * retried (and reach the dead-letter queue after the redrive limit). Every consumer uses this.
 */
public final class SqsBatch {

    private SqsBatch() {
    }

    public static SQSBatchResponse process(String consumer, SQSEvent event, Consumer<SQSEvent.SQSMessage> handler) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            try {
                handler.accept(message);
            } catch (RuntimeException e) {
                Log.error(consumer + ".message_failed", Map.of("messageId", message.getMessageId(),
                        "receiveCount", message.getAttributes() == null ? "?"
                                : message.getAttributes().getOrDefault("ApproximateReceiveCount", "?")), e);
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
            }
        }
        return new SQSBatchResponse(failures);
    }
}
