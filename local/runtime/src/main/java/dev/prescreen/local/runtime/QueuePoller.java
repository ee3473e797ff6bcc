package dev.prescreen.local.runtime;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.prescreen.aws.AwsClients;
import dev.prescreen.observability.Log;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Feeds a queue to its consumer in batches, like Lambda's SQS event source mapping with
 * {@code ReportBatchItemFailures}: the messages a batch reports as failed (all of them when the handler
 * throws) stay on the queue and come back after the retry delay; SQS's redrive policy moves a message to
 * the dead-letter queue once it has been received maxReceiveCount times.
 */
final class QueuePoller implements Runnable {

    private final AwsClients clients;
    private final String consumerName;
    private final Function<SQSEvent, SQSBatchResponse> consumer;
    private final String queueUrl;
    private final String queueArn;
    private final int batchSize;
    private final int retryDelaySeconds;
    private volatile boolean running = true;

    QueuePoller(AwsClients clients, String consumerName, Function<SQSEvent, SQSBatchResponse> consumer,
            String queueUrl, int batchSize, int retryDelaySeconds) {
        this.clients = clients;
        this.consumerName = consumerName;
        this.consumer = consumer;
        this.queueUrl = queueUrl;
        this.queueArn = "arn:aws:sqs:us-east-1:000000000000:" + queueUrl.substring(queueUrl.lastIndexOf('/') + 1);
        this.batchSize = batchSize;
        this.retryDelaySeconds = retryDelaySeconds;
    }

    void stop() {
        running = false;
    }

    @Override
    public void run() {
        while (running) {
            try {
                pollOnce();
            } catch (RuntimeException e) {
                if (running) {
                    Log.warn("poller.error", Map.of("function", consumerName,
                            "errorType", e.getClass().getSimpleName()));
                    pause();
                }
            }
        }
    }

    private void pollOnce() {
        List<Message> messages = clients.sqs().receiveMessage(r -> r.queueUrl(queueUrl)
                .maxNumberOfMessages(batchSize)
                .waitTimeSeconds(1)
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                .messageAttributeNames("All")).messages();
        if (messages.isEmpty() || !running) {
            return;
        }
        Set<String> failed = new HashSet<>();
        try {
            SQSBatchResponse response = consumer.apply(event(messages));
            if (response != null && response.getBatchItemFailures() != null) {
                response.getBatchItemFailures().forEach(f -> failed.add(f.getItemIdentifier()));
            }
        } catch (RuntimeException e) {
            Log.error("consumer.invocation_failed", Map.of("function", consumerName,
                    "messages", messages.size()), e);
            messages.forEach(m -> failed.add(m.messageId()));
        }
        List<DeleteMessageBatchRequestEntry> done = new ArrayList<>();
        for (Message message : messages) {
            if (failed.contains(message.messageId())) {
                clients.sqs().changeMessageVisibility(r -> r.queueUrl(queueUrl)
                        .receiptHandle(message.receiptHandle()).visibilityTimeout(retryDelaySeconds));
            } else {
                done.add(DeleteMessageBatchRequestEntry.builder()
                        .id(Integer.toString(done.size())).receiptHandle(message.receiptHandle()).build());
            }
        }
        if (!done.isEmpty()) {
            clients.sqs().deleteMessageBatch(r -> r.queueUrl(queueUrl).entries(done));
        }
    }

    private SQSEvent event(List<Message> messages) {
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        for (Message message : messages) {
            SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
            record.setMessageId(message.messageId());
            record.setReceiptHandle(message.receiptHandle());
            record.setBody(message.body());
            record.setMd5OfBody(message.md5OfBody());
            record.setEventSource("aws:sqs");
            record.setEventSourceArn(queueArn);
            record.setAwsRegion("us-east-1");
            Map<String, String> attributes = new HashMap<>();
            message.attributesAsStrings().forEach(attributes::put);
            record.setAttributes(attributes);
            Map<String, SQSEvent.MessageAttribute> messageAttributes = new HashMap<>();
            message.messageAttributes().forEach((name, value) -> messageAttributes.put(name, attribute(value)));
            record.setMessageAttributes(messageAttributes);
            records.add(record);
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(records);
        return event;
    }

    private static SQSEvent.MessageAttribute attribute(MessageAttributeValue value) {
        SQSEvent.MessageAttribute attribute = new SQSEvent.MessageAttribute();
        attribute.setDataType(value.dataType());
        attribute.setStringValue(value.stringValue());
        return attribute;
    }

    private void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
