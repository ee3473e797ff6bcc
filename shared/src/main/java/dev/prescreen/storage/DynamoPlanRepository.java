package dev.prescreen.storage;

import dev.prescreen.domain.Page;
import dev.prescreen.domain.plan.Plan;
import dev.prescreen.domain.plan.PlanRepository;
import dev.prescreen.json.Json;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Plans in the main table: {@code pk = ORG#org}, {@code sk = PLAN#id}, the plan as a JSON document and
 * its revision as a number for optimistic concurrency.
 */
public final class DynamoPlanRepository implements PlanRepository {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoPlanRepository(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public void create(Plan plan) {
        dynamo.putItem(r -> r.tableName(table).item(item(plan))
                .conditionExpression("attribute_not_exists(" + Keys.PK + ")"));
    }

    @Override
    public Optional<Plan> find(String organisation, String planId) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).consistentRead(true)
                .key(key(organisation, planId))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(plan(item));
    }

    @Override
    public Page<Plan> list(String organisation, int limit, String cursor) {
        String partition = Keys.organisation(organisation);
        QueryResponse response = dynamo.query(r -> r.tableName(table)
                .keyConditionExpression("#pk = :pk and begins_with(#sk, :plan)")
                .expressionAttributeNames(Map.of("#pk", Keys.PK, "#sk", Keys.SK))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(partition),
                        ":plan", AttributeValue.fromS(Keys.plan(""))))
                .scanIndexForward(false)
                .limit(limit)
                .exclusiveStartKey(Cursors.decode(cursor, Keys.PK, partition)));
        return new Page<>(response.items().stream().map(DynamoPlanRepository::plan).toList(),
                Cursors.encode(response.lastEvaluatedKey()));
    }

    @Override
    public boolean replace(Plan plan, long expectedRevision) {
        try {
            dynamo.putItem(r -> r.tableName(table).item(item(plan))
                    .conditionExpression("#revision = :expected")
                    .expressionAttributeNames(Map.of("#revision", Keys.REVISION))
                    .expressionAttributeValues(Map.of(":expected", AttributeValue.fromN(Long.toString(expectedRevision)))));
            return true;
        } catch (ConditionalCheckFailedException changed) {
            return false;
        }
    }

    private static Map<String, AttributeValue> key(String organisation, String planId) {
        return Map.of(Keys.PK, AttributeValue.fromS(Keys.organisation(organisation)),
                Keys.SK, AttributeValue.fromS(Keys.plan(planId)));
    }

    private static Map<String, AttributeValue> item(Plan plan) {
        Map<String, AttributeValue> item = new HashMap<>(key(plan.organisation(), plan.planId()));
        item.put(Keys.DOC, AttributeValue.fromS(Json.write(plan)));
        item.put(Keys.REVISION, AttributeValue.fromN(Long.toString(plan.revision())));
        return item;
    }

    private static Plan plan(Map<String, AttributeValue> item) {
        return Json.read(item.get(Keys.DOC).s(), Plan.class);
    }
}
