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
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** New recordings (S3 event notifications on the transcription-jobs queue) start transcription jobs. */
public final class RecordingUploadedHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    /** Held here: the CRaC context keeps its resources only weakly. */
    @SuppressWarnings("unused")
    private Priming<?> priming;

    private final TranscriptionService transcription;

    /** Lambda's constructor: configured from the environment, and primed (see {@link Priming}). */
    public RecordingUploadedHandler() {
        this(AwsClients.forLambda(), Settings.fromProcessEnvironment());
        this.priming = Priming.atInitialisation(this);
    }

    public RecordingUploadedHandler(AwsClients clients, Settings settings) {
        this.transcription = TranscriptionFunctions.service(clients, settings);
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return SqsBatch.process("transcription.start", event, message -> {
            // S3 sends a test event when a notification is configured; it has no records.
            for (JsonNode record : Json.read(message.getBody(), JsonNode.class).path("Records")) {
                if (!record.path("eventName").asText().startsWith("ObjectCreated")) {
                    continue;
                }
                String bucket = record.path("s3").path("bucket").path("name").asText();
                String key = URLDecoder.decode(record.path("s3").path("object").path("key").asText(),
                        StandardCharsets.UTF_8);
                TranscriptionService.Outcome outcome = transcription.recordingUploaded(bucket, key);
                Log.info("transcription.recording", Map.of("outcome", outcome.name(), "messageId", message.getMessageId()));
            }
        });
    }
}
