package dev.prescreen.infra;

import dev.prescreen.cloud.Queue;
import java.util.EnumMap;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.sqs.DeadLetterQueue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/** One SQS queue per {@link Queue}, each with the dead-letter queue its redrive policy points to. */
public final class QueuesConstruct extends Construct {

    private final Map<Queue, software.amazon.awscdk.services.sqs.Queue> queues = new EnumMap<>(Queue.class);
    private final Map<Queue, software.amazon.awscdk.services.sqs.Queue> deadLetterQueues = new EnumMap<>(Queue.class);

    public QueuesConstruct(Construct scope, String id) {
        super(scope, id);
        for (Queue queue : Queue.values()) {
            var deadLetters = software.amazon.awscdk.services.sqs.Queue.Builder
                    .create(this, Names.pascal(queue.deadLetterName()))
                    .retentionPeriod(Duration.seconds(queue.deadLetterRetentionSeconds()))
                    .encryption(QueueEncryption.SQS_MANAGED)
                    .enforceSsl(true)
                    .build();
            Nag.acknowledge(deadLetters, "Serverless-SQSRedrivePolicy", "This is the dead-letter queue of "
                    + queue.logicalName() + ": messages end here, are kept 14 days and raise an alarm");
            var main = software.amazon.awscdk.services.sqs.Queue.Builder
                    .create(this, Names.pascal(queue.logicalName()))
                    .visibilityTimeout(Duration.seconds(queue.visibilityTimeoutSeconds()))
                    .deadLetterQueue(DeadLetterQueue.builder()
                            .queue(deadLetters)
                            .maxReceiveCount(queue.maxReceiveCount())
                            .build())
                    .encryption(QueueEncryption.SQS_MANAGED)
                    .enforceSsl(true)
                    .build();
            queues.put(queue, main);
            deadLetterQueues.put(queue, deadLetters);
        }
    }

    public software.amazon.awscdk.services.sqs.Queue queue(Queue queue) {
        return queues.get(queue);
    }

    public software.amazon.awscdk.services.sqs.Queue deadLetterQueue(Queue queue) {
        return deadLetterQueues.get(queue);
    }
}
