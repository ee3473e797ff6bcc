package dev.prescreen.integrations;

import dev.prescreen.domain.webhook.WebhookDelivery;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** A delivery in the endpoint's log: what was sent when, and each attempt's answer (never the body sent). */
record DeliveryRepresentation(String deliveryId, String eventId, String eventType, String status,
                              Instant startedAt, Instant nextAttemptAt, List<WebhookDelivery.Attempt> attempts) {

    static DeliveryRepresentation of(WebhookDelivery d) {
        boolean pending = d.status() == WebhookDelivery.Status.PENDING;
        return new DeliveryRepresentation(d.deliveryId(), d.eventId(), d.eventType(),
                d.status().name().toLowerCase(Locale.ROOT), d.cycleStartedAt(), pending ? d.nextAttemptAt() : null,
                d.attempts());
    }
}
