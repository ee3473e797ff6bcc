package dev.prescreen.local.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import dev.prescreen.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The mail the local SES has "sent", read from aws-ses-v2-local's store, as a candidate or recruiter reads it. */
public final class LocalMailbox {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern LINK = Pattern.compile("https?://\\S+/interview/#[A-Za-z0-9_-]{43}");

    private final URI endpoint;

    public LocalMailbox(URI sesEndpoint) {
        this.endpoint = sesEndpoint;
    }

    /** One sent email. */
    public record Email(String messageId, String from, List<String> to, String subject, String html, String text) {

        /** The personal interview link in the email, if it has one. */
        public Optional<String> interviewLink() {
            Matcher matcher = LINK.matcher(text == null ? "" : text);
            return matcher.find() ? Optional.of(matcher.group()) : Optional.empty();
        }
    }

    public List<Email> all() {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(endpoint.resolve("/store")).build(),
                    HttpResponse.BodyHandlers.ofString());
            List<Email> emails = new ArrayList<>();
            for (JsonNode email : Json.read(response.body(), JsonNode.class).path("emails")) {
                List<String> to = new ArrayList<>();
                email.path("destination").path("to").forEach(address -> to.add(address.asText()));
                emails.add(new Email(email.path("messageId").asText(), email.path("from").asText(), to,
                        email.path("subject").asText(), email.path("body").path("html").asText(null),
                        email.path("body").path("text").asText(null)));
            }
            return emails;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public List<Email> to(String address) {
        return all().stream().filter(email -> email.to().stream().anyMatch(address::equalsIgnoreCase)).toList();
    }
}
