package dev.prescreen.storage;

import dev.prescreen.domain.Page;
import dev.prescreen.domain.report.Report;
import dev.prescreen.domain.report.ReportRepository;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * Reports sit in their interview's partition ({@code sk = REPORT}); the plan's ranking is the gsi2
 * partition {@code ORG#org#PLAN#plan#RANKED}, sorted by {@code 100 - overall}, so a query reads best first.
 */
public final class DynamoReportRepository implements ReportRepository {

    private static final String REPORT = "REPORT";

    private final DynamoItems items;

    public DynamoReportRepository(DynamoDbClient dynamo, String table) {
        this.items = new DynamoItems(dynamo, table);
    }

    private static String ranking(String organisation, String planId) {
        return Keys.planInterviews(organisation, planId) + "#RANKED";
    }

    /** Best first; reports without an overall score (awaiting review) after all scored ones. */
    private static String rankKey(Integer overall) {
        return overall == null ? "999" : String.format("%03d", 100 - overall);
    }

    @Override
    public boolean create(Report report) {
        return items.putNew(item(report));
    }

    @Override
    public Optional<Report> find(String organisation, String interviewId) {
        return items.get(Keys.interview(organisation, interviewId), REPORT)
                .map(item -> DynamoItems.document(item, Report.class));
    }

    @Override
    public boolean replace(Report report, long expectedRevision) {
        return items.putIfRevision(item(report), expectedRevision);
    }

    @Override
    public Page<Report> ranked(String organisation, String planId, int limit, String cursor) {
        String partition = ranking(organisation, planId);
        QueryResponse response = items.client().query(r -> r.tableName(items.table()).indexName(Keys.GSI2)
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", Keys.GSI2_PK))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(partition)))
                .limit(limit)
                .exclusiveStartKey(Cursors.decode(cursor, Keys.GSI2_PK, partition)));
        return new Page<>(response.items().stream().map(item -> DynamoItems.document(item, Report.class)).toList(),
                Cursors.encode(response.lastEvaluatedKey()));
    }

    @Override
    public int[] rankOf(String organisation, String planId, Integer overall) {
        String partition = ranking(organisation, planId);
        int above = count(partition, "#sk < :key", rankKey(overall));
        int total = count(partition, "#sk < :key", "998");
        return new int[] {above + 1, Math.max(total, above + 1)};
    }

    private int count(String partition, String condition, String key) {
        int count = 0;
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = items.client().query(r -> r.tableName(items.table()).indexName(Keys.GSI2)
                    .keyConditionExpression("#pk = :pk and " + condition)
                    .expressionAttributeNames(Map.of("#pk", Keys.GSI2_PK, "#sk", Keys.GSI2_SK))
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(partition),
                            ":key", AttributeValue.fromS(key)))
                    .select(Select.COUNT)
                    .exclusiveStartKey(from));
            count += page.count();
            start = page.lastEvaluatedKey().isEmpty() ? null : page.lastEvaluatedKey();
        } while (start != null);
        return count;
    }

    @Override
    public void delete(String organisation, String interviewId) {
        items.client().deleteItem(r -> r.tableName(items.table())
                .key(DynamoItems.key(Keys.interview(organisation, interviewId), REPORT)));
    }

    private static Map<String, AttributeValue> item(Report report) {
        Map<String, AttributeValue> item = new HashMap<>(DynamoItems.item(
                Keys.interview(report.organisation(), report.interviewId()), REPORT, report, report.revision()));
        item.put(Keys.GSI2_PK, AttributeValue.fromS(ranking(report.organisation(), report.planId())));
        item.put(Keys.GSI2_SK, AttributeValue.fromS(rankKey(report.overall()) + "#" + report.completedAt()
                + "#" + report.interviewId()));
        return item;
    }
}
