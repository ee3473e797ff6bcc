package dev.prescreen.storage;

import dev.prescreen.domain.report.UsageMeter;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** Usage events in one partition per organisation and month ({@code ORG#org#USAGE#2026-11}), one item per event. */
public final class DynamoUsageMeter implements UsageMeter {

    private final DynamoItems items;

    public DynamoUsageMeter(DynamoDbClient dynamo, String table) {
        this.items = new DynamoItems(dynamo, table);
    }

    private static String partition(String organisation, YearMonth month) {
        return Keys.organisation(organisation) + "#USAGE#" + month;
    }

    @Override
    public void record(String organisation, YearMonth month, String eventId, Map<String, Double> amounts) {
        items.putNew(DynamoItems.item(partition(organisation, month), eventId, amounts, 1));
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Double> totals(String organisation, YearMonth month) {
        Map<String, Double> totals = new TreeMap<>();
        QueryRequest request = QueryRequest.builder().tableName(items.table())
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", Keys.PK))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(partition(organisation, month))))
                .build();
        while (true) {
            QueryResponse page = items.client().query(request);
            for (Map<String, AttributeValue> item : page.items()) {
                Map<String, Object> amounts = DynamoItems.document(item, HashMap.class);
                amounts.forEach((name, value) -> totals.merge(name, ((Number) value).doubleValue(), Double::sum));
            }
            if (page.lastEvaluatedKey().isEmpty()) {
                return totals;
            }
            request = request.toBuilder().exclusiveStartKey(page.lastEvaluatedKey()).build();
        }
    }
}
