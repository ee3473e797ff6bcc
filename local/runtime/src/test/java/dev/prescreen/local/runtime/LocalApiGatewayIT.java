package dev.prescreen.local.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.prescreen.json.Json;
import dev.prescreen.local.cloud.LocalCloud;
import dev.prescreen.local.cloud.junit.LocalCloudExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalCloudExtension.class)
class LocalApiGatewayIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static LocalRuntime runtime;

    @BeforeAll
    static void start(LocalCloud cloud) {
        runtime = LocalRuntime.builder().cloud(cloud).start();
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    private static HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(runtime.apiEndpoint().resolve(path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthAnswers200() throws Exception {
        assertThat(get("/health", null).statusCode()).isEqualTo(200);
    }

    @Test
    void aRecruiterRouteReachesItsHandlerWithTheTokensClaims() throws Exception {
        String token = runtime.jwt().mint("acme", "rita@acme.example", Duration.ofMinutes(5));
        HttpResponse<String> response = get("/me", token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = Json.read(response.body(), JsonNode.class);
        assertThat(body.path("organisation").asText()).isEqualTo("acme");
        assertThat(body.path("email").asText()).isEqualTo("rita@acme.example");
    }

    @Test
    void recruiterRoutesRefuseMissingForgedAndExpiredTokens() throws Exception {
        assertThat(get("/me", null).statusCode()).isEqualTo(401);
        String forged = LocalJwt.random().mint("acme", "x@acme.example", Duration.ofMinutes(5));
        assertThat(get("/me", forged).statusCode()).isEqualTo(401);
        String expired = runtime.jwt().mint("acme", "x@acme.example", Duration.ofMinutes(-5));
        assertThat(get("/me", expired).statusCode()).isEqualTo(401);
        assertThat(get("/me", "not-a-jwt").statusCode()).isEqualTo(401);
    }

    @Test
    void unknownRoutesAre404() throws Exception {
        assertThat(get("/no/such/route", null).statusCode()).isEqualTo(404);
    }

    @Test
    void oversizedBodiesAreRefusedBeforeAnyHandler() throws Exception {
        byte[] big = new byte[LocalApiGateway.MAX_BODY_BYTES + 10];
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(runtime.apiEndpoint() + "/me"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(big)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/problem+json");
        assertThat(Json.read(response.body(), JsonNode.class).path("errors").get(0).path("field").asText())
                .isEqualTo("body");
    }

    private static com.nimbusds.jwt.JWTClaimsSet.Builder claims() {
        java.time.Instant now = java.time.Instant.now();
        return new com.nimbusds.jwt.JWTClaimsSet.Builder().issuer("prescreen-local").audience("prescreen-api")
                .subject("s").claim("email", "x@acme.example").issueTime(java.util.Date.from(now))
                .expirationTime(java.util.Date.from(now.plusSeconds(300)));
    }

    @Test
    void aValidTokenWithoutAnOrganisationIs401OnEveryRecruiterRoute() throws Exception {
        String noOrganisation = runtime.jwt().sign(claims().build());
        for (String path : java.util.List.of("/me", "/question-banks", "/plans", "/usage")) {
            HttpResponse<String> response = get(path, noOrganisation);
            assertThat(response.statusCode()).as(path).isEqualTo(401);
            assertThat(response.headers().firstValue("content-type")).as(path).hasValue("application/problem+json");
        }
    }

    @Test
    void aTokenNotYetValidIsRefused() throws Exception {
        java.time.Instant later = java.time.Instant.now().plusSeconds(600);
        String early = runtime.jwt().sign(claims().claim("custom:org", "acme").notBeforeTime(java.util.Date.from(later))
                .build());
        assertThat(get("/me", early).statusCode()).isEqualTo(401);
    }

    @Test
    void malformedRequestsGetAProblemNeverAnEmptyReply() throws Exception {
        HttpResponse<String> nul = get("/interview/%00", null);
        assertThat(nul.statusCode()).isEqualTo(400);
        assertThat(nul.headers().firstValue("content-type")).hasValue("application/problem+json");

        String token = runtime.jwt().mint("acme", "rita@acme.example", Duration.ofMinutes(5));
        HttpResponse<String> latin1 = HTTP.send(HttpRequest.newBuilder(runtime.apiEndpoint().resolve("/plans"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray("{\"roleTitle\":\"Caf\u00e9\"}"
                        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(latin1.statusCode()).isEqualTo(400);
        assertThat(latin1.body()).contains("UTF-8");
    }
}
