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

    /** A GET whose path is sent as written, malformed escapes included (java.net.URI would refuse them). */
    private static HttpResponse<String> rawGet(String path) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", runtime.apiEndpoint().getPort())) {
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String raw = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            int status = Integer.parseInt(raw.substring(9, 12));
            int split = raw.indexOf("\r\n\r\n");
            String head = raw.substring(0, split).toLowerCase(java.util.Locale.ROOT);
            String type = head.lines().filter(l -> l.startsWith("content-type:")).findFirst()
                    .map(l -> l.substring(13).trim().split(";")[0]).orElse("");
            String body = raw.substring(split + 4);
            return new RawResponse(status, type, body);
        }
    }

    private record RawResponse(int statusCode, String contentType, String body) implements HttpResponse<String> {
        @Override
        public java.net.http.HttpHeaders headers() {
            return java.net.http.HttpHeaders.of(java.util.Map.of("content-type", java.util.List.of(contentType)),
                    (a, b) -> true);
        }

        @Override
        public HttpRequest request() {
            return null;
        }

        @Override
        public java.util.Optional<HttpResponse<String>> previousResponse() {
            return java.util.Optional.empty();
        }

        @Override
        public java.util.Optional<javax.net.ssl.SSLSession> sslSession() {
            return java.util.Optional.empty();
        }

        @Override
        public URI uri() {
            return null;
        }

        @Override
        public HttpClient.Version version() {
            return HttpClient.Version.HTTP_1_1;
        }
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
        for (String path : java.util.List.of("/interview/%00", "/plans/%ZZ", "/interview/%", "/sessions/abc/question?x=%G1")) {
            HttpResponse<String> response = rawGet(path);
            assertThat(response.statusCode()).as(path).isBetween(400, 499);
            assertThat(response.headers().firstValue("content-type")).as(path).hasValue("application/problem+json");
            assertThat(Json.read(response.body(), JsonNode.class).path("status").asInt()).as(path)
                    .isEqualTo(response.statusCode());
        }

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
