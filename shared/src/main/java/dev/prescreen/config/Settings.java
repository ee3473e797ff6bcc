package dev.prescreen.config;

import dev.prescreen.cloud.Bucket;
import dev.prescreen.cloud.Queue;
import dev.prescreen.cloud.Table;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A function's configuration, read from its environment: in Lambda the process environment set by the
 * CDK stack, locally a map built by the local runtime. The key names are defined here only, so the
 * stack and the runtime cannot disagree.
 */
public final class Settings {

    private final Map<String, String> values;
    private final boolean processEnvironment;

    public Settings(Map<String, String> values) {
        this(values, false);
    }

    private Settings(Map<String, String> values, boolean processEnvironment) {
        this.values = Map.copyOf(values);
        this.processEnvironment = processEnvironment;
    }

    public static Settings fromProcessEnvironment() {
        return new Settings(System.getenv(), true);
    }

    /** True in Lambda: credentials then come from the SDK's default chain, which also refreshes them. */
    public boolean processEnvironment() {
        return processEnvironment;
    }

    public Map<String, String> asMap() {
        return values;
    }

    public Optional<String> find(String key) {
        return Optional.ofNullable(values.get(key)).filter(v -> !v.isBlank());
    }

    public String require(String key) {
        return find(key).orElseThrow(() -> new IllegalStateException("missing setting " + key));
    }

    public String get(String key, String fallback) {
        return find(key).orElse(fallback);
    }

    public int getInt(String key, int fallback) {
        return find(key).map(Integer::parseInt).orElse(fallback);
    }

    public String tableName(Table table) {
        return require(tableKey(table));
    }

    public String queueUrl(Queue queue) {
        return require(queueUrlKey(queue));
    }

    public String bucketName(Bucket bucket) {
        return require(bucketKey(bucket));
    }

    /** Whether the key names a resource (given only to functions that use it) rather than a tuning value. */
    public static boolean resourceKey(String key) {
        return key.startsWith("PRESCREEN_TABLE_") || key.startsWith("PRESCREEN_QUEUE_")
                || key.startsWith("PRESCREEN_BUCKET_") || java.util.Set.of(PUBLIC_BASE_URL, CANDIDATE_PAGE_URL,
                        SENDER_EMAIL, SES_CONFIGURATION_SET, SCHEDULER_ROLE_ARN, SCHEDULE_GROUP).contains(key);
    }

    /** The same settings less the resource keys not in {@code allowed}. */
    public Settings restrictedTo(java.util.Set<String> allowed) {
        java.util.Map<String, String> kept = new java.util.HashMap<>();
        values.forEach((key, value) -> {
            if (!resourceKey(key) || allowed.contains(key)) {
                kept.put(key, value);
            }
        });
        return new Settings(kept);
    }

    public static String tableKey(Table table) {
        return "PRESCREEN_TABLE_" + constant(table.logicalName());
    }

    public static String queueUrlKey(Queue queue) {
        return "PRESCREEN_QUEUE_" + constant(queue.logicalName()) + "_URL";
    }

    public static String deadLetterQueueUrlKey(Queue queue) {
        return "PRESCREEN_QUEUE_" + constant(queue.logicalName()) + "_DLQ_URL";
    }

    public static String bucketKey(Bucket bucket) {
        return "PRESCREEN_BUCKET_" + constant(bucket.logicalName());
    }

    private static String constant(String logicalName) {
        return logicalName.replace('-', '_').toUpperCase(Locale.ROOT);
    }

    /** Public base URL of the HTTP API, used in links sent by email. */
    public static final String PUBLIC_BASE_URL = "PRESCREEN_PUBLIC_BASE_URL";
    /** The candidate page's URL; a candidate's link is this plus {@code #<token>}. */
    public static final String CANDIDATE_PAGE_URL = "PRESCREEN_CANDIDATE_PAGE_URL";
    /** Verified SES sender address. */
    public static final String SENDER_EMAIL = "PRESCREEN_SENDER_EMAIL";
    /** SES configuration set that publishes bounces and complaints. */
    public static final String SES_CONFIGURATION_SET = "PRESCREEN_SES_CONFIGURATION_SET";
    /** Role that EventBridge Scheduler assumes to deliver batch sends. */
    public static final String SCHEDULER_ROLE_ARN = "PRESCREEN_SCHEDULER_ROLE_ARN";
    /** Seconds the candidate's page waits for a follow-up proposal before moving on. */
    /** Days the audit trail keeps an entry; never below six months (see AuditTrail.MIN_RETENTION_DAYS). */
    public static final String AUDIT_RETENTION_DAYS = "PRESCREEN_AUDIT_RETENTION_DAYS";
    public static final String FOLLOW_UP_WAIT_SECONDS = "PRESCREEN_FOLLOW_UP_WAIT_SECONDS";
    /** Seconds a transcription job may run before the reconciler asks Transcribe about it. */
    public static final String RECONCILE_AFTER_SECONDS = "PRESCREEN_RECONCILE_AFTER_SECONDS";
    /** How long work may wait between pipeline stages before the pipeline reconciler hands it on again (300). */
    public static final String PIPELINE_RECONCILE_AFTER_SECONDS = "PRESCREEN_PIPELINE_RECONCILE_AFTER_SECONDS";
    /**
     * "true" only on the local stack: webhook URLs may then be plain HTTP to the loopback interface (a test
     * receiver). Unset in AWS: HTTPS to public addresses only.
     */
    public static final String WEBHOOKS_ALLOW_LOOPBACK_HTTP = "PRESCREEN_WEBHOOKS_ALLOW_LOOPBACK_HTTP";
    /** Milliseconds of the first webhook retry's backoff (30000; a test stack sets less). */
    public static final String WEBHOOK_FIRST_RETRY_MILLIS = "PRESCREEN_WEBHOOK_FIRST_RETRY_MILLIS";
    /** Scheduler group for one-time batch schedules. */
    public static final String SCHEDULE_GROUP = "PRESCREEN_SCHEDULE_GROUP";
}
