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
 * @param alertEmails  who is emailed when the endpoint is disabled (its deliveries kept failing)
 * @param callback     for an applicant tracking system's per-candidate callback (not an organisation's webhook):
 *                     whose events it takes and how it is called; null for a webhook
 */
public record WebhookEndpoint(
        String endpointId,
        String organisation,
        String url,
        List<String> eventTypes,
        boolean enabled,
        String description,
        List<String> alertEmails,
        List<SigningSecret> secrets,
        Instant failingSince,
        String disabledReason,
        Instant createdAt,
        Instant updatedAt,
        Callback callback,
        long revision) {

    public WebhookEndpoint {
        eventTypes = List.copyOf(eventTypes);
        alertEmails = alertEmails == null ? List.of() : List.copyOf(alertEmails);
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

    /**
     * A one-candidate callback an applicant tracking system gave (Greenhouse's {@code url}): told, by an empty
     * {@code PATCH}, when that candidate's report is ready; it then reads the result from the partner API.
     *
     * @param candidateId the only candidate whose events it takes
     */
    public record Callback(String partner, String candidateId) {
    }

    public boolean wants(WebhookEvent event) {
        return enabled && eventTypes.contains(event.type().wireName()) && (callback == null
                || callback.candidateId().equals(event.data().get("candidateId")));
    }

    @com.fasterxml.jackson.annotation.JsonIgnore // not a stored property: "callback" is the record's own
    public boolean isCallback() {
        return callback != null;
    }
}
