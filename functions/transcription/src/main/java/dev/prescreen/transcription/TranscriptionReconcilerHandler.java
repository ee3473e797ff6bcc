package dev.prescreen.transcription;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.prescreen.aws.AwsClients;
import dev.prescreen.config.Settings;
import dev.prescreen.domain.transcription.TranscriptionService;
import dev.prescreen.observability.Log;
import java.time.Duration;
import java.util.Map;

/** Runs on a schedule: finishes transcription jobs whose state-change event never arrived. */
public final class TranscriptionReconcilerHandler implements RequestHandler<Map<String, Object>, String> {

    private static final int BATCH = 100;

    private final TranscriptionService transcription;
    private final Duration olderThan;

    public TranscriptionReconcilerHandler() {
        this(AwsClients.forLambda(), Settings.fromProcessEnvironment());
    }

    public TranscriptionReconcilerHandler(AwsClients clients, Settings settings) {
        this.transcription = TranscriptionFunctions.service(clients, settings);
        this.olderThan = Duration.ofSeconds(settings.getInt(Settings.RECONCILE_AFTER_SECONDS, 600));
    }

    @Override
    public String handleRequest(Map<String, Object> input, Context context) {
        int settled = transcription.reconcile(olderThan, BATCH);
        Log.info("transcription.reconciled", Map.of("settled", settled));
        return "settled " + settled;
    }
}
