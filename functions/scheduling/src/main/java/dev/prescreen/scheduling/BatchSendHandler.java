package dev.prescreen.scheduling;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.prescreen.lambda.Priming;
import dev.prescreen.aws.AwsClients;
import dev.prescreen.config.Settings;
import dev.prescreen.domain.candidate.BatchService;
import dev.prescreen.json.Json;
import dev.prescreen.messages.SqsBatch;
import dev.prescreen.messages.SqsBatchDispatch;
import dev.prescreen.observability.Log;
import java.util.Map;

/**
 * A batch's send time has come (its schedule fired, or it was sent now): fan out one invitation per candidate; or a
 * batch of an organisation that gives notice was created: fan out one advance notice per candidate.
 */
public final class BatchSendHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    /** Held here: the CRaC context keeps its resources only weakly. */
    @SuppressWarnings("unused")
    private Priming<?> priming;

    private final BatchService batches;

    /** Lambda's constructor: configured from the environment, and primed (see {@link Priming}). */
    public BatchSendHandler() {
        this(AwsClients.forLambda(), Settings.fromProcessEnvironment());
        this.priming = Priming.atInitialisation(this);
    }

    public BatchSendHandler(AwsClients clients, Settings settings) {
        this.batches = SchedulingFunctions.batches(clients, settings);
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return SqsBatch.process("batch.send", event, message -> {
            SqsBatchDispatch.BatchDue due = Json.read(message.getBody(), SqsBatchDispatch.BatchDue.class);
            if (due.forNotices()) {
                int noticed = batches.sendNotices(due.organisation(), due.planId(), due.batchId());
                Log.info("batch.notices", Map.of("batchId", due.batchId(), "notices", noticed));
                return;
            }
            int invited = batches.send(due.organisation(), due.planId(), due.batchId());
            Log.info("batch.sent", Map.of("batchId", due.batchId(), "invitations", invited));
        });
    }
}
