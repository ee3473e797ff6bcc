package dev.prescreen.storage;

import dev.prescreen.domain.webhook.WebhookEndpoint;
import dev.prescreen.domain.webhook.WebhookRepository;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Webhook endpoints in the main table: {@code pk = ORG#org}, {@code sk = WEBHOOK#id}. Their signing secrets are
 * needed to sign, so they are kept as they are (the table is encrypted at rest) and never shown again.
 */
public final class DynamoWebhookRepository implements WebhookRepository {

    private final DynamoItems items;

    public DynamoWebhookRepository(DynamoDbClient dynamo, String table) {
        this.items = new DynamoItems(dynamo, table);
    }

    @Override
    public boolean create(WebhookEndpoint endpoint) {
        return items.putNew(item(endpoint));
    }

    @Override
    public Optional<WebhookEndpoint> find(String organisation, String endpointId) {
        return items.get(Keys.organisation(organisation), Keys.webhook(endpointId))
                .map(item -> DynamoItems.document(item, WebhookEndpoint.class));
    }

    @Override
    public List<WebhookEndpoint> list(String organisation) {
        return items.queryAll(software.amazon.awssdk.services.dynamodb.model.QueryRequest.builder()
                .tableName(items.table())
                .keyConditionExpression("#pk = :pk and begins_with(#sk, :webhook)")
                .expressionAttributeNames(Map.of("#pk", Keys.PK, "#sk", Keys.SK))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.organisation(organisation)),
                        ":webhook", AttributeValue.fromS(Keys.webhook(""))))
                .build()).stream().map(item -> DynamoItems.document(item, WebhookEndpoint.class)).toList();
    }

    @Override
    public boolean replace(WebhookEndpoint endpoint, long expectedRevision) {
        return items.putIfRevision(item(endpoint), expectedRevision);
    }

    @Override
    public void delete(String organisation, String endpointId) {
        items.client().deleteItem(r -> r.tableName(items.table())
                .key(DynamoItems.key(Keys.organisation(organisation), Keys.webhook(endpointId))));
    }

    private static Map<String, AttributeValue> item(WebhookEndpoint endpoint) {
        return DynamoItems.item(Keys.organisation(endpoint.organisation()), Keys.webhook(endpoint.endpointId()),
                endpoint, endpoint.revision());
    }
}
