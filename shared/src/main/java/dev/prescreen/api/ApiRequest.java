package dev.prescreen.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.prescreen.domain.DomainException;
import dev.prescreen.domain.FieldError;
import dev.prescreen.json.Json;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** An API Gateway HTTP API (payload 2.0) request, read the way every handler reads it. */
public final class ApiRequest {

    /** Larger bodies are refused before parsing. */
    public static final int MAX_JSON_BODY_BYTES = 256 * 1024;

    private final APIGatewayV2HTTPEvent event;

    public ApiRequest(APIGatewayV2HTTPEvent event) {
        this.event = event;
    }

    public String routeKey() {
        return event.getRouteKey();
    }

    public String method() {
        return event.getRequestContext() == null || event.getRequestContext().getHttp() == null
                ? ""
                : event.getRequestContext().getHttp().getMethod();
    }

    public String requestId() {
        return event.getRequestContext() == null ? "" : event.getRequestContext().getRequestId();
    }

    public String pathParameter(String name) {
        Map<String, String> parameters = event.getPathParameters();
        String value = parameters == null ? null : parameters.get(name);
        if (value == null || value.isBlank()) {
            throw new DomainException.InvalidInput(name, "is required in the path");
        }
        return value;
    }

    public Optional<String> query(String name) {
        Map<String, String> parameters = event.getQueryStringParameters();
        return Optional.ofNullable(parameters == null ? null : parameters.get(name)).filter(v -> !v.isBlank());
    }

    public Optional<String> header(String name) {
        Map<String, String> headers = event.getHeaders();
        if (headers == null) {
            return Optional.empty();
        }
        String wanted = name.toLowerCase(Locale.ROOT);
        return headers.entrySet().stream()
                .filter(e -> e.getKey().toLowerCase(Locale.ROOT).equals(wanted))
                .map(Map.Entry::getValue)
                .findFirst();
    }

    /** The media type of the body, without parameters, lower case. */
    public String contentType() {
        return header("content-type").map(v -> v.split(";")[0].trim().toLowerCase(Locale.ROOT)).orElse("");
    }

    /** The body as text; a base64 body that is not valid UTF-8 is refused, never patched with replacement marks. */
    public String body() {
        String body = event.getBody();
        if (body == null) {
            return "";
        }
        if (!event.getIsBase64Encoded()) {
            return body;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Base64.getDecoder().decode(body))).toString();
        } catch (CharacterCodingException | IllegalArgumentException e) {
            throw new DomainException.InvalidInput("body", "is not valid UTF-8");
        }
    }

    /** The JWT claims the authorizer verified. */
    public Map<String, String> claims() {
        var context = event.getRequestContext();
        if (context == null || context.getAuthorizer() == null || context.getAuthorizer().getJwt() == null
                || context.getAuthorizer().getJwt().getClaims() == null) {
            return Map.of();
        }
        return context.getAuthorizer().getJwt().getClaims();
    }

    /**
     * The caller's organisation. The JWT authorizer has verified the token; one that names no organisation says
     * nothing of whose data the caller may see: 401.
     */
    public String organisation() {
        String organisation = claims().get(Claims.ORGANISATION);
        if (organisation == null || organisation.isBlank() || organisation.equals("null")) {
            throw new DomainException.Unauthorized("authorization", "the token carries no organisation claim");
        }
        if (organisation.equals(dev.prescreen.lambda.Priming.ORGANISATION) && !fromPriming()) {
            // priming reads ids that do not exist in this organisation; no recruiter may ever make them exist
            throw new DomainException.Unauthorized("authorization", "the organisation is reserved");
        }
        return organisation;
    }

    /** A function's own priming request: API Gateway sets every real request's id, so none can carry priming's. */
    private boolean fromPriming() {
        return event.getRequestContext() != null && event.getRequestContext().getRequestId() != null
                && event.getRequestContext().getRequestId().startsWith(dev.prescreen.lambda.Priming.ORGANISATION + "-");
    }

    /** Who acts, for the audit trail: the recruiter's subject id (never their address). */
    public String actor() {
        return claims().get(Claims.SUBJECT);
    }

    /**
     * Reads the JSON body into a request type, rejecting unknown fields and wrong types, each reported with
     * the field it concerns.
     */
    public <T> T json(Class<T> type) {
        return json(type, MAX_JSON_BODY_BYTES);
    }

    /** As {@link #json(Class)}, for bodies that may be larger (a batch of up to 10,000 candidates). */
    public <T> T json(Class<T> type, int maxBytes) {
        String body = body();
        if (body.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
            throw new DomainException.InvalidInput("body", "is larger than " + maxBytes + " bytes");
        }
        if (body.isBlank()) {
            throw new DomainException.InvalidInput("body", "a JSON object is required");
        }
        if (!contentType().equals("application/json") && !contentType().endsWith("+json")) {
            throw new DomainException.InvalidInput("content-type", contentType().isEmpty()
                    ? "is required: application/json" : "must be application/json");
        }
        JsonNode tree;
        try {
            tree = Json.strict().readTree(body);
        } catch (JsonProcessingException e) {
            throw syntax(e);
        }
        if (tree == null || !tree.isObject()) {
            throw new DomainException.InvalidInput("body", "must be a JSON object");
        }
        StrictText.requireWellFormed(tree, "");
        try {
            return Json.strict().treeToValue(tree, type);
        } catch (UnrecognizedPropertyException e) {
            throw new DomainException.InvalidInput(path(e), "is not a known field");
        } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
            String field = path(e).isEmpty() ? "body" : path(e);
            String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
            throw new DomainException.InvalidInput(field, message.contains("out of range")
                    || message.contains("Infinity") ? "is out of range" : "has the wrong type (values are not converted)");
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new DomainException.InvalidInput("body", "has a value that cannot be read");
        }
    }

    private static DomainException.InvalidInput syntax(JsonProcessingException e) {
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        java.util.regex.Matcher duplicate = java.util.regex.Pattern.compile("Duplicate field '([^']*)'").matcher(message);
        if (duplicate.find()) {
            return new DomainException.InvalidInput(duplicate.group(1), "appears more than once");
        }
        return new DomainException.InvalidInput("body", "is not valid JSON (line "
                + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + "; one JSON object, nothing after it)");
    }

    private static String path(com.fasterxml.jackson.databind.JsonMappingException e) {
        return e.getPath().stream()
                .map(reference -> reference.getFieldName() != null
                        ? reference.getFieldName()
                        : Integer.toString(reference.getIndex()))
                .collect(Collectors.joining("."));
    }
}
