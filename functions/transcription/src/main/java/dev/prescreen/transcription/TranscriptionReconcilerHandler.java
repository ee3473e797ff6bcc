package dev.prescreen.transcription;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.prescreen.lambda.Priming;
import dev.prescreen.aws.AwsClients;
import dev.prescreen.config.Settings;
import dev.prescreen.domain.transcription.TranscriptionService;
import dev.prescreen.observability.Log;
import java.time.Duration;
import java.util.Map;

/** Runs on a schedule: finishes transcription jobs whose state-change event never arrived. */
public final class TranscriptionReconcilerHandler implements RequestHandler<Map<String, Object>, String> {

    /** Held here: the CRaC context keeps its resources only weakly. */
    @SuppressWarnings("unused")
    private Priming<?> priming;

    private static final int BATCH = 100;

    private final TranscriptionService transcription;
    private final Duration olderThan;

    /** Lambda's constructor: configured from the environment, and primed (see {@link Priming}). */
    public TranscriptionReconcilerHandler() {
        this(AwsClients.forLambda(), Settings.fromProcessEnvironment());
        this.priming = Priming.atInitialisation(this, TranscriptionFunctions::detectASampleLanguage);
    }

    public TranscriptionReconcilerHandler(AwsClients clients, Settings settings) {
        this.transcription = TranscriptionFunctions.service(clients, settings);
        this.olderThan = Duration.ofSeconds(settings.getInt(Settings.RECONCILE_AFTER_SECONDS, 600));
    }

    @Override
    public String handleRequest(Map<String, Object> input, Context context) {
        // priming: the same reconciliation over jobs older than any there is
        int settled = transcription.reconcile(Priming.requested(input)
                ? Priming.olderThanAnyRecord(java.time.Clock.systemUTC()) : olderThan, BATCH);
        Log.info("transcription.reconciled", Map.of("settled", settled));
        return "settled " + settled;
    }
}
