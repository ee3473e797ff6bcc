package dev.prescreen.transcription;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.prescreen.lambda.Priming;
import dev.prescreen.aws.AwsClients;
import dev.prescreen.config.Settings;
import dev.prescreen.domain.transcription.TranscriptionService;
import dev.prescreen.json.Json;
import dev.prescreen.messages.SqsBatch;
import dev.prescreen.observability.Log;
import java.util.Map;

/** Transcribe job state changes (EventBridge → queue): collects finished jobs and hands answers to scoring. */
public final class TranscriptionEventsHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    /** Held here: the CRaC context keeps its resources only weakly. */
    @SuppressWarnings("unused")
    private Priming<?> priming;

    private final TranscriptionService transcription;

    /** Lambda's constructor: configured from the environment, and primed (see {@link Priming}). */
    public TranscriptionEventsHandler() {
        this(AwsClients.forLambda(), Settings.fromProcessEnvironment());
        this.priming = Priming.atInitialisation(this, TranscriptionFunctions::detectASampleLanguage);
    }

    public TranscriptionEventsHandler(AwsClients clients, Settings settings) {
        this.transcription = TranscriptionFunctions.service(clients, settings);
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return SqsBatch.process("transcription.collect", event, message -> {
            JsonNode change = Json.read(message.getBody(), JsonNode.class);
            if (!"aws.transcribe".equals(change.path("source").asText())) {
                return;
            }
            String jobName = change.path("detail").path("TranscriptionJobName").asText("");
            TranscriptionService.Outcome outcome = transcription.jobChanged(jobName);
            Log.info("transcription.job_changed", Map.of("outcome", outcome.name(),
                    "status", change.path("detail").path("TranscriptionJobStatus").asText()));
        });
    }
}
