package dev.prescreen.local.runtime;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.prescreen.api.Access;
import dev.prescreen.json.Json;
import dev.prescreen.observability.Log;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The HTTP API locally: maps each request to an API Gateway HTTP API payload 2.0 event for the function that owns
 * the route ({@link GatewayEvents}), verifies recruiter JWTs like the JWT authorizer, and maps the handler's response
 * back. Also serves {@code /health} and static pages. On Jetty, whose error handler lets every request it cannot
 * parse (a malformed escape, a bad request line, an oversized header) be answered with problem+json too.
 */
final class LocalApiGateway implements AutoCloseable {

    /** API Gateway's payload limit. */
    static final int MAX_BODY_BYTES = 10 * 1024 * 1024;
    private static final int THREADS = 16;

    private final Server server;
    private final FunctionHost host;
    private final LocalJwt jwt;
    private final Map<String, Path> staticRoots;

    LocalApiGateway(int port, FunctionHost host, LocalJwt jwt, Map<String, Path> staticRoots) throws IOException {
        this.host = host;
        this.jwt = jwt;
        this.staticRoots = new LinkedHashMap<>(staticRoots);
        QueuedThreadPool threads = new QueuedThreadPool(THREADS, 2);
        threads.setName("api");
        threads.setDaemon(true);
        this.server = new Server(threads);
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                serve(request, response, callback);
                return true;
            }
        });
        server.setErrorHandler(new ErrorHandler() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                int status = response.getStatus() >= 400 ? response.getStatus() : 400;
                Object message = request.getAttribute(ERROR_MESSAGE);
                LocalApiGateway.write(response, callback, problem(status, "request", message == null ? "cannot be read"
                        : "cannot be read: " + message));
                return true;
            }
        });
        try {
            server.start();
        } catch (Exception e) {
            throw new IOException("cannot start the local API on port " + port, e);
        }
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort());
    }

    /** A response the gateway sends itself. */
    private record Reply(int status, String contentType, byte[] body, Map<String, String> headers, List<String> cookies) {
    }

    private void serve(Request request, Response response, Callback callback) {
        Reply reply;
        try {
            reply = route(request);
        } catch (MalformedRequest e) {
            reply = problem(400, e.field, e.reason);
        } catch (IOException | RuntimeException e) {
            // whatever the request was, the caller hears what was wrong with it, never an empty reply
            Log.warn("api.malformed_request", Map.of("errorType", e.getClass().getSimpleName()));
            reply = problem(400, "request", "cannot be read");
        }
        write(response, callback, reply);
    }

    private Reply route(Request request) throws IOException {
        String path = request.getHttpURI().getPath();
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        if (path.equals("/health") && method.equals("GET")) {
            return json(200, "{\"status\":\"ok\"}");
        }
        Optional<Path> file = staticFile(path);
        if (file.isPresent() && method.equals("GET")) {
            return new Reply(200, contentType(file.get()), Files.readAllBytes(file.get()), Map.of(), List.of());
        }
        byte[] body = readBody(Content.Source.asInputStream(request));
        if (body == null) {
            return problem(413, "body", "is larger than " + MAX_BODY_BYTES + " bytes");
        }
        Optional<GatewayEvents.Match> match = GatewayEvents.match(method, path);
        if (match.isEmpty()) {
            return json(404, "{\"message\":\"Not Found\"}");
        }
        Map<String, String> claims = Map.of();
        if (match.get().route().access() == Access.RECRUITER) {
            Optional<Map<String, String>> verified = bearer(request).flatMap(jwt::verify);
            if (verified.isEmpty()) {
                return json(401, "{\"message\":\"Unauthorized\"}");
            }
            claims = verified.get();
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpField field : request.getHeaders()) {
            headers.computeIfAbsent(field.getName(), k -> new ArrayList<>()).add(field.getValue());
        }
        GatewayEvents.Request received = new GatewayEvents.Request(method, path, request.getHttpURI().getQuery(),
                headers, body, Request.getRemoteAddr(request), request.getConnectionMetaData().getProtocol());
        APIGatewayV2HTTPEvent event = GatewayEvents.event(received, match.get(), claims);
        APIGatewayV2HTTPResponse response;
        try {
            response = host.invoke(match.get().route().function(), event);
        } catch (RuntimeException e) {
            Log.error("api.invocation_failed", Map.of("route", match.get().route().routeKey()), e);
            return json(500, "{\"message\":\"Internal Server Error\"}");
        }
        return reply(response);
    }

    private Optional<Path> staticFile(String path) {
        for (Map.Entry<String, Path> root : staticRoots.entrySet()) {
            if (path.startsWith(root.getKey())) {
                String relative = URLDecoder.decode(path.substring(root.getKey().length()), StandardCharsets.UTF_8);
                if (relative.chars().anyMatch(Character::isISOControl)) {
                    throw new MalformedRequest("path", "contains a control character");
                }
                if (relative.isEmpty() || relative.endsWith("/")) {
                    relative += "index.html";
                }
                Path base = root.getValue().toAbsolutePath().normalize();
                Path candidate = base.resolve(relative.replaceFirst("^/+", "")).normalize();
                if (candidate.startsWith(base) && Files.isRegularFile(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    private static String contentType(Path file) {
        String name = file.getFileName().toString();
        if (name.endsWith(".html")) {
            return "text/html; charset=utf-8";
        }
        if (name.endsWith(".js")) {
            return "text/javascript; charset=utf-8";
        }
        if (name.endsWith(".css")) {
            return "text/css; charset=utf-8";
        }
        if (name.endsWith(".json") || name.endsWith(".yaml")) {
            return name.endsWith(".json") ? "application/json" : "application/yaml";
        }
        return "application/octet-stream";
    }

    private static byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        return body.length > MAX_BODY_BYTES ? null : body;
    }

    private static Optional<String> bearer(Request request) {
        String header = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        return Optional.of(header.substring(7).trim());
    }

    /** A request the gateway itself refuses before any function sees it. */
    private static final class MalformedRequest extends RuntimeException {
        private final String field;
        private final String reason;

        MalformedRequest(String field, String reason) {
            super(field + " " + reason, null, false, false);
            this.field = field;
            this.reason = reason;
        }
    }

    private static Reply problem(int status, String field, String reason) {
        String title = switch (status) {
            case 413 -> "Content Too Large";
            case 431 -> "Request Header Fields Too Large";
            default -> status >= 500 ? "Internal Server Error" : "Bad Request";
        };
        String body = Json.write(Map.of("type", "about:blank", "title", title, "status", status,
                "detail", field + " " + reason, "errors", List.of(Map.of("field", field, "reason", reason))));
        return new Reply(status, "application/problem+json", body.getBytes(StandardCharsets.UTF_8), Map.of(), List.of());
    }

    private static Reply json(int status, String json) {
        return new Reply(status, "application/json", json.getBytes(StandardCharsets.UTF_8), Map.of(), List.of());
    }

    private static Reply reply(APIGatewayV2HTTPResponse response) {
        Map<String, String> headers = new LinkedHashMap<>(response.getHeaders() == null ? Map.of() : response.getHeaders());
        byte[] body = response.getBody() == null ? new byte[0]
                : response.getIsBase64Encoded() ? Base64.getDecoder().decode(response.getBody())
                : response.getBody().getBytes(StandardCharsets.UTF_8);
        String contentType = headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase("content-type")).map(Map.Entry::getValue)
                .findFirst().orElse("application/json");
        headers.keySet().removeIf(name -> name.equalsIgnoreCase("content-type"));
        return new Reply(response.getStatusCode(), contentType, body, headers,
                response.getCookies() == null ? List.of() : response.getCookies());
    }

    private static void write(Response response, Callback callback, Reply reply) {
        response.setStatus(reply.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, reply.contentType());
        reply.headers().forEach((name, value) -> response.getHeaders().put(name, value));
        reply.cookies().forEach(cookie -> response.getHeaders().add(HttpHeader.SET_COOKIE, cookie));
        boolean empty = reply.body().length == 0 || reply.status() == 204;
        if (empty) {
            callback.succeeded();
            return;
        }
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, reply.body().length);
        response.write(true, ByteBuffer.wrap(reply.body()), callback);
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            Log.warn("api.stop_failed", Map.of("errorType", e.getClass().getSimpleName()));
        }
    }
}
