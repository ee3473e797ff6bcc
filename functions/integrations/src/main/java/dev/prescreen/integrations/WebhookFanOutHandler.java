package dev.prescreen.integrations;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.prescreen.lambda.Priming;
import dev.prescreen.aws.AwsClients;
import dev.prescreen.config.Settings;
import dev.prescreen.domain.webhook.WebhookDeliveries;
import dev.prescreen.domain.webhook.WebhookEvent;
import dev.prescreen.json.Json;
import dev.prescreen.messages.SqsBatch;

/** Events for webhooks: one delivery per endpoint that wants the event, recorded and queued (idempotent). */
public final class WebhookFanOutHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    /** Held here: the CRaC context keeps its resources only weakly. */
    @SuppressWarnings("unused")
    private Priming<?> priming;

    private final WebhookDeliveries deliveries;

    /** Lambda's constructor: configured from the environment, and primed (see {@link Priming}). */
    public WebhookFanOutHandler() {
        this(AwsClients.forLambda(), Settings.fromProcessEnvironment());
        this.priming = Priming.atInitialisation(this);
    }

    public WebhookFanOutHandler(AwsClients clients, Settings settings) {
        this.deliveries = IntegrationsFunctions.deliveries(clients, settings);
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return SqsBatch.process("webhook.fan_out", event,
                message -> deliveries.fanOut(Json.read(message.getBody(), WebhookEvent.class)));
    }
}
