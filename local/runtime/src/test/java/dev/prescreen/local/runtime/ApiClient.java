package dev.prescreen.local.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.prescreen.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * Calls the local API as a recruiter's script would, and checks every response against openapi.yaml.
 */
final class ApiClient {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final URI endpoint;
    private final String token;

    ApiClient(URI endpoint, String token) {
        this.endpoint = endpoint;
        this.token = token;
    }

    static ApiClient recruiter(LocalRuntime runtime, String organisation) {
        return new ApiClient(runtime.apiEndpoint(),
                runtime.jwt().mint(organisation, "recruiter@" + organisation + ".example", Duration.ofMinutes(30)));
    }

    record Response(int status, String contentType, String raw, Optional<String> location) {
        JsonNode json() {
            return Json.read(raw, JsonNode.class);
        }

        /** The fields named by the problem's errors list. */
        java.util.List<String> errorFields() {
            java.util.List<String> fields = new java.util.ArrayList<>();
            json().path("errors").forEach(e -> fields.add(e.path("field").asText()));
            return fields;
        }
    }

    Response get(String path) {
        return send("GET", path, null, null);
    }

    Response post(String path, Object body) {
        return send("POST", path, body instanceof String s ? s : Json.write(body), "application/json");
    }

    Response put(String path, Object body) {
        return send("PUT", path, body instanceof String s ? s : Json.write(body), "application/json");
    }

    Response patch(String path, Object body) {
        return send("PATCH", path, body instanceof String s ? s : Json.write(body), "application/merge-patch+json");
    }

    Response delete(String path) {
        return send("DELETE", path, null, null);
    }

    Response send(String method, String path, String body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.resolve(path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String type = response.headers().firstValue("content-type").orElse("");
            Response result = new Response(response.statusCode(), type, response.body(),
                    response.headers().firstValue("location"));
            String rawPath = URI.create(path).getRawPath();
            GatewayEvents.match(method, rawPath).ifPresent(match -> OpenApiContract.check(method,
                    match.route().path(), result.status(), type,
                    result.raw().isEmpty() ? null : type.contains("json") ? result.json()
                            : com.fasterxml.jackson.databind.node.TextNode.valueOf(result.raw())));
            if (result.status() >= 500) {
                assertThat(result.status()).as("server error for %s %s: %s", method, path, result.raw()).isLessThan(500);
            }
            return result;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
