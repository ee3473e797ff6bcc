package dev.prescreen.local.runtime;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.prescreen.api.ApiRoutes;
import dev.prescreen.api.Route;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** API Gateway's side of a local request: which route it matches, and the HTTP API payload 2.0 event it becomes. */
final class GatewayEvents {

    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH);

    /** One HTTP request as the gateway received it, whatever server received it. */
    record Request(String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body,
                   String sourceIp, String protocol) {

        Optional<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst();
        }
    }

    record Match(Route route, Map<String, String> pathParameters, int literalSegments) {
    }

    private GatewayEvents() {
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

    static APIGatewayV2HTTPEvent event(Request request, Match match, Map<String, String> claims) {
        Map<String, String> headers = new HashMap<>();
        List<String> cookies = new ArrayList<>();
        request.headers().forEach((name, values) -> {
            if (name.equalsIgnoreCase("cookie")) {
                values.forEach(v -> cookies.addAll(List.of(v.split(";\\s*"))));
            } else {
                headers.merge(name.toLowerCase(Locale.ROOT), String.join(",", values), (a, b) -> a + "," + b);
            }
        });
        String rawQuery = request.rawQuery() == null ? "" : request.rawQuery();
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
        byte[] body = request.body();
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
        Route route = match.route();
        Map<String, String> pathParameters = match.pathParameters();
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(route.routeKey())
                .withRawPath(request.rawPath())
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
                                .withMethod(request.method())
                                .withPath(request.rawPath())
                                .withProtocol(request.protocol())
                                .withSourceIp(request.sourceIp())
                                .withUserAgent(headers.getOrDefault("user-agent", ""))
                                .build())
                        .build())
                .build();
    }

    static boolean validUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
