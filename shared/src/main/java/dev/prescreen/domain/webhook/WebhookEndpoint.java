package dev.prescreen.domain.webhook;

import java.time.Instant;
import java.util.List;

/**
 * Where an organisation wants its events: a URL, the event types it takes, and the secrets its deliveries are
 * signed with (Standard Webhooks). After a rotation the previous secret signs too, until it retires, so a receiver
 * can switch without missing a delivery.
 *
 * @param failingSince when deliveries started failing without a success since (an endpoint failing for a day is
 *                     disabled), else null
 */
public record WebhookEndpoint(
        String endpointId,
        String organisation,
        String url,
        List<String> eventTypes,
        boolean enabled,
        String description,
        List<SigningSecret> secrets,
        Instant failingSince,
        String disabledReason,
        Instant createdAt,
        Instant updatedAt,
        long revision) {

    public WebhookEndpoint {
        eventTypes = List.copyOf(eventTypes);
        secrets = List.copyOf(secrets);
    }

    /** A signing secret ({@code whsec_} and base64 of 32 random bytes); {@code retiresAt} null while current. */
    public record SigningSecret(String secret, Instant createdAt, Instant retiresAt) {
    }

    /** The secrets that sign a delivery now: the current one and any not yet retired. */
    public List<String> signingSecrets(Instant now) {
        return secrets.stream().filter(s -> s.retiresAt() == null || now.isBefore(s.retiresAt()))
                .map(SigningSecret::secret).toList();
    }

    public boolean wants(WebhookEventType type) {
        return enabled && eventTypes.contains(type.wireName());
    }
}
