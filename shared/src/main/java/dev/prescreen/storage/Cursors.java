package dev.prescreen.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.prescreen.domain.DomainException;
import dev.prescreen.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Opaque pagination cursors: DynamoDB's last evaluated key, base64url-encoded. A cursor is checked
 * against the caller's partition on the way back in, so it can never open another organisation's data.
 */
public final class Cursors {

    private Cursors() {
    }

    public static Optional<String> encode(Map<String, AttributeValue> lastKey) {
        if (lastKey == null || lastKey.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode node = Json.mapper().createObjectNode();
        lastKey.forEach((name, value) -> node.put(name, value.s()));
        return Optional.of(Base64.getUrlEncoder().withoutPadding()
                .encodeToString(node.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** The start key for the next page, or null for the first page. */
    public static Map<String, AttributeValue> decode(String cursor, String partitionAttribute, String expectedPartition) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            JsonNode node = Json.mapper().readTree(Base64.getUrlDecoder().decode(cursor));
            if (node == null || !node.isObject() || !expectedPartition.equals(node.path(partitionAttribute).asText())) {
                throw invalid();
            }
            Map<String, AttributeValue> key = new HashMap<>();
            node.fields().forEachRemaining(e -> key.put(e.getKey(), AttributeValue.fromS(e.getValue().asText())));
            return key;
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw invalid();
        }
    }

    private static DomainException.InvalidInput invalid() {
        return new DomainException.InvalidInput("cursor", "is not a cursor from this listing");
    }
}
