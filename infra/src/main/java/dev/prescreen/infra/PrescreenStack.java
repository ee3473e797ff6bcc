package dev.prescreen.infra;

import dev.prescreen.api.ApiRoutes;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.s3.Bucket;
import software.constructs.Construct;

/**
 * prescreen on AWS: every table, queue, bucket, function and route of the catalog in {@code shared}, the
 * events and schedules between them, the candidate page, and alarms. Adding to the catalog adds here.
 */
public final class PrescreenStack extends Stack {

    private final TablesConstruct tables;
    private final QueuesConstruct queues;
    private final BucketsConstruct buckets;
    private final FunctionsConstruct functions;
    private final ApiConstruct api;
    private final CandidatePageConstruct candidatePage;
    private final AlarmsConstruct alarms;

    public PrescreenStack(Construct scope, String id, StackProps props, Workspace workspace) {
        super(scope, id, props);
        Bucket accessLogs = SecureBuckets.accessLogs(this, "AccessLogs");
        this.candidatePage = new CandidatePageConstruct(this, "CandidatePage", accessLogs);
        this.tables = new TablesConstruct(this, "Tables");
        this.queues = new QueuesConstruct(this, "Queues");
        this.buckets = new BucketsConstruct(this, "Buckets", accessLogs, queues, candidatePage.origin());
        EmailConstruct email = new EmailConstruct(this, "Email");
        new ServiceEventsConstruct(this, "ServiceEvents", queues, email);
        BatchSchedulingConstruct batchScheduling = new BatchSchedulingConstruct(this, "BatchScheduling", queues);

        // The API comes before the functions, whose links point at it, and its routes after them, since
        // they integrate the functions' aliases.
        RecruiterIdentity recruiters = new RecruiterIdentity(this, "RecruiterIdentity");
        this.api = new ApiConstruct(this, "Api", recruiters, candidatePage.origin());
        this.functions = new FunctionsConstruct(this, "Functions", workspace, new FunctionsConstruct.Resources(
                tables, queues, buckets, email, batchScheduling, api.url(), candidatePage.url(),
                auditRetentionDays()));
        api.addRoutes(ApiRoutes.all(), functions::alias);
        new RecurringSchedulesConstruct(this, "RecurringSchedules", functions);
        workspace.candidatePage().ifPresent(folder -> candidatePage.publish(folder, api.url()));
        this.alarms = new AlarmsConstruct(this, "Alarms", queues, functions);

        CfnOutput.Builder.create(this, "ApiUrl").value(api.url())
                .description("Base URL of the HTTP API").build();
        CfnOutput.Builder.create(this, "CandidatePageUrl").value(candidatePage.url())
                .description("The candidate page (CloudFront)").build();
    }

    public TablesConstruct tables() {
        return tables;
    }

    public QueuesConstruct queues() {
        return queues;
    }

    public BucketsConstruct buckets() {
        return buckets;
    }

    public FunctionsConstruct functions() {
        return functions;
    }

    public ApiConstruct api() {
        return api;
    }

    public CandidatePageConstruct candidatePage() {
        return candidatePage;
    }

    public AlarmsConstruct alarms() {
        return alarms;
    }

    /** The audit trail's keep time: the context value {@value #AUDIT_RETENTION_CONTEXT}, or the default. */
    static final String AUDIT_RETENTION_CONTEXT = "auditRetentionDays";

    private int auditRetentionDays() {
        Object value = getNode().tryGetContext(AUDIT_RETENTION_CONTEXT);
        return value == null ? dev.prescreen.domain.audit.AuditTrail.DEFAULT_RETENTION_DAYS
                : Integer.parseInt(value.toString());
    }
}
