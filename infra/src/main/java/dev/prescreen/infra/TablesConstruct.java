package dev.prescreen.infra;

import dev.prescreen.cloud.Table;
import java.util.EnumMap;
import java.util.Map;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.ProjectionType;
import software.amazon.awscdk.services.dynamodb.TableEncryption;
import software.constructs.Construct;

/** One DynamoDB table per {@link Table}, keyed and indexed exactly as the catalog describes it. */
public final class TablesConstruct extends Construct {

    private final Map<Table, software.amazon.awscdk.services.dynamodb.Table> tables = new EnumMap<>(Table.class);

    public TablesConstruct(Construct scope, String id) {
        super(scope, id);
        for (Table table : Table.values()) {
            tables.put(table, define(table));
        }
    }

    public software.amazon.awscdk.services.dynamodb.Table table(Table table) {
        return tables.get(table);
    }

    private software.amazon.awscdk.services.dynamodb.Table define(Table table) {
        var dynamoTable = software.amazon.awscdk.services.dynamodb.Table.Builder
                .create(this, Names.pascal(table.logicalName()))
                .partitionKey(stringKey(table.partitionKey()))
                .sortKey(stringKey(table.sortKey()))
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder()
                        .pointInTimeRecoveryEnabled(true).build())
                .timeToLiveAttribute(table.ttlAttribute())
                .encryption(TableEncryption.AWS_MANAGED)
                // Interviews and reports outlive any deployment: deleting the stack must not delete them.
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        for (Table.Index index : table.indexes()) {
            dynamoTable.addGlobalSecondaryIndex(GlobalSecondaryIndexProps.builder()
                    .indexName(index.name())
                    .partitionKey(stringKey(index.partitionKey()))
                    .sortKey(stringKey(index.sortKey()))
                    .projectionType(ProjectionType.ALL)
                    .build());
        }
        return dynamoTable;
    }

    private static Attribute stringKey(String name) {
        return Attribute.builder().name(name).type(AttributeType.STRING).build();
    }
}
