package dev.prescreen.local.runtime.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.prescreen.json.Json;
import dev.prescreen.local.runtime.LocalRuntime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A recruiter's script against the local HTTP API, with a token minted by the local signing key. */
public final class RecruiterClient {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final URI api;
    private final String token;

    public RecruiterClient(LocalRuntime runtime, String organisation, String email) {
        this.api = runtime.apiEndpoint();
        this.token = runtime.jwt().mint(organisation, email, Duration.ofHours(12));
    }

    public String token() {
        return token;
    }

    /** Calls the API as the recruiter; fails unless the status is the expected one. */
    public JsonNode call(String method, String path, Object body, int expected) {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.resolve(URI.create(path)))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(120));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(Json.write(body)));
        return send(request.build(), expected);
    }

    /** Calls a route without the token (the candidate's). */
    public JsonNode anonymous(String method, String path, int expected) {
        return send(HttpRequest.newBuilder(api.resolve(URI.create(path)))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), expected);
    }

    private static JsonNode send(HttpRequest request, int expected) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(request.method() + " " + request.uri().getPath() + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            return Json.read(response.body(), JsonNode.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
