package dev.prescreen.infra;

import dev.prescreen.cloud.Bucket;
import dev.prescreen.domain.plan.PlanRules;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.s3.CfnBucket;
import software.amazon.awscdk.services.s3.CorsRule;
import software.amazon.awscdk.services.s3.HttpMethods;
import software.amazon.awscdk.services.s3.IBucket;
import software.constructs.Construct;

/**
 * One S3 bucket per {@link Bucket}, plus the bucket that receives their server access logs. A bucket that
 * announces new objects notifies its queue directly (no notification custom resource, so no Lambda with
 * {@code s3:PutBucketNotification} on every bucket).
 */
public final class BucketsConstruct extends Construct {

    /** Browsers PUT recordings with presigned URLs and may read them back, from the candidate page only. */
    static final Bucket BROWSER_UPLOADS = Bucket.RECORDINGS;

    private final Map<Bucket, software.amazon.awscdk.services.s3.Bucket> buckets = new EnumMap<>(Bucket.class);

    public BucketsConstruct(Construct scope, String id, IBucket accessLogs, QueuesConstruct queues,
            String candidatePageOrigin) {
        super(scope, id);
        for (Bucket bucket : Bucket.values()) {
            var props = SecureBuckets.privateBucket()
                    .serverAccessLogsBucket(accessLogs)
                    .serverAccessLogsPrefix(bucket.logicalName() + "/")
                    // Per-plan retention (1 to MAX_RETENTION_DAYS days) is enforced by the retention sweep;
                    // this rule is the ceiling, in case an object escapes the sweep.
                    .lifecycleRules(List.of(SecureBuckets.expireAfter(PlanRules.MAX_RETENTION_DAYS)));
            if (bucket == BROWSER_UPLOADS) {
                props.cors(List.of(CorsRule.builder()
                        .allowedMethods(List.of(HttpMethods.PUT, HttpMethods.GET))
                        .allowedOrigins(List.of(candidatePageOrigin))
                        .allowedHeaders(List.of("*"))
                        .maxAge(3000)
                        .build()));
            }
            var s3Bucket = new software.amazon.awscdk.services.s3.Bucket(this, Names.pascal(bucket.logicalName()),
                    props.build());
            bucket.notification().ifPresent(n -> notifyOnObjectCreated(s3Bucket, n.prefix(), queues.queue(n.queue())));
            buckets.put(bucket, s3Bucket);
        }
    }

    public software.amazon.awscdk.services.s3.Bucket bucket(Bucket bucket) {
        return buckets.get(bucket);
    }

    /*
     * S3 checks that it may send to the queue when the notification is configured, so the bucket waits for
     * the queue policy. The policy therefore cannot name the bucket's ARN (that would be a cycle); it admits
     * S3 on behalf of this account only.
     */
    private static void notifyOnObjectCreated(software.amazon.awscdk.services.s3.Bucket bucket, String prefix,
            software.amazon.awscdk.services.sqs.Queue queue) {
        var admitS3 = queue.addToResourcePolicy(PolicyStatement.Builder.create()
                .effect(Effect.ALLOW)
                .principals(List.of(new ServicePrincipal("s3.amazonaws.com")))
                .actions(List.of("sqs:SendMessage"))
                .resources(List.of(queue.getQueueArn()))
                .conditions(Map.of("StringEquals", Map.of("aws:SourceAccount", bucket.getStack().getAccount())))
                .build());
        CfnBucket cfnBucket = (CfnBucket) bucket.getNode().getDefaultChild();
        cfnBucket.setNotificationConfiguration(CfnBucket.NotificationConfigurationProperty.builder()
                .queueConfigurations(List.of(CfnBucket.QueueConfigurationProperty.builder()
                        .event("s3:ObjectCreated:*")
                        .queue(queue.getQueueArn())
                        .filter(CfnBucket.NotificationFilterProperty.builder()
                                .s3Key(CfnBucket.S3KeyFilterProperty.builder()
                                        .rules(List.of(CfnBucket.FilterRuleProperty.builder()
                                                .name("prefix").value(prefix).build()))
                                        .build())
                                .build())
                        .build()))
                .build());
        cfnBucket.getNode().addDependency(admitS3.getPolicyDependable());
    }
}
