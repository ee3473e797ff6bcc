package dev.prescreen.domain.webhook;

import dev.prescreen.domain.ConcurrentWrites;
import dev.prescreen.domain.DomainException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Getting events to endpoints, at least once: an event fans out to every endpoint that wants it, each delivery is
 * recorded before its first attempt (so a redelivered event is not sent twice), attempts are retried as
 * {@link RetryPolicy} says, and an endpoint that has failed for a day is disabled and its organisation told.
 */
public final class WebhookDeliveries {

    public static final Duration TIMEOUT = Duration.ofSeconds(10);
    public static final int RESPONSE_KEPT = 1024;
    public static final Duration DISABLE_AFTER = Duration.ofHours(24);
    private static final String DELIVERY = "deliveryId";
    private static final String THE_DELIVERY = "the webhook delivery";

    /** What one delivery attempt came to. */
    public enum Outcome { DELIVERED, RETRY_SCHEDULED, FAILED, GAVE_UP, NOT_DUE, ALREADY_DONE }

    private final WebhookRepository endpoints;
    private final WebhookPorts.DeliveryRepository deliveries;
    private final WebhookPorts.DeliveryQueue queue;
    private final WebhookPorts.Sender sender;
    private final WebhookPorts.Notifier notifier;
    private final WebhookUrlPolicy urls;
    private final RetryPolicy retries;
    private final Clock clock;

    public WebhookDeliveries(WebhookRepository endpoints, WebhookPorts.DeliveryRepository deliveries,
            WebhookPorts.DeliveryQueue queue, WebhookPorts.Sender sender, WebhookPorts.Notifier notifier,
            WebhookUrlPolicy urls, RetryPolicy retries, Clock clock) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.queue = queue;
        this.sender = sender;
        this.notifier = notifier;
        this.urls = urls;
        this.retries = retries;
        this.clock = clock;
    }

    /** Records a delivery for every endpoint of the organisation that wants the event, and queues it; idempotent. */
    public int fanOut(WebhookEvent event) {
        int queued = 0;
        for (WebhookEndpoint endpoint : endpoints.list(event.organisation())) {
            if (!endpoint.wants(event)) {
                continue;
            }
            String id = WebhookDelivery.idFor(endpoint.endpointId(), event.eventId());
            Instant now = clock.instant();
            boolean created = deliveries.create(new WebhookDelivery(id, event.organisation(), endpoint.endpointId(),
                    event.eventId(), event.type().wireName(), event.body(), WebhookDelivery.Status.PENDING, now, now,
                    List.of(), 1));
            Optional<WebhookDelivery> delivery = created ? Optional.empty()
                    : deliveries.find(event.organisation(), endpoint.endpointId(), id);
            // an event fanned out again (a redelivered message) queues only what is still pending
            if (created || delivery.map(d -> d.status() == WebhookDelivery.Status.PENDING).orElse(false)) {
                queue.schedule(event.organisation(), endpoint.endpointId(), id, Duration.ZERO);
                queued++;
            }
        }
        return queued;
    }

    /** One attempt, if it is due; what it came to decides what happens next. */
    public Outcome attempt(String organisation, String endpointId, String deliveryId) {
        Optional<WebhookDelivery> found = deliveries.find(organisation, endpointId, deliveryId);
        if (found.isEmpty()) {
            return Outcome.ALREADY_DONE; // its endpoint was deleted, or the message is not ours: nothing to send
        }
        WebhookDelivery delivery = found.get();
        if (delivery.status() == WebhookDelivery.Status.GAVE_UP) {
            return Outcome.GAVE_UP; // seen again: it stays given up, on its way to the dead-letter queue
        }
        if (delivery.status() != WebhookDelivery.Status.PENDING) {
            return Outcome.ALREADY_DONE;
        }
        Instant now = clock.instant();
        if (delivery.nextAttemptAt().isAfter(now)) {
            queue.schedule(organisation, endpointId, deliveryId, Duration.between(now, delivery.nextAttemptAt()));
            return Outcome.NOT_DUE;
        }
        Optional<WebhookEndpoint> endpoint = endpoints.find(organisation, endpointId);
        if (endpoint.isEmpty() || !endpoint.get().enabled()) {
            settle(delivery, WebhookDelivery.Status.FAILED, null, null);
            return Outcome.FAILED;
        }
        WebhookPorts.Response response = send(endpoint.get(), delivery, now);
        long latency = Duration.between(now, clock.instant()).toMillis();
        WebhookDelivery.Attempt attempt = new WebhookDelivery.Attempt(delivery.attempts().size() + 1, now,
                response.status(), response.error(), latency, truncate(response.body()));
        RetryPolicy.Verdict verdict = RetryPolicy.verdict(response.status());
        if (verdict == RetryPolicy.Verdict.DELIVERED) {
            settle(delivery, WebhookDelivery.Status.DELIVERED, attempt, null);
            recovered(endpoint.get());
            return Outcome.DELIVERED;
        }
        if (verdict == RetryPolicy.Verdict.FINAL_FAILURE) {
            if (Integer.valueOf(GONE).equals(response.status())) {
                disable(endpoint.get(), "the endpoint answered 410 Gone");
            } else {
                failing(endpoint.get(), now, false);
            }
            settle(delivery, WebhookDelivery.Status.FAILED, attempt, null);
            return Outcome.FAILED;
        }
        Optional<Instant> next = retries.nextAttempt(attempt.number(), now, delivery.cycleStartedAt(),
                response.retryAfter().flatMap(h -> RetryPolicy.retryAfter(h, now)));
        // a delivery retried for a day without success means the endpoint has failed for a day
        failing(endpoint.get(), now, next.isEmpty());
        if (next.isEmpty()) {
            settle(delivery, WebhookDelivery.Status.GAVE_UP, attempt, null);
            queue.gaveUp(organisation, endpointId, deliveryId);
            return Outcome.GAVE_UP;
        }
        settle(delivery, WebhookDelivery.Status.PENDING, attempt, next.get());
        queue.schedule(organisation, endpointId, deliveryId, Duration.between(now, next.get()));
        return Outcome.RETRY_SCHEDULED;
    }

    /** Starts a new series of attempts for a delivery, whatever became of it (a recruiter's redeliver). */
    public WebhookDelivery redeliver(String organisation, String endpointId, String deliveryId) {
        WebhookDelivery restarted = ConcurrentWrites.retry(DELIVERY, THE_DELIVERY, () -> {
            WebhookDelivery delivery = deliveries.find(organisation, endpointId, deliveryId)
                    .orElseThrow(() -> new DomainException.NotFound("delivery"));
            Instant now = clock.instant();
            WebhookDelivery again = new WebhookDelivery(delivery.deliveryId(), organisation, endpointId,
                    delivery.eventId(), delivery.eventType(), delivery.body(), WebhookDelivery.Status.PENDING, now, now,
                    delivery.attempts(), delivery.revision() + 1);
            return deliveries.replace(again, delivery.revision()) ? Optional.of(again) : Optional.empty();
        });
        queue.schedule(organisation, endpointId, deliveryId, Duration.ZERO);
        return restarted;
    }

    public List<WebhookDelivery> log(String organisation, String endpointId, int limit) {
        return deliveries.list(organisation, endpointId, limit);
    }

    private WebhookPorts.Response send(WebhookEndpoint endpoint, WebhookDelivery delivery, Instant now) {
        // checked again at send time: the name may resolve elsewhere now than when it was registered
        Optional<String> refused = urls.problem(endpoint.url());
        if (refused.isPresent()) {
            return new WebhookPorts.Response(null, null, Optional.empty(), "url " + refused.get());
        }
        if (endpoint.isCallback()) {
            // an applicant tracking system's callback: an empty PATCH; it reads the result from the partner API
            return sender.send("PATCH", endpoint.url(), Map.of(), "", TIMEOUT);
        }
        Map<String, String> headers = new java.util.LinkedHashMap<>(WebhookSignatures.headers(
                endpoint.signingSecrets(now), delivery.eventId(), now, delivery.body()));
        headers.put("Content-Type", "application/json");
        return sender.send("POST", endpoint.url(), headers, delivery.body(), TIMEOUT);
    }

    private void settle(WebhookDelivery delivery, WebhookDelivery.Status status, WebhookDelivery.Attempt attempt,
            Instant next) {
        List<WebhookDelivery.Attempt> attempts = new ArrayList<>(delivery.attempts());
        if (attempt != null) {
            attempts.add(attempt);
        }
        WebhookDelivery changed = new WebhookDelivery(delivery.deliveryId(), delivery.organisation(),
                delivery.endpointId(), delivery.eventId(), delivery.eventType(), delivery.body(), status,
                delivery.cycleStartedAt(), next == null ? delivery.nextAttemptAt() : next, attempts,
                delivery.revision() + 1);
        if (!deliveries.replace(changed, delivery.revision())) {
            // another attempt of the same delivery ran at the same time (a message seen twice): its record stands
            throw new DomainException.WriteConflict(DELIVERY, THE_DELIVERY);
        }
    }

    private void recovered(WebhookEndpoint endpoint) {
        if (endpoint.failingSince() != null) {
            changeEndpoint(endpoint, e -> e.failingSince() == null ? null : withFailure(e, null, e.enabled(), null));
        }
    }

    /**
     * Marks the endpoint failing; one failing for a day (or whose delivery was retried for a day in vain) is
     * disabled and its organisation told, once.
     */
    private void failing(WebhookEndpoint endpoint, Instant now, boolean aDayInVain) {
        String reason = "deliveries failed for " + DISABLE_AFTER.toHours() + " hours";
        Optional<WebhookEndpoint> disabled = changeEndpoint(endpoint, e -> {
            if (e.failingSince() == null && !aDayInVain) {
                return withFailure(e, now, e.enabled(), e.disabledReason());
            }
            Instant since = e.failingSince() == null ? now : e.failingSince();
            boolean overdue = aDayInVain || !since.plus(DISABLE_AFTER).isAfter(now);
            return overdue && e.enabled() ? withFailure(e, since, false, reason) : null;
        }).filter(e -> !e.enabled());
        disabled.ifPresent(e -> notifier.endpointDisabled(e, reason));
    }

    /** 410 Gone: the receiver says the endpoint is no more; it is disabled at once and its people told. */
    private void disable(WebhookEndpoint endpoint, String reason) {
        Instant now = clock.instant();
        changeEndpoint(endpoint, e -> e.enabled() ? withFailure(e, e.failingSince() == null ? now : e.failingSince(),
                false, reason) : null).ifPresent(e -> notifier.endpointDisabled(e, reason));
    }

    private static final int GONE = 410;

    private WebhookEndpoint withFailure(WebhookEndpoint e, Instant failingSince, boolean enabled, String reason) {
        return new WebhookEndpoint(e.endpointId(), e.organisation(), e.url(), e.eventTypes(), enabled, e.description(),
                e.alertEmails(), e.secrets(), failingSince, reason, e.createdAt(), clock.instant(), e.callback(),
                e.revision() + 1);
    }

    /**
     * Applies a change to the endpoint as stored now (null: nothing to change), retried on a concurrent change;
     * returns the endpoint as changed by this call, if it changed it.
     */
    private Optional<WebhookEndpoint> changeEndpoint(WebhookEndpoint first,
            java.util.function.UnaryOperator<WebhookEndpoint> change) {
        return ConcurrentWrites.retry("webhookId", "the webhook endpoint", () -> {
            Optional<WebhookEndpoint> current = endpoints.find(first.organisation(), first.endpointId());
            if (current.isEmpty()) {
                return Optional.of(Optional.<WebhookEndpoint>empty());
            }
            WebhookEndpoint changed = change.apply(current.get());
            if (changed == null) {
                return Optional.of(Optional.<WebhookEndpoint>empty());
            }
            return endpoints.replace(changed, current.get().revision()) ? Optional.of(Optional.of(changed))
                    : Optional.empty();
        });
    }

    private static String truncate(String body) {
        return body == null || body.length() <= RESPONSE_KEPT ? body : body.substring(0, RESPONSE_KEPT);
    }
}
