package dev.prescreen.storage;

import dev.prescreen.domain.Page;
import dev.prescreen.domain.compliance.AlternativeRequest;
import dev.prescreen.domain.compliance.AlternativeRequestRepository;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Alternative-process requests: one partition per organisation (newest first by their time-ordered ids), a
 * candidate's requests on gsi1, and the requests whose hiring team is not yet emailed on a sparse gsi2 partition.
 */
public final class DynamoAlternativeRequests implements AlternativeRequestRepository {

    private static final String UNNOTIFIED = "ALTREQ_UNNOTIFIED";
    private static final String STATUS = "status";

    private final DynamoItems items;

    public DynamoAlternativeRequests(DynamoDbClient dynamo, String table) {
        this.items = new DynamoItems(dynamo, table);
    }

    private static String partition(String organisation) {
        return Keys.organisation(organisation) + "#ALTREQ";
    }

    private static Map<String, AttributeValue> item(AlternativeRequest request) {
        Map<String, AttributeValue> item = new HashMap<>(DynamoItems.item(partition(request.organisation()),
                request.requestId(), request, request.revision()));
        item.put(STATUS, AttributeValue.fromS(request.status().wireName()));
        if (request.candidateId() != null) {
            item.put(Keys.GSI1_PK, AttributeValue.fromS(partition(request.organisation()) + "#CD#"
                    + request.candidateId()));
            item.put(Keys.GSI1_SK, AttributeValue.fromS(request.requestId()));
        }
        if (request.notifiedAt() == null && request.status() == AlternativeRequest.Status.OPEN) {
            item.put(Keys.GSI2_PK, AttributeValue.fromS(UNNOTIFIED));
            item.put(Keys.GSI2_SK, AttributeValue.fromS(request.requestedAt() + "#" + request.requestId()));
        }
        return item;
    }

    @Override
    public boolean create(AlternativeRequest request) {
        return items.putNew(item(request));
    }

    @Override
    public Optional<AlternativeRequest> find(String organisation, String requestId) {
        return items.get(partition(organisation), requestId)
                .map(item -> DynamoItems.document(item, AlternativeRequest.class));
    }

    @Override
    public boolean replace(AlternativeRequest request, long expectedRevision) {
        return items.putIfRevision(item(request), expectedRevision);
    }

    @Override
    public void delete(String organisation, String requestId) {
        items.client().deleteItem(r -> r.tableName(items.table()).key(DynamoItems.key(partition(organisation),
                requestId)));
    }

    @Override
    public Page<AlternativeRequest> list(String organisation, AlternativeRequest.Status status, int limit,
            String cursor) {
        String pk = partition(organisation);
        Map<String, String> names = new HashMap<>(Map.of("#pk", Keys.PK));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":pk", AttributeValue.fromS(pk)));
        QueryRequest.Builder request = QueryRequest.builder().tableName(items.table())
                .keyConditionExpression("#pk = :pk").scanIndexForward(false).limit(limit)
                .exclusiveStartKey(Cursors.decode(cursor, Keys.PK, pk));
        if (status != null) {
            request.filterExpression("#status = :status");
            names.put("#status", STATUS);
            values.put(":status", AttributeValue.fromS(status.wireName()));
        }
        QueryResponse response = items.client().query(request.expressionAttributeNames(names)
                .expressionAttributeValues(values).build());
        return new Page<>(response.items().stream().map(i -> DynamoItems.document(i, AlternativeRequest.class))
                .toList(), Cursors.encode(response.lastEvaluatedKey()));
    }

    @Override
    public List<AlternativeRequest> ofCandidate(String organisation, String candidateId) {
        return items.queryAll(QueryRequest.builder().tableName(items.table()).indexName(Keys.GSI1)
                .keyConditionExpression("#pk = :pk").expressionAttributeNames(Map.of("#pk", Keys.GSI1_PK))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(partition(organisation) + "#CD#"
                        + candidateId))).build())
                .stream().map(i -> DynamoItems.document(i, AlternativeRequest.class)).toList();
    }

    @Override
    public List<AlternativeRequest> unnotified(int limit) {
        return items.client().query(r -> r.tableName(items.table()).indexName(Keys.GSI2)
                .keyConditionExpression("#pk = :pk").expressionAttributeNames(Map.of("#pk", Keys.GSI2_PK))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(UNNOTIFIED))).limit(limit))
                .items().stream().map(i -> DynamoItems.document(i, AlternativeRequest.class)).toList();
    }
}
