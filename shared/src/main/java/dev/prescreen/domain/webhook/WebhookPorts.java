package dev.prescreen.domain.webhook;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What webhook delivery needs from outside the domain: storage of deliveries, a delay queue, and HTTP. */
public final class WebhookPorts {

    private WebhookPorts() {
    }

    /** Deliveries, kept under their endpoint. */
    public interface DeliveryRepository {
        /** The send intent: false when this endpoint already has a delivery of this event. */
        boolean create(WebhookDelivery delivery);

        Optional<WebhookDelivery> find(String organisation, String endpointId, String deliveryId);

        boolean replace(WebhookDelivery delivery, long expectedRevision);

        /** The endpoint's deliveries, newest first. */
        List<WebhookDelivery> list(String organisation, String endpointId, int limit);
    }

    /** Hands a delivery to the delivery function after a delay (SQS: at most 15 minutes, so long waits hop). */
    public interface DeliveryQueue {
        void schedule(String organisation, String endpointId, String deliveryId, Duration delay);

        /** A delivery retried for a day without success, for the dead-letter queue and its alarm. */
        void gaveUp(String organisation, String endpointId, String deliveryId);
    }

    /** One HTTP request (POST for webhooks, PATCH for a callback). */
    public interface Sender {
        /**
         * @return the answer; an answer with a null status when none came (timeout, refused connection), the reason
         *         in {@code error}
         */
        Response send(String method, String url, Map<String, String> headers, String body, Duration timeout);
    }

    /** @param body at most the first kilobyte of the answer */
    public record Response(Integer status, String body, Optional<String> retryAfter, String error) {
    }

    /** Hands an event to the fan-out (a queue in AWS). */
    public interface Publisher {
        void publish(WebhookEvent event);
    }

    /** Tells an organisation's people that an endpoint was disabled. */
    public interface Notifier {
        void endpointDisabled(WebhookEndpoint endpoint, String reason);
    }
}
