package dev.prescreen.storage;

import dev.prescreen.domain.compliance.RaceEthnicity;
import dev.prescreen.domain.compliance.SelfIdentification;
import dev.prescreen.domain.compliance.SelfIdentifications;
import dev.prescreen.domain.compliance.Sex;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * The self-identification table (its own, see {@link dev.prescreen.cloud.Table#SELF_IDENTIFICATION}): one item per
 * interview under its organisation, sorted by plan. The two halves of the port are separate objects, so a function
 * granted only writes is never handed a reader.
 */
public final class DynamoSelfIdentifications {

    private static final String SEX = "sex";
    private static final String RACE = "raceEthnicity";
    private static final String AT = "at";

    private DynamoSelfIdentifications() {
    }

    private static String partition(String organisation) {
        return Keys.organisation(organisation);
    }

    private static String sort(String planId, String interviewId) {
        return planId + "#" + interviewId;
    }

    public static SelfIdentifications.Writer writer(DynamoDbClient dynamo, String table) {
        return new SelfIdentifications.Writer() {
            @Override
            public void put(String organisation, String planId, String interviewId, SelfIdentification value,
                    Instant at) {
                Map<String, AttributeValue> item = new HashMap<>(DynamoItems.key(partition(organisation),
                        sort(planId, interviewId)));
                item.put(SEX, AttributeValue.fromS(value.sex().wireName()));
                item.put(RACE, AttributeValue.fromS(value.raceEthnicity().wireName()));
                item.put(AT, AttributeValue.fromS(at.toString()));
                dynamo.putItem(r -> r.tableName(table).item(item));
            }

            @Override
            public void delete(String organisation, String planId, String interviewId) {
                dynamo.deleteItem(r -> r.tableName(table).key(DynamoItems.key(partition(organisation),
                        sort(planId, interviewId))));
            }
        };
    }

    public static SelfIdentifications.Reader reader(DynamoDbClient dynamo, String table) {
        DynamoItems items = new DynamoItems(dynamo, table);
        return new SelfIdentifications.Reader() {
            @Override
            public Map<String, SelfIdentification> ofPlan(String organisation, String planId) {
                return read(items, QueryRequest.builder().tableName(table)
                        .keyConditionExpression("#pk = :pk and begins_with(#sk, :plan)")
                        .expressionAttributeNames(Map.of("#pk", Keys.PK, "#sk", Keys.SK))
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(partition(organisation)),
                                ":plan", AttributeValue.fromS(planId + "#"))).build());
            }

            @Override
            public Map<String, SelfIdentification> ofOrganisation(String organisation) {
                return read(items, QueryRequest.builder().tableName(table).keyConditionExpression("#pk = :pk")
                        .expressionAttributeNames(Map.of("#pk", Keys.PK))
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(partition(organisation))))
                        .build());
            }
        };
    }

    private static Map<String, SelfIdentification> read(DynamoItems items, QueryRequest query) {
        Map<String, SelfIdentification> byInterview = new HashMap<>();
        for (Map<String, AttributeValue> item : items.queryAll(query)) {
            String sort = item.get(Keys.SK).s();
            byInterview.put(sort.substring(sort.indexOf('#') + 1), new SelfIdentification(
                    Sex.fromWire(item.get(SEX).s()).orElse(Sex.DECLINE),
                    RaceEthnicity.fromWire(item.get(RACE).s()).orElse(RaceEthnicity.DECLINE)));
        }
        return byInterview;
    }
}
