package dev.prescreen.domain.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.standardwebhooks.Webhook;
import dev.prescreen.testing.MutableClock;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhookDeliveriesTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T09:00:00Z"));
    private final InMemoryWebhooks endpoints = new InMemoryWebhooks();
    private final WebhookUrlPolicy urls = new WebhookUrlPolicy(false,
            host -> List.of(InetAddress.getByName("93.184.216.34")));
    private final WebhookService webhooks = new WebhookService(endpoints, urls, clock);
    private final Deliveries deliveries = new Deliveries();
    private final List<String> scheduled = new ArrayList<>();
    private final List<Duration> delays = new ArrayList<>();
    private final List<String> deadLetters = new ArrayList<>();
    private final List<String> disabledNotices = new ArrayList<>();
    private final Deque<WebhookPorts.Response> answers = new ArrayDeque<>();
    private final List<Map<String, String>> sentHeaders = new ArrayList<>();
    private final List<String> sentBodies = new ArrayList<>();
    private final List<String> sentMethods = new ArrayList<>();
    private WebhookDeliveries delivering;
    private String secret;
    private String endpointId;

    /** Deliveries in memory, with conditional writes. */
    static final class Deliveries implements WebhookPorts.DeliveryRepository {
        final Map<String, WebhookDelivery> items = new HashMap<>();

        @Override
        public boolean create(WebhookDelivery d) {
            return items.putIfAbsent(d.deliveryId(), d) == null;
        }

        @Override
        public Optional<WebhookDelivery> find(String organisation, String endpointId, String deliveryId) {
            return Optional.ofNullable(items.get(deliveryId)).filter(d -> d.organisation().equals(organisation)
                    && d.endpointId().equals(endpointId));
        }

        @Override
        public boolean replace(WebhookDelivery d, long expectedRevision) {
            WebhookDelivery current = items.get(d.deliveryId());
            if (current == null || current.revision() != expectedRevision) {
                return false;
            }
            items.put(d.deliveryId(), d);
            return true;
        }

        @Override
        public List<WebhookDelivery> list(String organisation, String endpointId, int limit) {
            return items.values().stream().filter(d -> d.endpointId().equals(endpointId))
                    .sorted(Comparator.comparing(WebhookDelivery::cycleStartedAt).reversed()).limit(limit).toList();
        }
    }

    @BeforeEach
    void anEndpoint() {
        WebhookService.WithSecret created = webhooks.create("acme", new WebhookInput("https://hooks.acme.example/x",
                List.of("report.ready"), null, null, null));
        secret = created.secret();
        endpointId = created.endpoint().endpointId();
        webhooks.create("acme", new WebhookInput("https://other.acme.example/x", List.of("candidate.erased"), null,
                null, null));
        WebhookPorts.DeliveryQueue queue = new WebhookPorts.DeliveryQueue() {
            @Override
            public void schedule(String organisation, String endpoint, String deliveryId, Duration delay) {
                scheduled.add(deliveryId);
                delays.add(delay);
            }

            @Override
            public void gaveUp(String organisation, String endpoint, String deliveryId) {
                deadLetters.add(deliveryId);
            }
        };
        WebhookPorts.Sender sender = (method, url, headers, body, timeout) -> {
            sentMethods.add(method + " " + url);
            sentHeaders.add(headers);
            sentBodies.add(body);
            clock.advance(Duration.ofMillis(40));
            return answers.isEmpty() ? answer(200) : answers.pop();
        };
        delivering = new WebhookDeliveries(endpoints, deliveries, queue, sender,
                (endpoint, reason) -> disabledNotices.add(endpoint.endpointId() + ": " + reason), urls,
                new RetryPolicy(() -> 0.999), clock);
    }

    private static WebhookPorts.Response answer(Integer status) {
        return new WebhookPorts.Response(status, status == null ? null : "{\"ok\":" + (status == 200) + "}",
                Optional.empty(), status == null ? "timed out after 10 s" : null);
    }

    private static WebhookEvent reportReady(String id) {
        return new WebhookEvent(id, WebhookEventType.REPORT_READY, "acme", Instant.parse("2026-11-20T08:59:00Z"),
                Map.of("interviewId", "iv_1", "overall", 82, "passed", true));
    }

    private String only() {
        return scheduled.get(scheduled.size() - 1);
    }

    @Test
    void anEventGoesOnceToEachEndpointThatWantsItSignedByTheLibrarysRules() throws Exception {
        assertThat(delivering.fanOut(reportReady("ev_1"))).isEqualTo(1);
        String id = only();
        assertThat(delivering.attempt("acme", endpointId, id)).isEqualTo(WebhookDeliveries.Outcome.DELIVERED);
        // the same event again (a redelivered message): nothing more is sent
        assertThat(delivering.fanOut(reportReady("ev_1"))).isZero();
        assertThat(delivering.attempt("acme", endpointId, id)).isEqualTo(WebhookDeliveries.Outcome.ALREADY_DONE);
        assertThat(sentBodies).hasSize(1);
        assertThat(sentBodies.get(0)).contains("\"id\":\"ev_1\"", "\"type\":\"report.ready\"", "\"overall\":82");
        assertThat(sentHeaders.get(0)).containsEntry("webhook-id", "ev_1");
        Map<String, List<String>> headers = new HashMap<>();
        // re-signed for the verification clock (the library checks the timestamp against real time)
        WebhookSignatures.headers(List.of(secret), "ev_1", Instant.now(), sentBodies.get(0))
                .forEach((k, v) -> headers.put(k, List.of(v)));
        new Webhook(secret).verify(sentBodies.get(0), headers);
        assertThat(sentHeaders.get(0).get("webhook-signature"))
                .isEqualTo(WebhookSignatures.headers(List.of(secret), "ev_1", clock.instant().minusMillis(40),
                        sentBodies.get(0)).get("webhook-signature"));
    }

    @Test
    void fiveHundredsAreRetriedWithGrowingBackoffUntilTheEndpointAnswers() {
        answers.add(answer(500));
        answers.add(answer(503));
        delivering.fanOut(reportReady("ev_2"));
        String id = only();
        assertThat(delivering.attempt("acme", endpointId, id)).isEqualTo(WebhookDeliveries.Outcome.RETRY_SCHEDULED);
        Duration first = delays.get(delays.size() - 1);
        assertThat(first).isBetween(Duration.ofSeconds(15), Duration.ofSeconds(30));
        assertThat(delivering.attempt("acme", endpointId, id)).as("not due yet").isEqualTo(WebhookDeliveries.Outcome.NOT_DUE);
        clock.advance(first);
        assertThat(delivering.attempt("acme", endpointId, id)).isEqualTo(WebhookDeliveries.Outcome.RETRY_SCHEDULED);
        Duration second = delays.get(delays.size() - 1);
        assertThat(second).isGreaterThan(first).isBetween(Duration.ofSeconds(30), Duration.ofSeconds(60));
        assertThat(endpoints.find("acme", endpointId).orElseThrow().failingSince()).isNotNull();
        clock.advance(second);
        assertThat(delivering.attempt("acme", endpointId, id)).isEqualTo(WebhookDeliveries.Outcome.DELIVERED);
        WebhookDelivery delivery = deliveries.items.get(id);
        assertThat(delivery.attempts()).extracting(WebhookDelivery.Attempt::httpStatus).containsExactly(500, 503, 200);
        assertThat(sentHeaders).extracting(h -> h.get("webhook-id")).containsOnly("ev_2");
        assertThat(endpoints.find("acme", endpointId).orElseThrow().failingSince()).as("recovered").isNull();
    }

    @Test
    void aGoneEndpointIsNotRetriedButDisabledAndA429WaitsAsItAsks() {
        answers.add(answer(410));
        delivering.fanOut(reportReady("ev_3"));
        assertThat(delivering.attempt("acme", endpointId, only())).isEqualTo(WebhookDeliveries.Outcome.FAILED);
        assertThat(deliveries.items.get(only()).status()).isEqualTo(WebhookDelivery.Status.FAILED);
        assertThat(endpoints.find("acme", endpointId).orElseThrow().enabled()).isFalse();
        assertThat(disabledNotices).containsExactly(endpointId + ": the endpoint answered 410 Gone");
        webhooks.update("acme", endpointId, new WebhookInput(null, null, true, null, null));
        answers.add(answer(404));
        delivering.fanOut(reportReady("ev_3b"));
        assertThat(delivering.attempt("acme", endpointId, only())).isEqualTo(WebhookDeliveries.Outcome.FAILED);
        assertThat(endpoints.find("acme", endpointId).orElseThrow().enabled()).as("a 404 does not disable").isTrue();

        answers.add(new WebhookPorts.Response(429, "slow down", Optional.of("600"), null));
        delivering.fanOut(reportReady("ev_4"));
        assertThat(delivering.attempt("acme", endpointId, only())).isEqualTo(WebhookDeliveries.Outcome.RETRY_SCHEDULED);
        assertThat(delays.get(delays.size() - 1)).isEqualTo(Duration.ofSeconds(600));
    }

    @Test
    void timeoutsAreRetriedForADayThenTheDeliveryGoesToTheDeadLetterQueueAndTheEndpointIsDisabledOnce() {
        delivering.fanOut(reportReady("ev_5"));
        String id = only();
        WebhookDeliveries.Outcome outcome;
        int attempts = 0;
        do {
            answers.add(answer(null));
            outcome = delivering.attempt("acme", endpointId, id);
            attempts++;
            WebhookDelivery d = deliveries.items.get(id);
            if (d.nextAttemptAt().isAfter(clock.instant())) {
                clock.advance(Duration.between(clock.instant(), d.nextAttemptAt()));
            }
        } while (outcome == WebhookDeliveries.Outcome.RETRY_SCHEDULED && attempts < 100);
        assertThat(outcome).isEqualTo(WebhookDeliveries.Outcome.GAVE_UP);
        assertThat(deadLetters).containsExactly(id);
        WebhookDelivery gaveUp = deliveries.items.get(id);
        assertThat(gaveUp.attempts().get(gaveUp.attempts().size() - 1).at())
                .isBefore(gaveUp.cycleStartedAt().plus(RetryPolicy.GIVE_UP_AFTER));
        assertThat(gaveUp.attempts()).allSatisfy(a -> assertThat(a.error()).isEqualTo("timed out after 10 s"));
        WebhookEndpoint endpoint = endpoints.find("acme", endpointId).orElseThrow();
        assertThat(endpoint.enabled()).isFalse();
        assertThat(endpoint.disabledReason()).isEqualTo("deliveries failed for 24 hours");
        assertThat(disabledNotices).containsExactly(endpointId + ": deliveries failed for 24 hours");

        // a recruiter fixes the receiver, enables the endpoint and redelivers: a new series starts
        webhooks.update("acme", endpointId, new WebhookInput(null, null, true, null, null));
        delivering.redeliver("acme", endpointId, id);
        assertThat(delivering.attempt("acme", endpointId, id)).isEqualTo(WebhookDeliveries.Outcome.DELIVERED);
        assertThat(delivering.log("acme", endpointId, 10)).extracting(WebhookDelivery::status)
                .containsExactly(WebhookDelivery.Status.DELIVERED);
    }

    @Test
    void aCandidatesCallbackGetsAnEmptyPatchForThatCandidatesReportOnly() {
        WebhookEndpoint callback = webhooks.registerCallback("acme", "greenhouse", "cd_9",
                "https://app.greenhouse.example/assessments/9");
        assertThat(delivering.fanOut(reportReady("ev_7"))).as("the webhook only: another candidate").isEqualTo(1);
        WebhookEvent mine = new WebhookEvent("ev_8", WebhookEventType.REPORT_READY, "acme", clock.instant(),
                Map.of("candidateId", "cd_9", "overall", 70));
        assertThat(delivering.fanOut(mine)).isEqualTo(2);
        String id = WebhookDelivery.idFor(callback.endpointId(), "ev_8");
        assertThat(delivering.attempt("acme", callback.endpointId(), id)).isEqualTo(WebhookDeliveries.Outcome.DELIVERED);
        assertThat(sentMethods).containsExactly("PATCH https://app.greenhouse.example/assessments/9");
        assertThat(sentBodies).containsExactly("");
        assertThat(sentHeaders.get(0)).doesNotContainKey("webhook-signature");
    }

    @Test
    void aLongAnswerIsKeptToItsFirstKilobyte() {
        answers.add(new WebhookPorts.Response(200, "x".repeat(5000), Optional.empty(), null));
        delivering.fanOut(reportReady("ev_6"));
        delivering.attempt("acme", endpointId, only());
        assertThat(deliveries.items.get(only()).attempts().get(0).response()).hasSize(WebhookDeliveries.RESPONSE_KEPT);
    }

    @Test
    void retryAfterIsReadAsSecondsOrAnHttpDate() {
        Instant now = Instant.parse("2026-11-20T09:00:00Z");
        assertThat(RetryPolicy.retryAfter("120", now)).contains(Duration.ofSeconds(120));
        assertThat(RetryPolicy.retryAfter("Fri, 20 Nov 2026 09:05:00 GMT", now)).contains(Duration.ofMinutes(5));
        assertThat(RetryPolicy.retryAfter("soon", now)).isEmpty();
        assertThat(RetryPolicy.verdict(404)).isEqualTo(RetryPolicy.Verdict.FINAL_FAILURE);
        assertThat(RetryPolicy.verdict(408)).isEqualTo(RetryPolicy.Verdict.RETRY);
        assertThat(RetryPolicy.verdict(204)).isEqualTo(RetryPolicy.Verdict.DELIVERED);
    }
}
