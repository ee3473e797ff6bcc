package dev.prescreen.domain.webhook;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Something an organisation's systems may be told: a stable id (the {@code webhook-id} of every delivery of it),
 * its type, when it happened, and a small data object of ids and figures, never a candidate's answers.
 */
public record WebhookEvent(String eventId, WebhookEventType type, String organisation, Instant createdAt,
                           Map<String, Object> data) {

    public WebhookEvent {
        data = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    /**
     * The id of an occurrence: the same whenever it is published again (a redelivered message, a retried stage), so
     * each endpoint still gets it once; ordered by when it happened.
     *
     * @param subject what it happened to (an interview id, a candidate id)
     */
    public static String idFor(WebhookEventType type, String subject, Instant occurredAt) {
        String time = Long.toString(occurredAt.toEpochMilli(), 36);
        String hash = dev.prescreen.domain.interview.InvitationTokens.hash(type.wireName() + "|" + subject)
                .substring(0, 16);
        return "ev_" + "0".repeat(Math.max(0, 9 - time.length())) + time + hash;
    }

    /** The JSON body a receiver gets: {@code {"id", "type", "createdAt", "data"}}. */
    public String body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", eventId);
        body.put("type", type.wireName());
        body.put("createdAt", createdAt.toString());
        body.put("data", data);
        return dev.prescreen.json.Json.write(body);
    }
}
