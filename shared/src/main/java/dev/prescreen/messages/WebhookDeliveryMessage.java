package dev.prescreen.messages;

/** A delivery to attempt, on the webhook-deliveries queue. */
public record WebhookDeliveryMessage(String organisation, String endpointId, String deliveryId) {
}
