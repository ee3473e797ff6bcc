package dev.prescreen.domain.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.standardwebhooks.Webhook;
import dev.prescreen.domain.DomainException;
import dev.prescreen.domain.FieldError;
import dev.prescreen.testing.MutableClock;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookServiceTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T09:00:00Z"));
    private final InMemoryWebhooks endpoints = new InMemoryWebhooks();
    private final WebhookService webhooks = new WebhookService(endpoints,
            new WebhookUrlPolicy(false, host -> List.of(InetAddress.getByName("93.184.216.34"))), clock);

    private static final WebhookInput HOOK = new WebhookInput("https://hooks.acme.example/prescreen",
            List.of("report.ready", "candidate.erased"), null, "ATS bridge", null);

    @Test
    void anEndpointIsRegisteredWithASecretShownOnceAndSeenOnlyByItsOrganisation() {
        WebhookService.WithSecret created = webhooks.create("acme", HOOK);
        assertThat(created.secret()).startsWith("whsec_");
        WebhookEndpoint endpoint = created.endpoint();
        assertThat(endpoint.enabled()).isTrue();
        assertThat(endpoint.wants(event(WebhookEventType.REPORT_READY, "cd_1"))).isTrue();
        assertThat(endpoint.wants(event(WebhookEventType.INVITATION_SENT, "cd_1"))).isFalse();
        assertThat(webhooks.list("acme")).hasSize(1);
        assertThat(webhooks.list("globex")).isEmpty();
        assertThatThrownBy(() -> webhooks.get("globex", endpoint.endpointId())).isInstanceOf(DomainException.NotFound.class);
        assertThatThrownBy(() -> webhooks.delete("globex", endpoint.endpointId())).isInstanceOf(DomainException.NotFound.class);
        assertThatThrownBy(() -> webhooks.rotateSecret("globex", endpoint.endpointId()))
                .isInstanceOf(DomainException.NotFound.class);
    }

    @Test
    void alertAddressesAreCheckedAndKept() {
        WebhookEndpoint endpoint = webhooks.create("acme", new WebhookInput(HOOK.url(), HOOK.eventTypes(), null, null,
                List.of("ops@acme.example"))).endpoint();
        assertThat(endpoint.alertEmails()).containsExactly("ops@acme.example");
        assertThat(webhooks.update("acme", endpoint.endpointId(), new WebhookInput(null, null, null, "x", null))
                .alertEmails()).as("kept when not given").containsExactly("ops@acme.example");
        assertThatThrownBy(() -> webhooks.update("acme", endpoint.endpointId(), new WebhookInput(null, null, null,
                null, List.of("ops@acme.example", "not an address"))))
                .isInstanceOfSatisfying(DomainException.InvalidInput.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("alertEmails.1"));
    }

    @Test
    void badInputNamesEveryField() {
        assertThatThrownBy(() -> webhooks.create("acme", new WebhookInput("http://hooks.acme.example/",
                List.of("report.ready", "report.exploded"), null, "x".repeat(501), null)))
                .isInstanceOfSatisfying(DomainException.InvalidInput.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("url", "eventTypes.1", "description"));
        assertThatThrownBy(() -> webhooks.create("acme", new WebhookInput("https://hooks.acme.example/", List.of(),
                null, null, null))).isInstanceOfSatisfying(DomainException.InvalidInput.class,
                        e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("eventTypes"));
    }

    @Test
    void aChangeMergesOverTheEndpointAndReEnablingClearsItsFailures() {
        WebhookEndpoint endpoint = webhooks.create("acme", HOOK).endpoint();
        WebhookEndpoint disabled = webhooks.update("acme", endpoint.endpointId(), new WebhookInput(null, null, false, null, null));
        assertThat(disabled.enabled()).isFalse();
        assertThat(disabled.url()).isEqualTo(HOOK.url());
        assertThat(disabled.eventTypes()).containsExactly("report.ready", "candidate.erased");
        WebhookEndpoint retyped = webhooks.update("acme", endpoint.endpointId(),
                new WebhookInput(null, List.of("interview.completed"), true, null, null));
        assertThat(retyped.enabled()).isTrue();
        assertThat(retyped.eventTypes()).containsExactly("interview.completed");
        assertThat(retyped.description()).isEqualTo("ATS bridge");
        assertThat(retyped.revision()).isEqualTo(3);
    }

    @Test
    void aRotationSignsWithBothSecretsForADayThenWithTheNewOneOnly() throws Exception {
        WebhookService.WithSecret created = webhooks.create("acme", HOOK);
        clock.advance(Duration.ofDays(3));
        WebhookService.WithSecret rotated = webhooks.rotateSecret("acme", created.endpoint().endpointId());
        assertThat(rotated.secret()).isNotEqualTo(created.secret());
        WebhookEndpoint endpoint = rotated.endpoint();
        assertThat(endpoint.signingSecrets(clock.instant())).containsExactly(rotated.secret(), created.secret());

        String body = "{\"id\":\"ev_1\",\"type\":\"report.ready\"}";
        // the library checks the timestamp against the real clock (5 minutes' tolerance), so this attempt is now
        Map<String, String> headers = WebhookSignatures.headers(endpoint.signingSecrets(clock.instant()), "ev_1",
                Instant.now(), body);
        // a receiver still on the old secret and one already on the new both verify, with the library
        new Webhook(created.secret()).verify(body, multi(headers));
        new Webhook(rotated.secret()).verify(body, multi(headers));

        clock.advance(WebhookService.ROTATION_OVERLAP);
        assertThat(endpoint.signingSecrets(clock.instant())).containsExactly(rotated.secret());
    }

    @Test
    void aSignatureFailsForAnotherBodyOrSecret() {
        String secret = SigningSecrets.newSecret();
        Map<String, String> headers = WebhookSignatures.headers(List.of(secret), "ev_2", Instant.now(), "{\"a\":1}");
        assertThat(headers).containsKeys("webhook-id", "webhook-timestamp", "webhook-signature");
        assertThat(headers.get("webhook-signature")).startsWith("v1,");
        assertThatThrownBy(() -> new Webhook(secret).verify("{\"a\":2}", multi(headers)))
                .isInstanceOf(com.standardwebhooks.exceptions.WebhookVerificationException.class);
        assertThatThrownBy(() -> new Webhook(SigningSecrets.newSecret()).verify("{\"a\":1}", multi(headers)))
                .isInstanceOf(com.standardwebhooks.exceptions.WebhookVerificationException.class);
    }

    private WebhookEvent event(WebhookEventType type, String candidateId) {
        return new WebhookEvent("ev_1", type, "acme", clock.instant(), Map.of("candidateId", candidateId));
    }

    @Test
    void aCallbackTakesOnlyItsCandidatesReportAndIsNoWebhookOfTheOrganisation() {
        WebhookEndpoint callback = webhooks.registerCallback("acme", "greenhouse", "cd_7",
                "https://app.greenhouse.example/assessments/77");
        assertThat(callback.isCallback()).isTrue();
        // stored as a document and read back, as DynamoDB holds it
        WebhookEndpoint stored = dev.prescreen.json.Json.read(dev.prescreen.json.Json.write(callback),
                WebhookEndpoint.class);
        assertThat(stored).isEqualTo(callback);
        assertThat(callback.wants(event(WebhookEventType.REPORT_READY, "cd_7"))).isTrue();
        assertThat(callback.wants(event(WebhookEventType.REPORT_READY, "cd_8"))).isFalse();
        assertThat(webhooks.list("acme")).isEmpty();
        assertThatThrownBy(() -> webhooks.get("acme", callback.endpointId())).isInstanceOf(DomainException.NotFound.class);
        assertThatThrownBy(() -> webhooks.registerCallback("acme", "greenhouse", "cd_7", "http://app.greenhouse.example/"))
                .isInstanceOf(DomainException.InvalidInput.class);
    }

    private static Map<String, List<String>> multi(Map<String, String> headers) {
        java.util.Map<String, List<String>> result = new java.util.HashMap<>();
        headers.forEach((k, v) -> result.put(k, List.of(v)));
        return result;
    }
}
