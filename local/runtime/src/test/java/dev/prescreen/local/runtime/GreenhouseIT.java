package dev.prescreen.local.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.prescreen.local.cloud.LocalMailbox;
import dev.prescreen.local.cloud.junit.Poll;
import dev.prescreen.local.runtime.demo.CandidateDriver;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A Greenhouse simulator drives the assessment partner API as Greenhouse does: list the tests, send one to a
 * candidate, receive the completion PATCH on its callback, read the test's status with the score.
 */
@ExtendWith(LocalRuntimeExtension.class)
class GreenhouseIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final ConcurrentLinkedQueue<String> callbacks = new ConcurrentLinkedQueue<>();
    private HttpServer greenhouse;
    private LocalRuntime runtime;

    @BeforeEach
    void start(LocalRuntime runtime) throws IOException {
        this.runtime = runtime;
        greenhouse = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        greenhouse.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            callbacks.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " " + body);
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        greenhouse.start();
    }

    @AfterEach
    void stop() {
        greenhouse.stop(0);
    }

    /** A call as Greenhouse makes it: HTTP Basic with the key as user name and an empty password. */
    private JsonResponse partner(String method, String path, String apiKey, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(runtime.apiEndpoint() + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((apiKey + ":")
                        .getBytes(StandardCharsets.UTF_8)));
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new JsonResponse(response.statusCode(), response.body().isEmpty() ? null : JSON.readTree(response.body()));
    }

    private record JsonResponse(int status, JsonNode json) {
    }

    @Test
    void greenhouseSendsATestTheCandidateTakesItAndTheCallbackAndStatusReportTheScore() throws Exception {
        String organisation = "org-" + UUID.randomUUID();
        ApiClient recruiter = ApiClient.recruiter(runtime, organisation);
        Map<String, Object> plan = new HashMap<>(PlansApiIT.validPlan());
        plan.put("followUps", Map.of("enabled", false));
        String planId = recruiter.post("/plans", plan).json().path("planId").asText();
        ApiClient.Response key = recruiter.post("/integrations/greenhouse/keys", Map.of());
        assertThat(key.status()).as(key.raw()).isEqualTo(201);
        String apiKey = key.json().path("apiKey").asText();
        assertThat(recruiter.get("/integrations/greenhouse/keys").raw()).doesNotContain(apiKey);

        JsonResponse tests = partner("GET", "/integrations/greenhouse/list_tests", apiKey, null);
        assertThat(tests.status()).isEqualTo(200);
        assertThat(tests.json()).anySatisfy(t -> {
            assertThat(t.path("partner_test_id").asText()).isEqualTo(planId);
            assertThat(t.path("partner_test_name").asText()).contains("Backend Engineer");
        });

        String email = "grace-" + UUID.randomUUID() + "@candidates.example";
        String callback = "http://127.0.0.1:" + greenhouse.getAddress().getPort() + "/v1/partner/assessment/42";
        JsonResponse sent = partner("POST", "/integrations/greenhouse/send_test", apiKey, Map.of(
                "partner_test_id", planId,
                "candidate", Map.of("first_name", "Grace", "last_name", "Hopper", "email", email,
                        "greenhouse_profile_url", "https://app.greenhouse.io/people/1?application_id=2",
                        "resume_url", "https://files.example/resume.pdf"),
                "sent_by", "rita@acme.example", "url", callback));
        assertThat(sent.status()).as(String.valueOf(sent.json())).isEqualTo(200);
        String interviewId = sent.json().path("partner_interview_id").asText();
        JsonResponse pending = partner("GET", "/integrations/greenhouse/test_status?partner_interview_id="
                + interviewId, apiKey, null);
        assertThat(pending.json().path("partner_status").asText()).isNotEqualTo("complete");

        LocalMailbox mailbox = new LocalMailbox(runtime.cloud().sesEndpoint());
        LocalMailbox.Email invitation = Poll.until("the invitation", Duration.ofSeconds(30),
                () -> mailbox.to(email).stream().findFirst());
        new CandidateDriver(runtime.apiEndpoint(), invitation.interviewLink().orElseThrow())
                .run(ReportsIT.strong(), Integer.MAX_VALUE, Duration.ofSeconds(90));

        String patch = Poll.until("the completion PATCH on the callback", Duration.ofSeconds(90),
                () -> callbacks.stream().filter(c -> c.startsWith("PATCH /v1/partner/assessment/42")).findFirst());
        assertThat(patch).as("no parameters: Greenhouse reads test_status").isEqualTo("PATCH /v1/partner/assessment/42 ");
        JsonResponse done = partner("GET", "/integrations/greenhouse/test_status?partner_interview_id="
                + interviewId, apiKey, null);
        assertThat(done.json().path("partner_status").asText()).isEqualTo("complete");
        assertThat(done.json().path("partner_score").asInt()).isBetween(1, 100);
        assertThat(done.json().path("partner_profile_url").asText()).contains("/interviews/", "/report");
        assertThat(done.json().path("metadata").path("passed").isBoolean()).isTrue();
        assertThat(done.json().path("metadata").fields()).toIterable()
                .allSatisfy(f -> assertThat(f.getValue().isValueNode()).as("flat").isTrue());
    }

    @Test
    void aWrongKeyIsRefusedWithoutAHintAndAnotherOrganisationsKeySeesNothing() throws Exception {
        ApiClient acme = ApiClient.recruiter(runtime, "acme-" + UUID.randomUUID());
        ApiClient globex = ApiClient.recruiter(runtime, "globex-" + UUID.randomUUID());
        Map<String, Object> plan = new HashMap<>(PlansApiIT.validPlan());
        String planId = acme.post("/plans", plan).json().path("planId").asText();
        String acmeKey = acme.post("/integrations/greenhouse/keys", Map.of()).json().path("apiKey").asText();
        String globexKey = globex.post("/integrations/greenhouse/keys", Map.of()).json().path("apiKey").asText();
        String callback = "http://127.0.0.1:" + greenhouse.getAddress().getPort() + "/cb";
        String id = partner("POST", "/integrations/greenhouse/send_test", acmeKey, Map.of("partner_test_id", planId,
                "candidate", Map.of("first_name", "Ada", "last_name", "L", "email", "ada-" + UUID.randomUUID()
                        + "@x.example", "greenhouse_profile_url", "https://app.greenhouse.io/people/3"), "url", callback))
                .json().path("partner_interview_id").asText();

        JsonResponse wrong = partner("GET", "/integrations/greenhouse/list_tests", "pk_not-a-key", null);
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(String.valueOf(wrong.json())).doesNotContain("acme", "organisation exists");
        assertThat(partner("GET", "/integrations/greenhouse/list_tests", globexKey, null).json()).isEmpty();
        assertThat(partner("GET", "/integrations/greenhouse/test_status?partner_interview_id=" + id, globexKey, null)
                .status()).isEqualTo(404);
        assertThat(partner("POST", "/integrations/greenhouse/send_test", globexKey, Map.of("partner_test_id", planId,
                "candidate", Map.of("first_name", "Eve", "email", "eve@x.example"), "url", callback)).status())
                .isEqualTo(404);
        JsonResponse missing = partner("POST", "/integrations/greenhouse/send_test", acmeKey,
                Map.of("partner_test_id", planId));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().path("errors")).extracting(e -> e.path("field").asText())
                .contains("candidate", "url");
        // revoking the key ends its access
        String keyId = acme.get("/integrations/greenhouse/keys").json().path("items").get(0).path("keyId").asText();
        assertThat(acme.delete("/integrations/greenhouse/keys/" + keyId).status()).isEqualTo(204);
        assertThat(partner("GET", "/integrations/greenhouse/list_tests", acmeKey, null).status()).isEqualTo(401);
        assertThat(globex.delete("/integrations/greenhouse/keys/" + keyId).status()).isEqualTo(404);
    }

    @Test
    void whereTheOrganisationGivesNoticeASentTestGivesItNowAndInvitesWhenItHasRun() throws Exception {
        String organisation = "nyc-" + UUID.randomUUID();
        ApiClient recruiter = ApiClient.recruiter(runtime, organisation);
        assertThat(recruiter.patch("/organisation/settings", Map.of("noticeLeadBusinessDays", 10)).status())
                .isEqualTo(200);
        String planId = recruiter.post("/plans", PlansApiIT.validPlan()).json().path("planId").asText();
        String apiKey = recruiter.post("/integrations/greenhouse/keys", Map.of()).json().path("apiKey").asText();
        String email = "nia-" + UUID.randomUUID() + "@candidates.example";
        JsonResponse sent = partner("POST", "/integrations/greenhouse/send_test", apiKey, Map.of(
                "partner_test_id", planId, "candidate", Map.of("first_name", "Nia", "last_name", "B", "email", email),
                "url", "http://127.0.0.1:" + greenhouse.getAddress().getPort() + "/cb"));
        assertThat(sent.status()).as(String.valueOf(sent.json())).isEqualTo(200);

        LocalMailbox mailbox = new LocalMailbox(runtime.cloud().sesEndpoint());
        LocalMailbox.Email notice = Poll.until("the advance notice", Duration.ofSeconds(30),
                () -> mailbox.to(email).stream().findFirst());
        assertThat(notice.subject()).startsWith("Notice: an automated screening interview");
        assertThat(notice.interviewLink()).as("the invitation waits for the notice to run").isEmpty();
        assertThat(partner("GET", "/integrations/greenhouse/test_status?partner_interview_id="
                + sent.json().path("partner_interview_id").asText(), apiKey, null).json().path("partner_status")
                .asText()).isNotEqualTo("complete");
    }
}
