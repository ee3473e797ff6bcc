package dev.prescreen.infra;

import dev.prescreen.cloud.Bucket;
import dev.prescreen.cloud.LambdaFunction;
import dev.prescreen.cloud.Permissions;
import dev.prescreen.cloud.Queue;
import dev.prescreen.cloud.Table;
import dev.prescreen.config.Settings;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.ApplicationLogLevel;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.LoggingFormat;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.lambda.SystemLogLevel;
import software.amazon.awscdk.services.lambda.eventsources.SqsEventSource;
import software.amazon.awscdk.services.lambda.eventsources.SqsEventSourceProps;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.sqs.IQueue;
import software.constructs.Construct;

/**
 * One Lambda function per {@link LambdaFunction}: its jar, handler, memory and timeout from the catalog,
 * SnapStart on published versions behind the {@value #ALIAS} alias (which the API, event sources and
 * schedules invoke), JSON logs in its own log group, the settings it reads, and a role of its own that
 * holds exactly the catalog's permissions.
 */
public final class FunctionsConstruct extends Construct {

    public static final String ALIAS = "live";
    static final RetentionDays LOG_RETENTION = RetentionDays.ONE_MONTH;
    /** C1 only: with SnapStart the JIT's warm-up matters less than a short, predictable first request. */
    static final String JAVA_TOOL_OPTIONS = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1";
    static final int BATCH_SIZE = 10;
    static final Duration MAX_BATCHING_WINDOW = Duration.seconds(1);

    /** What every function's settings and grants are drawn from. */
    public record Resources(TablesConstruct tables, QueuesConstruct queues, BucketsConstruct buckets,
            EmailConstruct email, BatchSchedulingConstruct batchScheduling, String publicBaseUrl,
            String candidatePageUrl, int auditRetentionDays) {

        public Resources {
            if (auditRetentionDays < dev.prescreen.domain.audit.AuditTrail.MIN_RETENTION_DAYS) {
                throw new IllegalArgumentException("auditRetentionDays must be at least "
                        + dev.prescreen.domain.audit.AuditTrail.MIN_RETENTION_DAYS + " (six months), not "
                        + auditRetentionDays);
            }
        }
    }

    /** A deployed function with what the rest of the stack attaches to. */
    public record Deployed(Function function, Alias alias, LogGroup logGroup, Role role) {
    }

    private final Map<LambdaFunction, Deployed> deployed = new EnumMap<>(LambdaFunction.class);

    public FunctionsConstruct(Construct scope, String id, Workspace workspace, Resources resources) {
        super(scope, id);
        FunctionGrants grants = new FunctionGrants(resources.tables(), resources.queues(), resources.buckets(),
                resources.email(), resources.batchScheduling());
        for (LambdaFunction function : LambdaFunction.values()) {
            deployed.put(function, deploy(function, workspace, resources, grants));
        }
    }

    public Deployed deployed(LambdaFunction function) {
        return deployed.get(function);
    }

    public Alias alias(LambdaFunction function) {
        return deployed.get(function).alias();
    }

    private Deployed deploy(LambdaFunction function, Workspace workspace, Resources resources, FunctionGrants grants) {
        String name = Names.pascal(function.functionName());
        Construct scope = new Construct(this, name);
        LogGroup logGroup = LogGroup.Builder.create(scope, "Logs").retention(LOG_RETENTION).build();
        // No managed policy: the function may write to its own log group and do what the catalog says.
        Role role = Role.Builder.create(scope, "Role")
                .description("prescreen " + function.functionName())
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .build();
        logGroup.grantWrite(role);
        grants.grant(function.permissions(), role);

        Function lambda = Function.Builder.create(scope, "Function")
                .description("prescreen " + function.functionName() + " (" + function.handlerClass() + ")")
                .code(Code.fromAsset(workspace.deploymentJar(function).toString()))
                .handler(function.handler())
                .runtime(Runtime.JAVA_25)
                .architecture(Architecture.ARM_64)
                .memorySize(function.memoryMb())
                .timeout(Duration.seconds(function.timeoutSeconds()))
                .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS)
                .loggingFormat(LoggingFormat.JSON)
                .applicationLogLevelV2(ApplicationLogLevel.INFO)
                .systemLogLevelV2(SystemLogLevel.INFO)
                .logGroup(logGroup)
                .role(role)
                .environment(environment(function, resources))
                .build();
        Annotations.of(lambda).acknowledgeWarning("@aws-cdk/aws-lambda:snapStartRequirePublish",
                "Versions are published: the live alias points at the current version");
        Nag.acknowledge(lambda, "Serverless-LambdaDLQ", "Not invoked asynchronously except by schedules: API"
                + " calls are synchronous and queue consumers fail over to their queue's dead-letter queue");
        Nag.acknowledge(lambda, "Serverless-LambdaTracing", "X-Ray needs xray:Put* on \"*\"; JSON logs with"
                + " request ids, the API access log and the alarms are the operational signal");
        Alias alias = Alias.Builder.create(scope, "Live")
                .aliasName(ALIAS)
                .version(lambda.getCurrentVersion())
                .build();
        function.consumes().ifPresent(queue -> consume(alias, resources.queues().queue(queue)));
        return new Deployed(lambda, alias, logGroup, role);
    }

    private static void consume(Alias alias, IQueue queue) {
        alias.addEventSource(new SqsEventSource(queue, SqsEventSourceProps.builder()
                .batchSize(BATCH_SIZE)
                .maxBatchingWindow(MAX_BATCHING_WINDOW)
                .reportBatchItemFailures(true)
                .build()));
        Nag.acknowledge(alias, "Serverless-LambdaEventSourceMappingDestination", "SQS event sources take no"
                + " on-failure destination: a failed message returns to its queue and, after maxReceiveCount"
                + " receives, moves to the queue's dead-letter queue, which alarms");
    }

    /** The settings the function reads ({@link Settings}), for the resources its permissions name. */
    static Map<String, String> environment(LambdaFunction function, Resources resources) {
        Permissions permissions = function.permissions();
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("JAVA_TOOL_OPTIONS", JAVA_TOOL_OPTIONS);
        environment.put(Settings.PUBLIC_BASE_URL, resources.publicBaseUrl());
        environment.put(Settings.CANDIDATE_PAGE_URL, resources.candidatePageUrl());
        for (Table table : Uses.tables(permissions)) {
            environment.put(Settings.tableKey(table), resources.tables().table(table).getTableName());
        }
        for (Queue queue : Uses.queues(function)) {
            environment.put(Settings.queueUrlKey(queue), resources.queues().queue(queue).getQueueUrl());
            environment.put(Settings.deadLetterQueueUrlKey(queue),
                    resources.queues().deadLetterQueue(queue).getQueueUrl());
        }
        for (Bucket bucket : Uses.buckets(permissions)) {
            environment.put(Settings.bucketKey(bucket), resources.buckets().bucket(bucket).getBucketName());
        }
        if (permissions.writesAudit()) {
            environment.put(Settings.AUDIT_RETENTION_DAYS, Integer.toString(resources.auditRetentionDays()));
        }
        if (permissions.sendsEmail()) {
            environment.put(Settings.SENDER_EMAIL, resources.email().senderEmail());
            environment.put(Settings.SES_CONFIGURATION_SET, resources.email().configurationSetName());
        }
        if (permissions.managesSchedules()) {
            environment.put(Settings.SCHEDULER_ROLE_ARN, resources.batchScheduling().schedulerRole().getRoleArn());
            environment.put(Settings.SCHEDULE_GROUP, resources.batchScheduling().groupName());
            // A batch schedule's target is the batch-sends queue, whose ARN follows from its URL.
            environment.put(Settings.queueUrlKey(BatchSchedulingConstruct.TARGET),
                    resources.queues().queue(BatchSchedulingConstruct.TARGET).getQueueUrl());
        }
        return environment;
    }
}
