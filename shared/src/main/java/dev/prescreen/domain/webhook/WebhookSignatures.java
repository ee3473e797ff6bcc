package dev.prescreen.domain.webhook;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookSigningException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The Standard Webhooks headers of a delivery: {@code webhook-id} (the event's id, the same on every retry, so a
 * receiver can drop duplicates), {@code webhook-timestamp} (seconds, of this attempt) and {@code webhook-signature}
 * (HMAC-SHA256 of {@code id.timestamp.body}, one {@code v1,<base64>} per secret that signs now, space-separated).
 * The signing is the specification's own library's.
 */
public final class WebhookSignatures {

    public static final String ID = "webhook-id";
    public static final String TIMESTAMP = "webhook-timestamp";
    public static final String SIGNATURE = "webhook-signature";

    private WebhookSignatures() {
    }

    public static Map<String, String> headers(List<String> secrets, String eventId, Instant at, String body) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("an endpoint always has a current secret");
        }
        long seconds = at.getEpochSecond();
        String signatures = secrets.stream().map(secret -> sign(secret, eventId, seconds, body))
                .collect(Collectors.joining(" "));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(ID, eventId);
        headers.put(TIMESTAMP, Long.toString(seconds));
        headers.put(SIGNATURE, signatures);
        return headers;
    }

    private static String sign(String secret, String eventId, long seconds, String body) {
        try {
            return new Webhook(secret).sign(eventId, seconds, body);
        } catch (WebhookSigningException e) {
            throw new IllegalStateException("a stored secret cannot sign", e);
        }
    }
}
