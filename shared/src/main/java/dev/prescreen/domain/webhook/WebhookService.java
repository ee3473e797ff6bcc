package dev.prescreen.domain.webhook;

import dev.prescreen.domain.ConcurrentWrites;
import dev.prescreen.domain.DomainException;
import dev.prescreen.domain.FieldError;
import dev.prescreen.domain.Ids;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * An organisation's webhook endpoints: registered, listed, changed, deleted, and their signing secret rotated.
 * A secret is shown once, when it is made; after a rotation the previous one keeps signing for a day.
 */
public final class WebhookService {

    public static final int MAX_ENDPOINTS = 20;
    public static final int MAX_DESCRIPTION = 500;
    /** How long a rotated-out secret keeps signing beside the new one. */
    public static final Duration ROTATION_OVERLAP = Duration.ofHours(24);
    private static final String ENDPOINT = "webhookId";
    private static final String THE_ENDPOINT = "the webhook endpoint";

    private final WebhookRepository endpoints;
    private final WebhookUrlPolicy urls;
    private final Clock clock;

    public WebhookService(WebhookRepository endpoints, WebhookUrlPolicy urls, Clock clock) {
        this.endpoints = endpoints;
        this.urls = urls;
        this.clock = clock;
    }

    /** An endpoint and, when just made, its new secret (the only time it is shown). */
    public record WithSecret(WebhookEndpoint endpoint, String secret) {
    }

    public WithSecret create(String organisation, WebhookInput input) {
        Checked checked = check(input, null);
        if (list(organisation).size() >= MAX_ENDPOINTS) {
            throw new DomainException.Conflict("webhooks", "an organisation has at most " + MAX_ENDPOINTS + " endpoints");
        }
        Instant now = clock.instant();
        String secret = SigningSecrets.newSecret();
        WebhookEndpoint endpoint = new WebhookEndpoint(Ids.newId("wh", clock), organisation, checked.url(),
                checked.eventTypes(), checked.enabled(), checked.description(), checked.alertEmails(),
                List.of(new WebhookEndpoint.SigningSecret(secret, now, null)), null, null, now, now, null, 1);
        if (!endpoints.create(endpoint)) {
            throw new IllegalStateException("webhook id " + endpoint.endpointId() + " exists already");
        }
        return new WithSecret(endpoint, secret);
    }

    /** The organisation's webhooks (callbacks an applicant tracking system gave are not listed). */
    public List<WebhookEndpoint> list(String organisation) {
        return endpoints.list(organisation).stream().filter(e -> !e.isCallback()).toList();
    }

    /** Another organisation's endpoint, or a callback, is not found. */
    public WebhookEndpoint get(String organisation, String endpointId) {
        return endpoints.find(organisation, endpointId).filter(e -> !e.isCallback())
                .orElseThrow(() -> new DomainException.NotFound("webhook"));
    }

    /**
     * Registers an applicant tracking system's callback for one candidate: an endpoint told of that candidate's
     * report.ready by an empty PATCH, with the same retries as a webhook. The URL is checked like a webhook's.
     */
    public WebhookEndpoint registerCallback(String organisation, String partner, String candidateId, String url) {
        Checked checked = check(new WebhookInput(url, List.of(WebhookEventType.REPORT_READY.wireName()), true,
                partner + " callback", List.of()), null);
        Instant now = clock.instant();
        WebhookEndpoint endpoint = new WebhookEndpoint(Ids.newId("cb", clock), organisation, checked.url(),
                checked.eventTypes(), true, checked.description(), List.of(),
                List.of(new WebhookEndpoint.SigningSecret(SigningSecrets.newSecret(), now, null)), null, null, now, now,
                new WebhookEndpoint.Callback(partner, candidateId), 1);
        if (!endpoints.create(endpoint)) {
            throw new IllegalStateException("callback id " + endpoint.endpointId() + " exists already");
        }
        return endpoint;
    }

    /** Changes what is given; enabling a disabled endpoint clears its failure record. */
    public WebhookEndpoint update(String organisation, String endpointId, WebhookInput changes) {
        return ConcurrentWrites.retry(ENDPOINT, THE_ENDPOINT, () -> {
            WebhookEndpoint current = get(organisation, endpointId);
            Checked checked = check(changes, current);
            boolean reenabled = checked.enabled() && !current.enabled();
            WebhookEndpoint changed = new WebhookEndpoint(current.endpointId(), organisation, checked.url(),
                    checked.eventTypes(), checked.enabled(), checked.description(), checked.alertEmails(),
                    current.secrets(),
                    reenabled ? null : current.failingSince(), reenabled ? null : current.disabledReason(),
                    current.createdAt(), clock.instant(), null, current.revision() + 1);
            return endpoints.replace(changed, current.revision()) ? Optional.of(changed) : Optional.empty();
        });
    }

    public void delete(String organisation, String endpointId) {
        get(organisation, endpointId);
        endpoints.delete(organisation, endpointId);
    }

    /** A new current secret; the previous one retires in {@link #ROTATION_OVERLAP}, older ones are dropped. */
    public WithSecret rotateSecret(String organisation, String endpointId) {
        String secret = SigningSecrets.newSecret();
        WebhookEndpoint rotated = ConcurrentWrites.retry(ENDPOINT, THE_ENDPOINT, () -> {
            WebhookEndpoint current = get(organisation, endpointId);
            Instant now = clock.instant();
            List<WebhookEndpoint.SigningSecret> secrets = new ArrayList<>();
            secrets.add(new WebhookEndpoint.SigningSecret(secret, now, null));
            current.secrets().stream().filter(s -> s.retiresAt() == null)
                    .forEach(s -> secrets.add(new WebhookEndpoint.SigningSecret(s.secret(), s.createdAt(),
                            now.plus(ROTATION_OVERLAP))));
            WebhookEndpoint changed = new WebhookEndpoint(current.endpointId(), organisation, current.url(),
                    current.eventTypes(), current.enabled(), current.description(), current.alertEmails(), secrets,
                    current.failingSince(),
                    current.disabledReason(), current.createdAt(), now, null, current.revision() + 1);
            return endpoints.replace(changed, current.revision()) ? Optional.of(changed) : Optional.empty();
        });
        return new WithSecret(rotated, secret);
    }

    private record Checked(String url, List<String> eventTypes, boolean enabled, String description,
                           List<String> alertEmails) {
    }

    public static final int MAX_ALERT_EMAILS = 10;

    /** The input merged over the current endpoint (null when creating), every problem named at once. */
    private Checked check(WebhookInput input, WebhookEndpoint current) {
        List<FieldError> errors = new ArrayList<>();
        String url = input.url() != null ? input.url().trim() : current == null ? null : current.url();
        urls.problem(url).ifPresent(p -> errors.add(new FieldError("url", p)));
        List<String> types = input.eventTypes() != null ? input.eventTypes()
                : current == null ? null : current.eventTypes();
        if (types == null || types.isEmpty()) {
            errors.add(new FieldError("eventTypes", "need at least one of " + WebhookEventType.wireNames()));
            types = List.of();
        }
        for (int i = 0; i < types.size(); i++) {
            if (WebhookEventType.fromWire(types.get(i)).isEmpty()) {
                errors.add(new FieldError("eventTypes." + i, "must be one of " + WebhookEventType.wireNames()));
            }
        }
        String description = input.description() != null ? input.description()
                : current == null ? "" : current.description();
        if (description.length() > MAX_DESCRIPTION) {
            errors.add(new FieldError("description", "is longer than " + MAX_DESCRIPTION + " characters"));
        } else {
            dev.prescreen.domain.Text.nameProblem(description.isEmpty() ? "-" : description)
                    .ifPresent(p -> errors.add(new FieldError("description", p)));
        }
        List<String> alerts = input.alertEmails() != null ? input.alertEmails()
                : current == null ? List.of() : current.alertEmails();
        if (alerts.size() > MAX_ALERT_EMAILS) {
            errors.add(new FieldError("alertEmails", "may hold at most " + MAX_ALERT_EMAILS + " addresses"));
        }
        for (int i = 0; i < alerts.size(); i++) {
            String problem = dev.prescreen.domain.EmailAddress.problem(alerts.get(i));
            if (problem != null) {
                errors.add(new FieldError("alertEmails." + i, problem));
            }
        }
        if (!errors.isEmpty()) {
            throw new DomainException.InvalidInput(errors);
        }
        boolean enabled = input.enabled() != null ? input.enabled() : current == null || current.enabled();
        return new Checked(url, List.copyOf(new LinkedHashSet<>(types)), enabled, description,
                alerts.stream().map(String::trim).toList());
    }
}
