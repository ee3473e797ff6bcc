package dev.prescreen.storage;

import dev.prescreen.json.Json;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Domain objects stored as a JSON document plus a revision number: the one way every repository writes
 * and reads items, with the conditional writes that make each change happen once.
 */
final class DynamoItems {

    private final DynamoDbClient dynamo;
    private final String table;

    DynamoItems(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(Keys.PK, AttributeValue.fromS(pk), Keys.SK, AttributeValue.fromS(sk));
    }

    static Map<String, AttributeValue> item(String pk, String sk, Object document, long revision) {
        Map<String, AttributeValue> item = new HashMap<>(key(pk, sk));
        item.put(Keys.DOC, AttributeValue.fromS(Json.write(document)));
        item.put(Keys.REVISION, AttributeValue.fromN(Long.toString(revision)));
        return item;
    }

    static <T> T document(Map<String, AttributeValue> item, Class<T> type) {
        return Json.read(item.get(Keys.DOC).s(), type);
    }

    /** Puts the item if nothing has its key yet. */
    boolean putNew(Map<String, AttributeValue> item) {
        try {
            dynamo.putItem(r -> r.tableName(table).item(item).conditionExpression("attribute_not_exists(#pk)")
                    .expressionAttributeNames(Map.of("#pk", Keys.PK)));
            return true;
        } catch (ConditionalCheckFailedException exists) {
            return false;
        }
    }

    /** Puts the item if the stored one still has the expected revision. */
    boolean putIfRevision(Map<String, AttributeValue> item, long expectedRevision) {
        try {
            dynamo.putItem(r -> r.tableName(table).item(item)
                    .conditionExpression("#revision = :expected")
                    .expressionAttributeNames(Map.of("#revision", Keys.REVISION))
                    .expressionAttributeValues(Map.of(":expected", AttributeValue.fromN(Long.toString(expectedRevision)))));
            return true;
        } catch (ConditionalCheckFailedException changed) {
            return false;
        }
    }

    java.util.Optional<Map<String, AttributeValue>> get(String pk, String sk) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).consistentRead(true).key(key(pk, sk)))
                .item();
        return item == null || item.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(item);
    }

    /** Every item a query returns, page after page. */
    java.util.List<Map<String, AttributeValue>> queryAll(software.amazon.awssdk.services.dynamodb.model.QueryRequest first) {
        java.util.List<Map<String, AttributeValue>> all = new java.util.ArrayList<>();
        software.amazon.awssdk.services.dynamodb.model.QueryRequest request = first;
        while (true) {
            var page = dynamo.query(request);
            all.addAll(page.items());
            if (page.lastEvaluatedKey().isEmpty()) {
                return all;
            }
            request = request.toBuilder().exclusiveStartKey(page.lastEvaluatedKey()).build();
        }
    }

    DynamoDbClient client() {
        return dynamo;
    }

    String table() {
        return table;
    }
}
