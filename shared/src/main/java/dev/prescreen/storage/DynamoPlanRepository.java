package dev.prescreen.storage;

import dev.prescreen.domain.Page;
import dev.prescreen.domain.plan.Plan;
import dev.prescreen.domain.plan.PlanRepository;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** Plans in the main table: {@code pk = ORG#org}, {@code sk = PLAN#id}. */
public final class DynamoPlanRepository implements PlanRepository {

    private final DynamoItems items;

    public DynamoPlanRepository(DynamoDbClient dynamo, String table) {
        this.items = new DynamoItems(dynamo, table);
    }

    @Override
    public void create(Plan plan) {
        if (!items.putNew(item(plan))) {
            throw new IllegalStateException("plan " + plan.planId() + " exists already");
        }
    }

    @Override
    public Optional<Plan> find(String organisation, String planId) {
        return items.get(Keys.organisation(organisation), Keys.plan(planId))
                .map(item -> DynamoItems.document(item, Plan.class));
    }

    @Override
    public Page<Plan> list(String organisation, int limit, String cursor) {
        String partition = Keys.organisation(organisation);
        QueryResponse response = items.client().query(r -> r.tableName(items.table())
                .keyConditionExpression("#pk = :pk and begins_with(#sk, :plan)")
                .expressionAttributeNames(Map.of("#pk", Keys.PK, "#sk", Keys.SK))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(partition),
                        ":plan", AttributeValue.fromS(Keys.plan(""))))
                .scanIndexForward(false)
                .limit(limit)
                .exclusiveStartKey(Cursors.decode(cursor, Keys.PK, partition)));
        return new Page<>(response.items().stream().map(item -> DynamoItems.document(item, Plan.class)).toList(),
                Cursors.encode(response.lastEvaluatedKey()));
    }

    @Override
    public boolean replace(Plan plan, long expectedRevision) {
        return items.putIfRevision(item(plan), expectedRevision);
    }

    private static Map<String, AttributeValue> item(Plan plan) {
        return DynamoItems.item(Keys.organisation(plan.organisation()), Keys.plan(plan.planId()), plan, plan.revision());
    }
}
