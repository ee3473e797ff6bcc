package dev.prescreen.local.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.prescreen.cloud.Queue;
import dev.prescreen.config.Settings;
import dev.prescreen.local.cloud.LocalCloud;
import dev.prescreen.local.cloud.junit.Poll;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/** A cloud of its own: the queues used here must have no consumer but the test's. */
class QueueEventSourceIT {

    private static LocalCloud cloud;

    @org.junit.jupiter.api.BeforeAll
    static void start() {
        cloud = LocalCloud.builder().start();
    }

    @org.junit.jupiter.api.AfterAll
    static void stop() {
        cloud.close();
    }

    @Test
    void aMessageThatFailsThreeTimesLandsInTheDeadLetterQueue() {
        String poison = "poison-" + UUID.randomUUID();
        String good = "good-" + UUID.randomUUID();
        Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
        // Reports the poison message as failed and accepts the others, like a consumer with partial batch failures.
        try (LocalRuntime runtime = LocalRuntime.builder().cloud(cloud).retryDelaySeconds(0)
                .consumer(Queue.EMAIL_EVENTS, (SQSEvent event, com.amazonaws.services.lambda.runtime.Context context) -> {
                    List<SQSBatchResponse.BatchItemFailure> failures = new java.util.ArrayList<>();
                    for (SQSEvent.SQSMessage message : event.getRecords()) {
                        deliveries.computeIfAbsent(message.getBody(), k -> new AtomicInteger()).incrementAndGet();
                        if (message.getBody().equals(poison)) {
                            failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
                        }
                    }
                    return new SQSBatchResponse(failures);
                })
                .start()) {
            Settings settings = runtime.settings();
            String queueUrl = settings.queueUrl(Queue.EMAIL_EVENTS);
            String dlqUrl = settings.require(Settings.deadLetterQueueUrlKey(Queue.EMAIL_EVENTS));
            cloud.clients().sqs().sendMessage(r -> r.queueUrl(queueUrl).messageBody(poison));
            cloud.clients().sqs().sendMessage(r -> r.queueUrl(queueUrl).messageBody(good));

            Message deadLetter = Poll.until("the poison message in the DLQ", Duration.ofSeconds(30), () -> cloud.clients()
                    .sqs().receiveMessage(r -> r.queueUrl(dlqUrl).maxNumberOfMessages(10).waitTimeSeconds(1))
                    .messages().stream().filter(m -> m.body().equals(poison)).findFirst());

            assertThat(deadLetter.body()).isEqualTo(poison);
            assertThat(deliveries.get(poison)).hasValue(Queue.MAX_RECEIVE_COUNT);
            assertThat(deliveries.get(good)).hasValue(1);
        }
    }

    @Test
    void aHandlerThatThrowsLeavesTheWholeBatchForRetry() {
        String body = "flaky-" + UUID.randomUUID();
        AtomicInteger calls = new AtomicInteger();
        List<String> accepted = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (LocalRuntime runtime = LocalRuntime.builder().cloud(cloud).retryDelaySeconds(0)
                .consumer(Queue.REPORTING, (SQSEvent event, com.amazonaws.services.lambda.runtime.Context context) -> {
                    if (calls.incrementAndGet() == 1) {
                        throw new IllegalStateException("first invocation fails");
                    }
                    event.getRecords().forEach(m -> accepted.add(m.getBody()));
                    return new SQSBatchResponse(List.of());
                })
                .start()) {
            String queueUrl = runtime.settings().queueUrl(Queue.REPORTING);
            cloud.clients().sqs().sendMessage(r -> r.queueUrl(queueUrl).messageBody(body));
            Poll.until("the retried message", Duration.ofSeconds(20),
                    () -> accepted.contains(body) ? Optional.of(true) : Optional.empty());
            assertThat(calls.get()).isGreaterThanOrEqualTo(2);
        }
    }
}
