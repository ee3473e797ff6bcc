package dev.prescreen.cloud;

import java.util.Optional;

/**
 * Every Lambda function: the module (deployment jar) it ships in, its handler class, memory and timeout,
 * and the queue it consumes when it is a queue consumer. The CDK stack deploys exactly these, and the
 * local runtime hosts exactly these. API routes name their function in {@link dev.prescreen.api.ApiRoutes}.
 *
 * <p>Every handler class has a public constructor {@code (AwsClients, Settings)} and a no-argument
 * constructor for Lambda that delegates to it.
 */
public enum LambdaFunction {
    PLANS_API("plans", "dev.prescreen.plans.PlansApiHandler", 512, 10, null,
            Permissions.builder().readWrite(Table.MAIN).writeAudit().build()),
    SESSION_API("screening", "dev.prescreen.screening.SessionApiHandler", 512, 10, null,
            Permissions.builder().readWrite(Table.MAIN).write(Table.SELF_IDENTIFICATION)
                    .sendTo(Queue.SCORING, Queue.WEBHOOK_EVENTS).read(Bucket.RECORDINGS).write(Bucket.RECORDINGS)
                    .sendEmail().build()),
    TRANSCRIPTION_START("transcription", "dev.prescreen.transcription.RecordingUploadedHandler", 512, 30,
            Queue.TRANSCRIPTION_JOBS, Permissions.builder().readWrite(Table.MAIN).read(Bucket.RECORDINGS)
                    .write(Bucket.TRANSCRIPTS).startTranscriptions().build()),
    TRANSCRIPTION_COLLECT("transcription", "dev.prescreen.transcription.TranscriptionEventsHandler", 1024, 60,
            Queue.TRANSCRIPTION_EVENTS, Permissions.builder().readWrite(Table.MAIN).read(Bucket.RECORDINGS)
                    .read(Bucket.TRANSCRIPTS).write(Bucket.TRANSCRIPTS).startTranscriptions().sendTo(Queue.SCORING)
                    .build()),
    TRANSCRIPTION_RECONCILER("transcription", "dev.prescreen.transcription.TranscriptionReconcilerHandler", 1024, 120,
            null, Permissions.builder().readWrite(Table.MAIN).read(Bucket.RECORDINGS).read(Bucket.TRANSCRIPTS)
                    .write(Bucket.TRANSCRIPTS).startTranscriptions().sendTo(Queue.SCORING).build()),
    BATCHES_API("scheduling", "dev.prescreen.scheduling.BatchesApiHandler", 1024, 29, null,
            Permissions.builder().readWrite(Table.MAIN).sendTo(Queue.BATCH_SENDS).manageSchedules().build()),
    BATCH_SEND("scheduling", "dev.prescreen.scheduling.BatchSendHandler", 512, 60, Queue.BATCH_SENDS,
            Permissions.builder().readWrite(Table.MAIN).sendTo(Queue.INVITATIONS).build()),
    INVITATION_SEND("scheduling", "dev.prescreen.scheduling.InvitationSendHandler", 512, 30, Queue.INVITATIONS,
            Permissions.builder().readWrite(Table.MAIN).sendEmail().sendTo(Queue.WEBHOOK_EVENTS).build()),
    REMINDERS("scheduling", "dev.prescreen.scheduling.ReminderHandler", 512, 120, null,
            Permissions.builder().readWrite(Table.MAIN).sendEmail().sendTo(Queue.WEBHOOK_EVENTS).build()),
    EMAIL_EVENTS("scheduling", "dev.prescreen.scheduling.EmailEventsHandler", 512, 30, Queue.EMAIL_EVENTS,
            Permissions.builder().readWrite(Table.MAIN).sendTo(Queue.WEBHOOK_EVENTS).build()),
    SCORE_ANSWERS("scoring", "dev.prescreen.scoringstage.ScoreAnswersHandler", 1024, 60, Queue.SCORING,
            Permissions.builder().readWrite(Table.MAIN).sendTo(Queue.REPORTING).build()),
    REPORT_BUILD("reporting", "dev.prescreen.reporting.ReportBuildHandler", 512, 60, Queue.REPORTING,
            Permissions.builder().readWrite(Table.MAIN).read(Bucket.RECORDINGS).sendEmail()
                    .sendTo(Queue.WEBHOOK_EVENTS).build()),
    REPORTS_API("reporting", "dev.prescreen.reporting.ReportsApiHandler", 512, 29, null,
            Permissions.builder().readWrite(Table.MAIN).write(Table.SELF_IDENTIFICATION).read(Bucket.RECORDINGS)
                    .write(Bucket.RECORDINGS).write(Bucket.TRANSCRIPTS).sendTo(Queue.WEBHOOK_EVENTS).writeAudit()
                    .build()),
    /** Impact ratios (the one reader of self-identifications), the audit trail, alternative requests, explanations. */
    COMPLIANCE_API("compliance", "dev.prescreen.compliance.ComplianceApiHandler", 512, 29, null,
            Permissions.builder().readWrite(Table.MAIN).read(Table.SELF_IDENTIFICATION).writeAudit().build()),
    PIPELINE_RECONCILER("reporting", "dev.prescreen.reporting.PipelineReconcilerHandler", 512, 120, null,
            Permissions.builder().read(Table.MAIN).sendTo(Queue.SCORING).sendTo(Queue.REPORTING).build()),
    WEBHOOKS_API("integrations", "dev.prescreen.integrations.WebhooksApiHandler", 512, 10, null,
            Permissions.builder().readWrite(Table.MAIN).sendTo(Queue.WEBHOOK_DELIVERIES).callWebhooks().sendEmail()
                    .build()),
    GREENHOUSE_API("integrations", "dev.prescreen.integrations.GreenhouseApiHandler", 512, 10, null,
            Permissions.builder().readWrite(Table.MAIN).sendTo(Queue.BATCH_SENDS, Queue.WEBHOOK_DELIVERIES)
                    .manageSchedules().callWebhooks().sendEmail().build()),
    WEBHOOK_FANOUT("integrations", "dev.prescreen.integrations.WebhookFanOutHandler", 512, 30, Queue.WEBHOOK_EVENTS,
            Permissions.builder().readWrite(Table.MAIN).sendTo(Queue.WEBHOOK_DELIVERIES).callWebhooks().sendEmail()
                    .build()),
    WEBHOOK_DELIVER("integrations", "dev.prescreen.integrations.WebhookDeliveryHandler", 512, 30,
            Queue.WEBHOOK_DELIVERIES, Permissions.builder().readWrite(Table.MAIN).sendTo(Queue.WEBHOOK_DELIVERIES)
                    .callWebhooks().sendEmail().build()),
    RETENTION_SWEEPER("reporting", "dev.prescreen.reporting.RetentionSweeperHandler", 512, 300, null,
            Permissions.builder().read(Table.MAIN).read(Bucket.RECORDINGS).write(Bucket.RECORDINGS).build());

    private final String module;
    private final String handlerClass;
    private final int memoryMb;
    private final int timeoutSeconds;
    private final Queue consumes;
    private final Permissions permissions;

    LambdaFunction(String module, String handlerClass, int memoryMb, int timeoutSeconds, Queue consumes,
            Permissions permissions) {
        this.module = module;
        this.handlerClass = handlerClass;
        this.memoryMb = memoryMb;
        this.timeoutSeconds = timeoutSeconds;
        this.consumes = consumes;
        this.permissions = permissions;
        if (consumes != null && consumes.consumerTimeoutSeconds() < timeoutSeconds) {
            throw new IllegalStateException(name() + " outlives its queue's visibility budget");
        }
    }

    /** The function module under {@code functions/}, whose jar holds the handler. */
    public String module() {
        return module;
    }

    public String handlerClass() {
        return handlerClass;
    }

    /** Lambda's handler string. */
    public String handler() {
        return handlerClass + "::handleRequest";
    }

    public int memoryMb() {
        return memoryMb;
    }

    public int timeoutSeconds() {
        return timeoutSeconds;
    }

    public Optional<Queue> consumes() {
        return Optional.ofNullable(consumes);
    }

    public Permissions permissions() {
        return permissions;
    }

    /**
     * The settings the function is given ({@link dev.prescreen.config.Settings} keys): those of the
     * resources its permissions name, and nothing else. The local runtime gives it exactly these, as the
     * CDK stack does.
     */
    public java.util.Set<String> settingKeys() {
        java.util.Set<String> keys = new java.util.TreeSet<>(java.util.List.of(
                dev.prescreen.config.Settings.PUBLIC_BASE_URL, dev.prescreen.config.Settings.CANDIDATE_PAGE_URL));
        permissions.readsTables().forEach(t -> keys.add(dev.prescreen.config.Settings.tableKey(t)));
        permissions.writesTables().forEach(t -> keys.add(dev.prescreen.config.Settings.tableKey(t)));
        java.util.Set<Queue> queues = java.util.EnumSet.noneOf(Queue.class);
        queues.addAll(permissions.sendsTo());
        consumes().ifPresent(queues::add);
        if (permissions.managesSchedules()) {
            keys.add(dev.prescreen.config.Settings.SCHEDULER_ROLE_ARN);
            keys.add(dev.prescreen.config.Settings.SCHEDULE_GROUP);
        }
        for (Queue queue : queues) {
            keys.add(dev.prescreen.config.Settings.queueUrlKey(queue));
            keys.add(dev.prescreen.config.Settings.deadLetterQueueUrlKey(queue));
        }
        permissions.readsBuckets().forEach(b -> keys.add(dev.prescreen.config.Settings.bucketKey(b)));
        permissions.writesBuckets().forEach(b -> keys.add(dev.prescreen.config.Settings.bucketKey(b)));
        if (permissions.callsWebhooks()) {
            keys.add(dev.prescreen.config.Settings.WEBHOOKS_ALLOW_LOOPBACK_HTTP);
            keys.add(dev.prescreen.config.Settings.WEBHOOK_FIRST_RETRY_MILLIS);
        }
        if (permissions.writesAudit()) {
            keys.add(dev.prescreen.config.Settings.AUDIT_RETENTION_DAYS);
        }
        if (permissions.sendsEmail()) {
            keys.add(dev.prescreen.config.Settings.SENDER_EMAIL);
            keys.add(dev.prescreen.config.Settings.SES_CONFIGURATION_SET);
        }
        return keys;
    }

    /** A short name, for logs and resource names. */
    public String functionName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
