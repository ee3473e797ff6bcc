package dev.prescreen.integrations;

import dev.prescreen.domain.webhook.WebhookEndpoint;
import dev.prescreen.domain.webhook.WebhookService;
import java.time.Instant;
import java.util.List;

/**
 * An endpoint as the API shows it: never its secrets, except the new one in the response that made it.
 *
 * @param secret          the signing secret just made (creation, rotation), else null
 * @param previousSecretRetiresAt when the secret a rotation replaced stops signing, else null
 */
record WebhookRepresentation(String webhookId, String url, List<String> eventTypes, boolean enabled,
                             String description, List<String> alertEmails, Instant failingSince, String disabledReason, Instant createdAt,
                             Instant updatedAt, String secret, Instant previousSecretRetiresAt) {

    static WebhookRepresentation of(WebhookEndpoint e) {
        return new WebhookRepresentation(e.endpointId(), e.url(), e.eventTypes(), e.enabled(), e.description(),
                e.alertEmails(), e.failingSince(), e.disabledReason(), e.createdAt(), e.updatedAt(), null, null);
    }

    static WebhookRepresentation withSecret(WebhookService.WithSecret made) {
        WebhookEndpoint e = made.endpoint();
        Instant retires = e.secrets().stream().map(WebhookEndpoint.SigningSecret::retiresAt)
                .filter(java.util.Objects::nonNull).max(Instant::compareTo).orElse(null);
        return new WebhookRepresentation(e.endpointId(), e.url(), e.eventTypes(), e.enabled(), e.description(),
                e.alertEmails(), e.failingSince(), e.disabledReason(), e.createdAt(), e.updatedAt(), made.secret(),
                retires);
    }
}
