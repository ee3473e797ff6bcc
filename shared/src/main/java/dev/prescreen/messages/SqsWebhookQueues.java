package dev.prescreen.messages;

import dev.prescreen.domain.webhook.WebhookEvent;
import dev.prescreen.domain.webhook.WebhookPorts;
import dev.prescreen.json.Json;
import dev.prescreen.observability.Log;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The webhook queues: events published for the fan-out, and deliveries scheduled with an SQS delay (at most 15
 * minutes; a longer wait is taken in hops, the delivery saying when it is due).
 */
public final class SqsWebhookQueues implements WebhookPorts.DeliveryQueue, WebhookPorts.Publisher {

    public static final int MAX_DELAY_SECONDS = 900;
    private final SqsClient sqs;
    private final String eventsQueueUrl;
    private final String deliveriesQueueUrl;

    /** Either URL may be null when the function does not use that queue. */
    public SqsWebhookQueues(SqsClient sqs, String eventsQueueUrl, String deliveriesQueueUrl) {
        this.sqs = sqs;
        this.eventsQueueUrl = eventsQueueUrl;
        this.deliveriesQueueUrl = deliveriesQueueUrl;
    }

    @Override
    public void publish(WebhookEvent event) {
        sqs.sendMessage(r -> r.queueUrl(eventsQueueUrl).messageBody(Json.write(event)));
    }

    @Override
    public void schedule(String organisation, String endpointId, String deliveryId, Duration delay) {
        int seconds = (int) Math.min(MAX_DELAY_SECONDS, Math.max(0, (delay.toMillis() + 999) / 1000));
        sqs.sendMessage(r -> r.queueUrl(deliveriesQueueUrl).delaySeconds(seconds)
                .messageBody(Json.write(new WebhookDeliveryMessage(organisation, endpointId, deliveryId))));
    }

    @Override
    public void gaveUp(String organisation, String endpointId, String deliveryId) {
        // the message itself reaches the dead-letter queue (its consumer fails it until the redrive limit), whose
        // depth raises the alarm
        Log.warn("webhook.gave_up", Map.of("endpointId", endpointId, "deliveryId", deliveryId));
    }
}
