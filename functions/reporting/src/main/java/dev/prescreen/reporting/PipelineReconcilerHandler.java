package dev.prescreen.reporting;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.prescreen.lambda.Priming;
import dev.prescreen.aws.AwsClients;
import dev.prescreen.cloud.Queue;
import dev.prescreen.cloud.Table;
import dev.prescreen.config.Settings;
import dev.prescreen.domain.pipeline.PipelineReconciler;
import dev.prescreen.messages.SqsPipelineEvents;
import dev.prescreen.messages.SqsReportingQueue;
import dev.prescreen.observability.Log;
import dev.prescreen.storage.DynamoInterviewRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * Every few minutes: hands on again whatever a crash left between a write and its message (answers awaiting their
 * score, interviews submitted but not finished, completed but not reported or emailed).
 */
public final class PipelineReconcilerHandler implements RequestHandler<Map<String, Object>, String> {

    /** Held here: the CRaC context keeps its resources only weakly. */
    @SuppressWarnings("unused")
    private Priming<?> priming;

    private static final int BATCH = 200;

    private final PipelineReconciler reconciler;
    private final Duration olderThan;

    /** Lambda's constructor: configured from the environment, and primed (see {@link Priming}). */
    public PipelineReconcilerHandler() {
        this(AwsClients.forLambda(), Settings.fromProcessEnvironment());
        this.priming = Priming.atInitialisation(this);
    }

    public PipelineReconcilerHandler(AwsClients clients, Settings settings) {
        this.reconciler = new PipelineReconciler(
                new DynamoInterviewRepository(clients.dynamoDb(), settings.tableName(Table.MAIN)),
                new SqsPipelineEvents(clients.sqs(), settings.queueUrl(Queue.SCORING)),
                new SqsReportingQueue(clients.sqs(), settings.queueUrl(Queue.REPORTING)), Clock.systemUTC());
        this.olderThan = Duration.ofSeconds(settings.getInt(Settings.PIPELINE_RECONCILE_AFTER_SECONDS, 300));
    }

    @Override
    public String handleRequest(Map<String, Object> input, Context context) {
        // priming: the same reconciliation over records older than any there is
        PipelineReconciler.Result r = reconciler.reconcile(Priming.requested(input)
                ? Priming.olderThanAnyRecord(Clock.systemUTC()) : olderThan, BATCH);
        Log.info("pipeline.reconciled", Map.of("answersRescored", r.answersRescored(),
                "interviewsFinished", r.interviewsFinished(), "reportsDelivered", r.reportsDelivered()));
        return r.toString();
    }
}
