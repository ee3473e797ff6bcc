package dev.prescreen.storage;

import dev.prescreen.domain.partner.PartnerKey;
import dev.prescreen.domain.partner.PartnerKeyRepository;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Partner keys in the main table, twice: under the key's hash ({@code PARTNERKEY#<hash>}, a partner's call finds it
 * without knowing the organisation) and under the organisation ({@code ORG#org}, {@code PARTNERKEY#<id>}).
 */
public final class DynamoPartnerKeys implements PartnerKeyRepository {

    private static final String LOOKUP = "KEY";
    private final DynamoItems items;

    public DynamoPartnerKeys(DynamoDbClient dynamo, String table) {
        this.items = new DynamoItems(dynamo, table);
    }

    private static String byHash(String hash) {
        return "PARTNERKEY#" + hash;
    }

    private static String byId(String keyId) {
        return "PARTNERKEY#" + keyId;
    }

    @Override
    public void create(PartnerKey key) {
        if (!items.putNew(DynamoItems.item(byHash(key.keyHash()), LOOKUP, key, 1))
                || !items.putNew(DynamoItems.item(Keys.organisation(key.organisation()), byId(key.keyId()), key, 1))) {
            throw new IllegalStateException("partner key " + key.keyId() + " exists already");
        }
    }

    @Override
    public Optional<PartnerKey> findByHash(String keyHash) {
        return items.get(byHash(keyHash), LOOKUP).map(item -> DynamoItems.document(item, PartnerKey.class));
    }

    @Override
    public List<PartnerKey> list(String organisation) {
        return items.queryAll(software.amazon.awssdk.services.dynamodb.model.QueryRequest.builder()
                .tableName(items.table())
                .keyConditionExpression("#pk = :pk and begins_with(#sk, :key)")
                .expressionAttributeNames(Map.of("#pk", Keys.PK, "#sk", Keys.SK))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.organisation(organisation)),
                        ":key", AttributeValue.fromS(byId(""))))
                .build()).stream().map(item -> DynamoItems.document(item, PartnerKey.class)).toList();
    }

    @Override
    public boolean delete(String organisation, String keyId) {
        Optional<PartnerKey> key = items.get(Keys.organisation(organisation), byId(keyId))
                .map(item -> DynamoItems.document(item, PartnerKey.class));
        if (key.isEmpty()) {
            return false;
        }
        // the lookup first: a key that can no longer be found can no longer be used
        items.client().deleteItem(r -> r.tableName(items.table()).key(DynamoItems.key(byHash(key.get().keyHash()), LOOKUP)));
        items.client().deleteItem(r -> r.tableName(items.table()).key(DynamoItems.key(Keys.organisation(organisation),
                byId(keyId))));
        return true;
    }
}
