package dev.prescreen.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.prescreen.domain.FieldError;
import dev.prescreen.json.Json;
import java.util.List;
import java.util.Map;

/** HTTP responses in the API's conventions: JSON bodies, errors as RFC 9457 problem details. */
public final class ApiResponses {

    public static final String PROBLEM_JSON = "application/problem+json";

    private ApiResponses() {
    }

    public static APIGatewayV2HTTPResponse json(int status, Object body) {
        return response(status, "application/json", Json.write(body), Map.of());
    }

    public static APIGatewayV2HTTPResponse created(Object body, String location) {
        return response(201, "application/json", Json.write(body), Map.of("Location", location));
    }

    public static APIGatewayV2HTTPResponse noContent() {
        return APIGatewayV2HTTPResponse.builder().withStatusCode(204).withHeaders(Map.of()).build();
    }

    /**
     * A whole HTML document written by the server (everything in it escaped): no script may run in it and it may
     * load nothing but its own inline style.
     */
    public static APIGatewayV2HTTPResponse html(int status, String document) {
        return text(status, "text/html; charset=utf-8", document, Map.of("Content-Security-Policy",
                "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'"));
    }

    public static APIGatewayV2HTTPResponse text(int status, String contentType, String body, Map<String, String> headers) {
        return response(status, contentType, body, headers);
    }

    /** A problem detail: {@code type}, {@code title}, {@code status}, {@code detail} and the {@code errors} list. */
    public static APIGatewayV2HTTPResponse problem(int status, String title, String detail, List<FieldError> errors) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        if (detail != null) {
            body.put("detail", detail);
        }
        ArrayNode list = body.putArray("errors");
        for (FieldError error : errors) {
            list.addObject().put("field", error.field()).put("reason", error.reason());
        }
        return response(status, PROBLEM_JSON, body.toString(), Map.of());
    }

    private static APIGatewayV2HTTPResponse response(int status, String contentType, String body,
            Map<String, String> extraHeaders) {
        Map<String, String> headers = new java.util.HashMap<>(extraHeaders);
        headers.put("Content-Type", contentType);
        headers.put("Cache-Control", "no-store");
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(headers)
                .withBody(body)
                .withIsBase64Encoded(false)
                .build();
    }
}
