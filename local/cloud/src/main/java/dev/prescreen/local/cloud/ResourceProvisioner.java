package dev.prescreen.local.cloud;

import dev.prescreen.aws.AwsClients;
import dev.prescreen.cloud.Bucket;
import dev.prescreen.cloud.Queue;
import dev.prescreen.cloud.Table;
import dev.prescreen.config.Settings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueNameExistsException;

/** Creates the tables, queues and buckets the code declares; safe to run against existing ones. */
final class ResourceProvisioner {

    private static final Duration TABLE_READY_TIMEOUT = Duration.ofSeconds(30);

    private final AwsClients clients;
    private final String prefix;

    ResourceProvisioner(AwsClients clients, String prefix) {
        this.clients = clients;
        this.prefix = prefix;
    }

    /** Returns the settings that name what was created. */
    Map<String, String> provision() {
        Map<String, String> names = new HashMap<>();
        for (Table table : Table.values()) {
            names.put(Settings.tableKey(table), createTable(table));
        }
        for (Queue queue : Queue.values()) {
            String dlqUrl = createQueue(queue.deadLetterName(), Map.of(
                    QueueAttributeName.MESSAGE_RETENTION_PERIOD, Integer.toString(queue.deadLetterRetentionSeconds())));
            String dlqArn = clients.sqs().getQueueAttributes(r -> r.queueUrl(dlqUrl)
                    .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
            String url = createQueue(queue.logicalName(), Map.of(
                    QueueAttributeName.VISIBILITY_TIMEOUT, Integer.toString(queue.visibilityTimeoutSeconds()),
                    QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"" + dlqArn
                            + "\",\"maxReceiveCount\":\"" + queue.maxReceiveCount() + "\"}"));
            names.put(Settings.queueUrlKey(queue), url);
            names.put(Settings.deadLetterQueueUrlKey(queue), dlqUrl);
        }
        for (Bucket bucket : Bucket.values()) {
            String name = prefix + bucket.logicalName();
            try {
                clients.s3().createBucket(r -> r.bucket(name));
            } catch (BucketAlreadyOwnedByYouException exists) {
                // kept from an earlier run
            } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
                if (e.statusCode() != 409) {
                    throw e;
                }
            }
            names.put(Settings.bucketKey(bucket), name);
        }
        return names;
    }

    private String createTable(Table table) {
        String name = prefix + table.logicalName();
        Set<String> keyAttributes = new LinkedHashSet<>(List.of(table.partitionKey(), table.sortKey()));
        List<GlobalSecondaryIndex> indexes = new ArrayList<>();
        for (Table.Index index : table.indexes()) {
            keyAttributes.add(index.partitionKey());
            keyAttributes.add(index.sortKey());
            indexes.add(GlobalSecondaryIndex.builder()
                    .indexName(index.name())
                    .keySchema(key(index.partitionKey(), KeyType.HASH), key(index.sortKey(), KeyType.RANGE))
                    .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                    .build());
        }
        try {
            CreateTableRequest.Builder request = CreateTableRequest.builder();
            if (!indexes.isEmpty()) {
                // DynamoDB refuses an empty list of indexes
                request.globalSecondaryIndexes(indexes);
            }
            clients.dynamoDb().createTable(request
                    .tableName(name)
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(keyAttributes.stream()
                            .map(attribute -> AttributeDefinition.builder()
                                    .attributeName(attribute).attributeType(ScalarAttributeType.S).build())
                            .toList())
                    .keySchema(key(table.partitionKey(), KeyType.HASH), key(table.sortKey(), KeyType.RANGE))
                    .build());
        } catch (ResourceInUseException exists) {
            // kept from an earlier run
        }
        awaitActive(name);
        return name;
    }

    // dynalite is told to create tables at once; poll briefly instead of the SDK waiter's 20 s steps.
    private void awaitActive(String name) {
        Instant deadline = Instant.now().plus(TABLE_READY_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            TableStatus status = clients.dynamoDb().describeTable(r -> r.tableName(name)).table().tableStatus();
            if (status == TableStatus.ACTIVE) {
                return;
            }
            Thread.onSpinWait();
        }
        throw new IllegalStateException("table " + name + " did not become active within " + TABLE_READY_TIMEOUT);
    }

    /**
     * Creates the queue, or takes the one kept from an earlier run (durable local queues are restored from
     * their store before this runs): when the kept queue's attributes differ from the declared ones (the code
     * changed), SQS refuses CreateQueue, so the declared attributes are set on the kept queue instead, and its
     * messages stay.
     */
    private String createQueue(String logicalName, Map<QueueAttributeName, String> attributes) {
        String name = prefix + logicalName;
        try {
            return clients.sqs().createQueue(r -> r.queueName(name).attributes(attributes)).queueUrl();
        } catch (QueueNameExistsException kept) {
            String url = clients.sqs().getQueueUrl(r -> r.queueName(name)).queueUrl();
            clients.sqs().setQueueAttributes(r -> r.queueUrl(url).attributes(attributes));
            return url;
        }
    }

    private static KeySchemaElement key(String attribute, KeyType type) {
        return KeySchemaElement.builder().attributeName(attribute).keyType(type).build();
    }
}
