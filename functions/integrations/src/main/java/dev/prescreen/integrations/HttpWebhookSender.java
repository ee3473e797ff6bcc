package dev.prescreen.integrations;

import dev.prescreen.domain.webhook.WebhookDeliveries;
import dev.prescreen.domain.webhook.WebhookPorts;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Sends a delivery with the JDK's HTTP client: redirects are not followed (a redirect could lead inside the
 * network), the whole exchange is bounded by the timeout, and only the answer's first kilobyte is read.
 */
final class HttpWebhookSender implements WebhookPorts.Sender {

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(WebhookDeliveries.TIMEOUT).build();

    @Override
    public WebhookPorts.Response send(String method, String url, Map<String, String> headers, String body,
            Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        request.header("User-Agent", "prescreen-webhooks/1");
        try {
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            String prefix;
            try (InputStream in = response.body()) {
                prefix = new String(in.readNBytes(WebhookDeliveries.RESPONSE_KEPT), StandardCharsets.UTF_8);
            }
            return new WebhookPorts.Response(response.statusCode(), prefix,
                    response.headers().firstValue("retry-after"), null);
        } catch (HttpTimeoutException e) {
            return new WebhookPorts.Response(null, null, Optional.empty(), "timed out after "
                    + timeout.toSeconds() + " s");
        } catch (IOException e) {
            return new WebhookPorts.Response(null, null, Optional.empty(), "no answer: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new WebhookPorts.Response(null, null, Optional.empty(), "interrupted");
        }
    }
}
