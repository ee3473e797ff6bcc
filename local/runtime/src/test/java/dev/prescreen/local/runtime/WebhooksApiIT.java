package dev.prescreen.local.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The webhook endpoints API over HTTP, as a recruiter's system uses it; each organisation sees only its own. */
@ExtendWith(LocalRuntimeExtension.class)
class WebhooksApiIT {

    private ApiClient acme;
    private ApiClient globex;

    @BeforeEach
    void setUp(LocalRuntime runtime) {
        acme = ApiClient.recruiter(runtime, "acme-" + UUID.randomUUID());
        globex = ApiClient.recruiter(runtime, "globex-" + UUID.randomUUID());
    }

    private static Map<String, Object> hook(String url) {
        return Map.of("url", url, "eventTypes", List.of("report.ready", "interview.completed"),
                "description", "ATS bridge");
    }

    @Test
    void anEndpointIsRegisteredChangedRotatedAndDeletedAndItsSecretShownOnlyWhenMade() {
        ApiClient.Response created = acme.post("/webhooks", hook("http://127.0.0.1:9/prescreen"));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        JsonNode endpoint = created.json();
        String id = endpoint.path("webhookId").asText();
        assertThat(created.location()).contains("/webhooks/" + id);
        String secret = endpoint.path("secret").asText();
        assertThat(secret).startsWith("whsec_");

        JsonNode read = acme.get("/webhooks/" + id).json();
        assertThat(read.path("secret").isNull() || read.path("secret").isMissingNode()).isTrue();
        assertThat(read.path("eventTypes")).extracting(JsonNode::asText)
                .containsExactly("report.ready", "interview.completed");
        assertThat(acme.get("/webhooks").json().path("items")).hasSize(1);
        assertThat(acme.get("/webhooks").raw()).doesNotContain(secret);

        ApiClient.Response changed = acme.patch("/webhooks/" + id, Map.of("enabled", false));
        assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
        assertThat(changed.json().path("enabled").asBoolean()).isFalse();
        assertThat(changed.json().path("url").asText()).isEqualTo("http://127.0.0.1:9/prescreen");

        ApiClient.Response rotated = acme.post("/webhooks/" + id + "/secret", Map.of());
        assertThat(rotated.status()).as(rotated.raw()).isEqualTo(200);
        assertThat(rotated.json().path("secret").asText()).startsWith("whsec_").isNotEqualTo(secret);
        assertThat(rotated.json().path("previousSecretRetiresAt").asText()).isNotEmpty();

        assertThat(acme.delete("/webhooks/" + id).status()).isEqualTo(204);
        assertThat(acme.get("/webhooks/" + id).status()).isEqualTo(404);
    }

    @Test
    void anotherOrganisationsEndpointIsNotFoundOnEveryRoute() {
        String id = acme.post("/webhooks", hook("http://127.0.0.1:9/hook")).json().path("webhookId").asText();
        assertThat(globex.get("/webhooks/" + id).status()).isEqualTo(404);
        assertThat(globex.patch("/webhooks/" + id, Map.of("enabled", false)).status()).isEqualTo(404);
        assertThat(globex.post("/webhooks/" + id + "/secret", Map.of()).status()).isEqualTo(404);
        assertThat(globex.delete("/webhooks/" + id).status()).isEqualTo(404);
        assertThat(globex.get("/webhooks").json().path("items")).isEmpty();
        assertThat(acme.get("/webhooks/" + id).json().path("enabled").asBoolean()).isTrue();
    }

    @Test
    void badInputNamesTheField() {
        // plain HTTP is allowed only to loopback, even on the local stack
        ApiClient.Response http = acme.post("/webhooks", hook("http://93.184.216.34/hook"));
        assertThat(http.status()).isEqualTo(400);
        assertThat(http.errorFields()).containsExactly("url");
        assertThat(acme.post("/webhooks", Map.of("url", "https://127.0.0.1/x", "eventTypes", List.of("report.lost")))
                .errorFields()).containsExactly("eventTypes.0");
        assertThat(acme.post("/webhooks", Map.of("url", "not a url", "eventTypes", List.of("report.ready")))
                .errorFields()).containsExactly("url");
        assertThat(acme.post("/webhooks", Map.of("url", "https://127.0.0.1/x")).errorFields())
                .containsExactly("eventTypes");
    }
}
