package dev.prescreen.local.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpServer;
import dev.prescreen.cloud.Queue;
import dev.prescreen.domain.Ids;
import dev.prescreen.domain.webhook.WebhookEvent;
import dev.prescreen.domain.webhook.WebhookEventType;
import dev.prescreen.json.Json;
import dev.prescreen.local.cloud.junit.Poll;
import dev.prescreen.messages.SqsWebhookQueues;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Events reach a real HTTP receiver on loopback, signed: the receiver verifies every request with the Standard
 * Webhooks library, answers 500 twice before 200 (retried with backoff, one effect), 410 (not retried), or too
 * slowly (timed out, retried).
 */
@ExtendWith(LocalRuntimeExtension.class)
class WebhookDeliveryIT {

    /** What the receiver saw on one path: each request's time, its verification and its event id. */
    private record Received(Instant at, boolean verified, String eventId) {
    }

    private final Map<String, ConcurrentLinkedQueue<Received>> received = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, String> secrets = new java.util.concurrent.ConcurrentHashMap<>();
    private final AtomicInteger flaky = new AtomicInteger();
    private final java.util.concurrent.CountDownLatch slowReceiverReleased = new java.util.concurrent.CountDownLatch(1);
    private HttpServer receiver;
    private LocalRuntime runtime;
    private ApiClient acme;
    private String organisation;
    private final String alerts = "ops-" + UUID.randomUUID() + "@acme.example";

    @BeforeEach
    void start(LocalRuntime runtime) throws IOException {
        this.runtime = runtime;
        organisation = "acme-" + UUID.randomUUID();
        acme = ApiClient.recruiter(runtime, organisation);
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            boolean verified;
            try {
                new Webhook(secrets.get(path)).verify(body, exchange.getRequestHeaders());
                verified = true;
            } catch (Exception e) {
                verified = false;
            }
            received.computeIfAbsent(path, p -> new ConcurrentLinkedQueue<>()).add(new Received(Instant.now(), verified,
                    exchange.getRequestHeaders().getFirst("webhook-id")));
            int status = switch (path) {
                case "/flaky" -> flaky.incrementAndGet() <= 2 ? 500 : 200;
                case "/gone" -> 410;
                case "/missing" -> 404;
                default -> 200;
            };
            if (path.equals("/slow") && received.get(path).size() == 1) {
                try {
                    // a receiver that hangs: it answers only once the test has seen the delivery time out
                    slowReceiverReleased.await(60, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] answer = ("{\"status\":" + status + "}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        // a thread per request: the hanging one must not hold up the others (its own retry included)
        receiver.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        receiver.start();
    }

    @AfterEach
    void stop() {
        slowReceiverReleased.countDown();
        receiver.stop(0);
    }

    private String register(String path) {
        ApiClient.Response created = acme.post("/webhooks", Map.of("url", "http://127.0.0.1:"
                + receiver.getAddress().getPort() + path, "eventTypes", List.of("report.ready"),
                "alertEmails", List.of(alerts)));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        secrets.put(path, created.json().path("secret").asText());
        return created.json().path("webhookId").asText();
    }

    private String publish() {
        String eventId = Ids.newId("ev", Clock.systemUTC());
        new SqsWebhookQueues(runtime.clients().sqs(), runtime.settings().queueUrl(Queue.WEBHOOK_EVENTS), null)
                .publish(new WebhookEvent(eventId, WebhookEventType.REPORT_READY, organisation, Instant.now(),
                        Map.of("interviewId", "iv_1", "overall", 77, "passed", true)));
        return eventId;
    }

    private JsonNode delivery(String webhookId, String status) {
        return Poll.until("a " + status + " delivery", Duration.ofSeconds(60), () -> {
            JsonNode items = acme.get("/webhooks/" + webhookId + "/deliveries").json().path("items");
            return items.size() > 0 && items.get(0).path("status").asText().equals(status)
                    ? Optional.of(items.get(0)) : Optional.empty();
        });
    }

    @Test
    void aReceiverThatFailsTwiceGetsTheEventOnTheThirdAttemptSignedEveryTime() {
        String webhookId = register("/flaky");
        String eventId = publish();
        JsonNode delivered = delivery(webhookId, "delivered");
        assertThat(delivered.path("eventId").asText()).isEqualTo(eventId);
        assertThat(delivered.path("attempts")).extracting(a -> a.path("httpStatus").asInt()).containsExactly(500, 500, 200);
        List<Received> seen = new ArrayList<>(received.get("/flaky"));
        assertThat(seen).hasSize(3).allSatisfy(r -> {
            assertThat(r.verified()).as("signature verified by the library").isTrue();
            assertThat(r.eventId()).isEqualTo(eventId);
        });
        // backoff: the second wait at least as long as the first
        Duration first = Duration.between(seen.get(0).at(), seen.get(1).at());
        Duration second = Duration.between(seen.get(1).at(), seen.get(2).at());
        assertThat(first).isGreaterThanOrEqualTo(Duration.ofMillis(150));
        assertThat(second).isGreaterThanOrEqualTo(first.minusMillis(300));
        // the same event published again is not delivered again
        new SqsWebhookQueues(runtime.clients().sqs(), runtime.settings().queueUrl(Queue.WEBHOOK_EVENTS), null)
                .publish(new WebhookEvent(eventId, WebhookEventType.REPORT_READY, organisation, Instant.now(), Map.of()));
        String marker = publish();
        Poll.until("the next event", Duration.ofSeconds(30), () -> received.get("/flaky").stream()
                .filter(r -> r.eventId().equals(marker)).findFirst());
        assertThat(received.get("/flaky").stream().filter(r -> r.eventId().equals(eventId))).hasSize(3);
    }

    @Test
    void aGoneReceiverIsDisabledAndItsPeopleToldAndASlowOneIsTimedOutAndRetried() {
        String gone = register("/gone");
        publish();
        JsonNode failed = delivery(gone, "failed");
        assertThat(failed.path("attempts")).hasSize(1);
        assertThat(failed.path("attempts").get(0).path("httpStatus").asInt()).isEqualTo(410);
        JsonNode endpoint = acme.get("/webhooks/" + gone).json();
        assertThat(endpoint.path("enabled").asBoolean()).isFalse();
        assertThat(endpoint.path("disabledReason").asText()).isEqualTo("the endpoint answered 410 Gone");
        dev.prescreen.local.cloud.LocalMailbox mailbox = new dev.prescreen.local.cloud.LocalMailbox(
                runtime.cloud().sesEndpoint());
        var alert = Poll.until("the alert email", Duration.ofSeconds(30), () -> mailbox.to(alerts).stream().findFirst());
        assertThat(alert.subject()).isEqualTo("prescreen webhook disabled: " + gone);

        String slow = register("/slow");
        publish();
        Poll.until("the first attempt to time out", Duration.ofSeconds(30), () -> {
            JsonNode items = acme.get("/webhooks/" + slow + "/deliveries").json().path("items");
            return items.size() > 0 && items.get(0).path("attempts").size() > 0 ? Optional.of(true) : Optional.empty();
        });
        slowReceiverReleased.countDown();
        JsonNode delivered = delivery(slow, "delivered");
        assertThat(delivered.path("attempts").get(0).path("httpStatus").isNull()).isTrue();
        assertThat(delivered.path("attempts").get(0).path("error").asText()).isEqualTo("timed out after 10 s");
        assertThat(delivered.path("attempts").get(1).path("httpStatus").asInt()).isEqualTo(200);
        // the disabled endpoint is sent nothing more: the second event is not even queued for it
        JsonNode goneLog = acme.get("/webhooks/" + gone + "/deliveries").json().path("items");
        assertThat(goneLog).hasSize(1);
        assertThat(received.get("/gone")).hasSize(1);
    }

    @Test
    void aRedeliveryStartsANewSeriesAndAnotherOrganisationSeesNoLog() {
        String gone = register("/missing");
        publish();
        JsonNode failed = delivery(gone, "failed");
        ApiClient.Response again = acme.post("/webhooks/" + gone + "/deliveries/" + failed.path("deliveryId").asText()
                + "/redeliver", Map.of());
        assertThat(again.status()).as(again.raw()).isEqualTo(202);
        Poll.until("the redelivery", Duration.ofSeconds(30), () -> received.get("/missing").size() >= 2
                ? Optional.of(true) : Optional.empty());
        ApiClient globex = ApiClient.recruiter(runtime, "globex-" + UUID.randomUUID());
        assertThat(globex.get("/webhooks/" + gone + "/deliveries").status()).isEqualTo(404);
        assertThat(globex.post("/webhooks/" + gone + "/deliveries/" + failed.path("deliveryId").asText()
                + "/redeliver", Map.of()).status()).isEqualTo(404);
        assertThat(Json.write(failed)).doesNotContain("overall"); // the log never repeats the body sent
    }
}
