package dev.prescreen.local.runtime;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.prescreen.api.Access;
import dev.prescreen.api.ApiRoutes;
import dev.prescreen.api.Route;
import dev.prescreen.json.Json;
import dev.prescreen.observability.Log;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The HTTP API locally: maps each request to an API Gateway HTTP API payload 2.0 event for the function
 * that owns the route, verifies recruiter JWTs like the JWT authorizer, and maps the handler's response
 * back. Also serves {@code /health} and static pages.
 */
final class LocalApiGateway implements AutoCloseable {

    /** API Gateway's payload limit. */
    static final int MAX_BODY_BYTES = 10 * 1024 * 1024;
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH);

    private final HttpServer server;
    private final ExecutorService executor;
    private final FunctionHost host;
    private final LocalJwt jwt;
    private final Map<String, Path> staticRoots;

    LocalApiGateway(int port, FunctionHost host, LocalJwt jwt, Map<String, Path> staticRoots) throws IOException {
        this.host = host;
        this.jwt = jwt;
        this.staticRoots = new LinkedHashMap<>(staticRoots);
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        this.executor = Executors.newFixedThreadPool(16, runnable -> {
            Thread thread = new Thread(runnable, "api");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::serve);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void serve(HttpExchange exchange) {
        try {
            route(exchange);
        } catch (MalformedRequest e) {
            problem(exchange, 400, "Bad Request", e.field, e.reason);
        } catch (IOException e) {
            Log.warn("api.connection_error", Map.of("errorType", e.getClass().getSimpleName()));
        } catch (RuntimeException e) {
            // whatever the request was, the caller hears what was wrong with it, never an empty reply
            Log.warn("api.malformed_request", Map.of("errorType", e.getClass().getSimpleName()));
            problem(exchange, 400, "Bad Request", "request", "cannot be read");
        } finally {
            exchange.close();
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        if (path.equals("/health") && method.equals("GET")) {
            send(exchange, 200, "application/json", "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8), Map.of());
            return;
        }
        Optional<Path> file = staticFile(path);
        if (file.isPresent() && method.equals("GET")) {
            send(exchange, 200, contentType(file.get()), Files.readAllBytes(file.get()), Map.of());
            return;
        }
        byte[] body = readBody(exchange.getRequestBody());
        if (body == null) {
            problem(exchange, 413, "Content Too Large", "body", "is larger than " + MAX_BODY_BYTES + " bytes");
            return;
        }
        Optional<Match> match = match(method, path);
        if (match.isEmpty()) {
            sendJson(exchange, 404, "{\"message\":\"Not Found\"}");
            return;
        }
        Route route = match.get().route();
        Map<String, String> claims = Map.of();
        if (route.access() == Access.RECRUITER) {
            Optional<Map<String, String>> verified = bearer(exchange).flatMap(jwt::verify);
            if (verified.isEmpty()) {
                sendJson(exchange, 401, "{\"message\":\"Unauthorized\"}");
                return;
            }
            claims = verified.get();
        }
        APIGatewayV2HTTPEvent event = event(exchange, route, match.get().pathParameters(), body, claims);
        APIGatewayV2HTTPResponse response;
        try {
            response = host.invoke(route.function(), event);
        } catch (RuntimeException e) {
            Log.error("api.invocation_failed", Map.of("route", route.routeKey()), e);
            sendJson(exchange, 500, "{\"message\":\"Internal Server Error\"}");
            return;
        }
        respond(exchange, response);
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

    private static void problem(HttpExchange exchange, int status, String title, String field, String reason) {
        try {
            send(exchange, status, "application/problem+json", Json.write(Map.of("type", "about:blank", "title", title,
                    "status", status, "detail", field + " " + reason,
                    "errors", List.of(Map.of("field", field, "reason", reason)))).getBytes(StandardCharsets.UTF_8),
                    Map.of());
        } catch (IOException | RuntimeException e) {
            Log.warn("api.connection_error", Map.of("errorType", e.getClass().getSimpleName()));
        }
    }

    private Optional<Path> staticFile(String path) {
        for (Map.Entry<String, Path> root : staticRoots.entrySet()) {
            if (path.startsWith(root.getKey())) {
                String relative = URLDecoder.decode(path.substring(root.getKey().length()), StandardCharsets.UTF_8);
                if (relative.indexOf('\0') >= 0 || relative.chars().anyMatch(Character::isISOControl)) {
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

    private static boolean validUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(body));
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }

    private static byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        return body.length > MAX_BODY_BYTES ? null : body;
    }

    private static Optional<String> bearer(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        return Optional.of(header.substring(7).trim());
    }

    record Match(Route route, Map<String, String> pathParameters, int literalSegments) {
    }

    /** API Gateway prefers the most specific route: the one with the most literal segments. */
    static Optional<Match> match(String method, String rawPath) {
        String[] segments = rawPath.substring(1).split("/", -1);
        Match best = null;
        for (Route route : ApiRoutes.all()) {
            if (!route.method().equals(method)) {
                continue;
            }
            List<String> template = route.segments();
            if (template.size() != segments.length) {
                continue;
            }
            Map<String, String> parameters = new HashMap<>();
            int literals = 0;
            boolean matches = true;
            for (int i = 0; i < segments.length && matches; i++) {
                String part = template.get(i);
                String actual = URLDecoder.decode(segments[i], StandardCharsets.UTF_8);
                if (part.startsWith("{") && part.endsWith("}")) {
                    matches = !actual.isEmpty();
                    parameters.put(part.substring(1, part.length() - 1), actual);
                } else if (part.equals(actual)) {
                    literals++;
                } else {
                    matches = false;
                }
            }
            if (matches && (best == null || literals > best.literalSegments())) {
                best = new Match(route, parameters, literals);
            }
        }
        return Optional.ofNullable(best);
    }

    private static APIGatewayV2HTTPEvent event(HttpExchange exchange, Route route, Map<String, String> pathParameters,
            byte[] body, Map<String, String> claims) {
        Map<String, String> headers = new HashMap<>();
        List<String> cookies = new ArrayList<>();
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (name.equalsIgnoreCase("cookie")) {
                values.forEach(v -> cookies.addAll(List.of(v.split(";\\s*"))));
            } else {
                headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values));
            }
        });
        String rawQuery = Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse("");
        Map<String, String> query = new HashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            query.merge(name, value, (a, b) -> a + "," + b);
        }
        String contentType = headers.getOrDefault("content-type", "");
        // A body that is not valid UTF-8 travels base64-encoded, as API Gateway sends binary bodies, so the function
        // refuses it instead of reading replacement marks.
        boolean text = body.length == 0 || ((contentType.startsWith("text/") || contentType.contains("json")
                || contentType.contains("xml") || contentType.contains("x-www-form-urlencoded")) && validUtf8(body));
        APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer = claims.isEmpty() ? null
                : APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                        .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                                .withClaims(claims).withScopes(List.of()).build())
                        .build();
        String sourceIp = exchange.getRemoteAddress().getAddress().getHostAddress();
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(route.routeKey())
                .withRawPath(exchange.getRequestURI().getRawPath())
                .withRawQueryString(rawQuery)
                .withCookies(cookies.isEmpty() ? null : cookies)
                .withHeaders(headers)
                .withQueryStringParameters(query.isEmpty() ? null : query)
                .withPathParameters(pathParameters.isEmpty() ? null : pathParameters)
                .withBody(body.length == 0 ? null
                        : text ? new String(body, StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(body))
                .withIsBase64Encoded(!text)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRouteKey(route.routeKey())
                        .withAccountId("000000000000")
                        .withApiId("local")
                        .withStage("$default")
                        .withDomainName(headers.getOrDefault("host", "127.0.0.1"))
                        .withRequestId(UUID.randomUUID().toString())
                        .withTime(REQUEST_TIME.format(now))
                        .withTimeEpoch(now.toInstant().toEpochMilli())
                        .withAuthorizer(authorizer)
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod(exchange.getRequestMethod().toUpperCase(Locale.ROOT))
                                .withPath(exchange.getRequestURI().getRawPath())
                                .withProtocol(exchange.getProtocol())
                                .withSourceIp(sourceIp)
                                .withUserAgent(headers.getOrDefault("user-agent", ""))
                                .build())
                        .build())
                .build();
    }

    private static void respond(HttpExchange exchange, APIGatewayV2HTTPResponse response) throws IOException {
        Map<String, String> headers = response.getHeaders() == null ? Map.of() : response.getHeaders();
        if (response.getCookies() != null) {
            response.getCookies().forEach(cookie -> exchange.getResponseHeaders().add("Set-Cookie", cookie));
        }
        byte[] body = response.getBody() == null ? new byte[0]
                : response.getIsBase64Encoded() ? Base64.getDecoder().decode(response.getBody())
                : response.getBody().getBytes(StandardCharsets.UTF_8);
        String contentType = headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase("content-type")).map(Map.Entry::getValue)
                .findFirst().orElse("application/json");
        Map<String, String> others = new HashMap<>(headers);
        others.keySet().removeIf(name -> name.equalsIgnoreCase("content-type"));
        send(exchange, response.getStatusCode(), contentType, body, others);
    }

    private static void sendJson(HttpExchange exchange, int status, String json) throws IOException {
        send(exchange, status, "application/json", json.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body,
            Map<String, String> headers) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        boolean empty = body.length == 0 || status == 204 || exchange.getRequestMethod().equalsIgnoreCase("HEAD");
        exchange.sendResponseHeaders(status, empty ? -1 : body.length);
        if (!empty) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
