package dev.prescreen.storage;

import dev.prescreen.domain.Page;
import dev.prescreen.domain.audit.AuditEntry;
import dev.prescreen.domain.audit.AuditLog;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The audit trail in the main table: one partition per organisation, sorted by time, with the entries of one
 * candidate (gsi1) and of one plan (gsi2) indexed apart. Expiry through the table's TTL, at the keep time.
 */
public final class DynamoAuditLog implements AuditLog {

    private static final String CANDIDATE = "candidateId";
    private static final String PLAN = "planId";

    private final DynamoItems items;

    public DynamoAuditLog(DynamoDbClient dynamo, String table) {
        this.items = new DynamoItems(dynamo, table);
    }

    /**
     * The audit trail on the main table, kept as long as the deployment says ({@code PRESCREEN_AUDIT_RETENTION_DAYS};
     * the trail refuses less than six months).
     */
    public static dev.prescreen.domain.audit.AuditTrail trail(DynamoDbClient dynamo,
            dev.prescreen.config.Settings settings) {
        return new dev.prescreen.domain.audit.AuditTrail(new DynamoAuditLog(dynamo,
                settings.tableName(dev.prescreen.cloud.Table.MAIN)), settings.getInt(
                        dev.prescreen.config.Settings.AUDIT_RETENTION_DAYS,
                        dev.prescreen.domain.audit.AuditTrail.DEFAULT_RETENTION_DAYS), java.time.Clock.systemUTC());
    }

    private static String partition(String organisation) {
        return Keys.organisation(organisation) + "#AUDIT";
    }

    /** Instants of one width (nanoseconds, UTC), so that keys sort in time order: Instant.toString varies in width. */
    private static final java.time.format.DateTimeFormatter SORTABLE = java.time.format.DateTimeFormatter
            .ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(java.time.ZoneOffset.UTC);

    @Override
    public void append(AuditEntry entry, Instant keepUntil) {
        String sort = SORTABLE.format(entry.at()) + "#" + entry.entryId();
        Map<String, AttributeValue> item = new HashMap<>(DynamoItems.item(partition(entry.organisation()), sort, entry,
                1));
        item.put(Keys.TTL, AttributeValue.fromN(Long.toString(keepUntil.getEpochSecond())));
        if (entry.candidateId() != null) {
            item.put(CANDIDATE, AttributeValue.fromS(entry.candidateId()));
            item.put(Keys.GSI1_PK, AttributeValue.fromS(partition(entry.organisation()) + "#CD#" + entry.candidateId()));
            item.put(Keys.GSI1_SK, AttributeValue.fromS(sort));
        }
        if (entry.planId() != null) {
            item.put(PLAN, AttributeValue.fromS(entry.planId()));
            item.put(Keys.GSI2_PK, AttributeValue.fromS(partition(entry.organisation()) + "#PL#" + entry.planId()));
            item.put(Keys.GSI2_SK, AttributeValue.fromS(sort));
        }
        if (!items.putNew(item)) {
            throw new IllegalStateException("audit entry " + entry.entryId() + " exists already");
        }
    }

    @Override
    public Page<AuditEntry> find(String organisation, AuditQuery query, int limit, String cursor) {
        // the most selective key: the candidate's index, else the plan's, else the organisation's partition
        String index = query.candidateId() != null ? Keys.GSI1 : query.planId() != null ? Keys.GSI2 : null;
        String pkName = index == null ? Keys.PK : index.equals(Keys.GSI1) ? Keys.GSI1_PK : Keys.GSI2_PK;
        String skName = index == null ? Keys.SK : index.equals(Keys.GSI1) ? Keys.GSI1_SK : Keys.GSI2_SK;
        String pk = partition(organisation) + (query.candidateId() != null ? "#CD#" + query.candidateId()
                : query.planId() != null ? "#PL#" + query.planId() : "");
        Map<String, String> names = new HashMap<>(Map.of("#pk", pkName, "#sk", skName));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":pk", AttributeValue.fromS(pk),
                ":from", AttributeValue.fromS(query.from() == null ? "0" : SORTABLE.format(query.from())),
                ":to", AttributeValue.fromS(query.to() == null ? "~" : SORTABLE.format(query.to()))));
        QueryRequest.Builder request = QueryRequest.builder().tableName(items.table()).indexName(index)
                .keyConditionExpression("#pk = :pk and #sk between :from and :to").limit(limit)
                .exclusiveStartKey(Cursors.decode(cursor, pkName, pk));
        if (query.candidateId() != null && query.planId() != null) {
            request.filterExpression("#plan = :plan");
            names.put("#plan", PLAN);
            values.put(":plan", AttributeValue.fromS(query.planId()));
        }
        QueryResponse response = items.client().query(request.expressionAttributeNames(names)
                .expressionAttributeValues(values).build());
        return new Page<>(response.items().stream().map(item -> DynamoItems.document(item, AuditEntry.class))
                .filter(e -> query.to() == null || e.at().isBefore(query.to())).toList(),
                Cursors.encode(response.lastEvaluatedKey()));
    }
}
