package dev.prescreen.local.runtime.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.prescreen.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Takes an interview through the session API as a candidate's browser would: consent, then question by
 * question (waiting while the last answer is processed, answering follow-ups), typed or recorded.
 */
public final class CandidateDriver {

    /** How the candidate answers one step: typed text, or a recording (WAV bytes). */
    public interface Answers {
        /** @param kind "question" or "follow_up" */
        Answer answer(int position, String kind, String question);
    }

    public record Answer(String text, byte[] wav) {
        public static Answer typed(String text) {
            return new Answer(text, null);
        }

        public static Answer spoken(byte[] wav) {
            return new Answer(null, wav);
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI api;
    private final String token;

    public CandidateDriver(URI api, String link) {
        this.api = api;
        this.token = link.substring(link.indexOf('#') + 1);
    }

    public String token() {
        return token;
    }

    /** Answers until the interview is done or {@code stopAfter} answers were given (a drop-off); returns answers given. */
    public int run(Answers answers, int stopAfter, Duration timeout) {
        JsonNode session = call("GET", "", null);
        if (!session.path("consented").asBoolean()) {
            // the notice the page showed, in the plan's language: its version names the wording the candidate agreed to
            call("POST", "/consent", Map.of("noticeVersion", session.path("notice").path("version").asText()));
        }
        Instant deadline = Instant.now().plus(timeout);
        int given = 0;
        while (Instant.now().isBefore(deadline)) {
            JsonNode step = call("GET", "/question", null);
            switch (step.path("status").asText()) {
                case "done" -> {
                    return given;
                }
                case "processing" -> pause(Duration.ofMillis(300));
                default -> {
                    if (given >= stopAfter) {
                        return given;
                    }
                    Answer answer = answers.answer(step.path("position").asInt(), step.path("kind").asText(),
                            step.path("text").asText());
                    String answerId = step.path("answerId").asText();
                    if (answer.wav() != null) {
                        upload(answerId, answer.wav());
                        call("POST", "/answers/" + answerId, Map.of("mode", "recording"));
                    } else {
                        call("POST", "/answers/" + answerId, Map.of("mode", "typed", "text", answer.text()));
                    }
                    given++;
                }
            }
        }
        throw new IllegalStateException("the interview did not finish within " + timeout);
    }

    private void upload(String answerId, byte[] wav) {
        JsonNode ticket = call("POST", "/answers/" + answerId + "/upload-url",
                Map.of("contentType", "audio/wav", "contentLength", wav.length));
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(ticket.path("url").asText()));
        ticket.path("headers").fields().forEachRemaining(h -> put.header(h.getKey(), h.getValue().asText()));
        send(put.PUT(HttpRequest.BodyPublishers.ofByteArray(wav)).build());
    }

    private JsonNode call(String method, String path, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.resolve("/sessions/" + token + path))
                .timeout(Duration.ofSeconds(30));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(Json.write(body)));
        return Json.read(send(request.build()), JsonNode.class);
    }

    private static String send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(request.method() + " " + request.uri().getPath().replaceAll(
                        "/sessions/[^/]+", "/sessions/…") + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

}
