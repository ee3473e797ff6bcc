package dev.prescreen.infra;

import dev.prescreen.cloud.Bucket;
import dev.prescreen.cloud.Permissions;
import dev.prescreen.cloud.Queue;
import dev.prescreen.cloud.Table;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.s3.IBucket;

/**
 * Turns a function's {@link Permissions} into IAM statements on its own role, naming every action: no
 * action wildcards, and resources as narrow as each service allows.
 */
final class FunctionGrants {

    /** Transcribe has no resource-level permissions for these actions, so they are granted on "*". */
    static final List<String> TRANSCRIBE_ACTIONS =
            List.of("transcribe:StartTranscriptionJob", "transcribe:GetTranscriptionJob");
    static final List<String> SCHEDULE_ACTIONS =
            List.of("scheduler:CreateSchedule", "scheduler:DeleteSchedule", "scheduler:GetSchedule");

    private final TablesConstruct tables;
    private final QueuesConstruct queues;
    private final BucketsConstruct buckets;
    private final EmailConstruct email;
    private final BatchSchedulingConstruct batchScheduling;

    FunctionGrants(TablesConstruct tables, QueuesConstruct queues, BucketsConstruct buckets, EmailConstruct email,
            BatchSchedulingConstruct batchScheduling) {
        this.tables = tables;
        this.queues = queues;
        this.buckets = buckets;
        this.email = email;
        this.batchScheduling = batchScheduling;
    }

    void grant(Permissions permissions, IRole role) {
        Map<String, String> wildcards = new LinkedHashMap<>();
        for (Table table : permissions.readsTables()) {
            tables.table(table).grantReadData(role);
        }
        for (Table table : permissions.writesTables()) {
            if (permissions.readsTables().contains(table)) {
                tables.table(table).grantWriteData(role);
            } else {
                grantBlindWrites(role, table);
            }
        }
        if (Uses.tables(permissions).stream().anyMatch(table -> !table.indexes().isEmpty())) {
            wildcards.put("Resource::<Tables[A-Za-z0-9]+\\.Arn>\\/index\\/\\*",
                    "The indexes of a table the function may use: queries go through them");
        }
        for (Queue queue : permissions.sendsTo()) {
            queues.queue(queue).grantSendMessages(role);
        }
        for (Bucket bucket : permissions.readsBuckets()) {
            grantObjects(role, buckets.bucket(bucket), "s3:GetObject");
            // Listing lets a missing key read as 404 rather than 403.
            role.addToPrincipalPolicy(statement(List.of("s3:ListBucket"),
                    List.of(buckets.bucket(bucket).getBucketArn())));
        }
        for (Bucket bucket : permissions.writesBuckets()) {
            grantObjects(role, buckets.bucket(bucket), "s3:PutObject", "s3:DeleteObject");
        }
        if (!Uses.buckets(permissions).isEmpty()) {
            wildcards.put("Resource::<Buckets[A-Za-z0-9]+\\.Arn>\\/\\*",
                    "Objects of a bucket the function may use; keys are per candidate and answer, not known"
                            + " in advance");
        }
        if (permissions.sendsEmail()) {
            role.addToPrincipalPolicy(statement(List.of("ses:SendEmail"), email.sendingResources()));
        }
        if (permissions.startsTranscriptions()) {
            role.addToPrincipalPolicy(statement(TRANSCRIBE_ACTIONS, List.of("*")));
            wildcards.put("Resource::\\*", "transcribe:StartTranscriptionJob and GetTranscriptionJob support no"
                    + " resource-level permissions; only these two actions are granted on *");
        }
        if (permissions.managesSchedules()) {
            role.addToPrincipalPolicy(statement(SCHEDULE_ACTIONS, batchScheduling.scheduleArns()));
            wildcards.put("Resource::arn:<AWS::Partition>:scheduler:<AWS::Region>:<AWS::AccountId>:schedule\\/"
                    + "<BatchScheduling[A-Za-z0-9]+>\\/\\*",
                    "One-time batch schedules are named per batch, within the batch schedule group only");
            role.addToPrincipalPolicy(PolicyStatement.Builder.create()
                    .actions(List.of("iam:PassRole"))
                    .resources(List.of(batchScheduling.schedulerRole().getRoleArn()))
                    .conditions(Map.of("StringEquals", Map.of("iam:PassedToService", "scheduler.amazonaws.com")))
                    .build());
        }
        wildcards.forEach((pattern, reason) -> Nag.acknowledgeWildcard(role, pattern, reason));
    }

    private static void grantObjects(IRole role, IBucket bucket, String... actions) {
        role.addToPrincipalPolicy(statement(List.of(actions), List.of(bucket.arnForObjects("*"))));
    }

    /**
     * Writes to a table the function must never read (the self-identification table): puts and deletes only, and
     * none that returns the item it replaced or removed, which would read it after all.
     */
    private void grantBlindWrites(IRole role, Table table) {
        role.addToPrincipalPolicy(PolicyStatement.Builder.create()
                .actions(List.of("dynamodb:PutItem", "dynamodb:DeleteItem"))
                .resources(List.of(tables.table(table).getTableArn()))
                .conditions(Map.of("StringEqualsIfExists", Map.of("dynamodb:ReturnValues", "NONE")))
                .build());
    }

    private static PolicyStatement statement(List<String> actions, List<String> resources) {
        return PolicyStatement.Builder.create().actions(actions).resources(resources).build();
    }
}
