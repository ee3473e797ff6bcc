package dev.prescreen.storage;

import dev.prescreen.domain.webhook.WebhookDelivery;
import dev.prescreen.domain.webhook.WebhookPorts;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Deliveries under their endpoint: {@code pk = ORG#org#WEBHOOK#endpoint}, {@code sk = DELIVERY#<deliveryId>}. Event
 * ids are time-ordered, so the newest come first in reverse key order. Kept 30 days (TTL).
 */
public final class DynamoWebhookDeliveries implements WebhookPorts.DeliveryRepository {

    private static final Duration KEPT = Duration.ofDays(30);
    private final DynamoItems items;

    public DynamoWebhookDeliveries(DynamoDbClient dynamo, String table) {
        this.items = new DynamoItems(dynamo, table);
    }

    private static String partition(String organisation, String endpointId) {
        return Keys.organisation(organisation) + "#" + Keys.webhook(endpointId);
    }

    private static String sort(String deliveryId) {
        return "DELIVERY#" + deliveryId;
    }

    @Override
    public boolean create(WebhookDelivery delivery) {
        return items.putNew(item(delivery));
    }

    @Override
    public Optional<WebhookDelivery> find(String organisation, String endpointId, String deliveryId) {
        return items.get(partition(organisation, endpointId), sort(deliveryId))
                .map(item -> DynamoItems.document(item, WebhookDelivery.class));
    }

    @Override
    public boolean replace(WebhookDelivery delivery, long expectedRevision) {
        return items.putIfRevision(item(delivery), expectedRevision);
    }

    @Override
    public List<WebhookDelivery> list(String organisation, String endpointId, int limit) {
        return items.client().query(r -> r.tableName(items.table())
                .keyConditionExpression("#pk = :pk and begins_with(#sk, :delivery)")
                .expressionAttributeNames(Map.of("#pk", Keys.PK, "#sk", Keys.SK))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(partition(organisation, endpointId)),
                        ":delivery", AttributeValue.fromS(sort(""))))
                .scanIndexForward(false).limit(limit)).items().stream()
                .map(item -> DynamoItems.document(item, WebhookDelivery.class)).toList();
    }

    private static Map<String, AttributeValue> item(WebhookDelivery delivery) {
        Map<String, AttributeValue> item = new HashMap<>(DynamoItems.item(
                partition(delivery.organisation(), delivery.endpointId()), sort(delivery.deliveryId()), delivery,
                delivery.revision()));
        item.put(Keys.TTL, AttributeValue.fromN(Long.toString(delivery.cycleStartedAt().plus(KEPT).getEpochSecond())));
        return item;
    }
}
