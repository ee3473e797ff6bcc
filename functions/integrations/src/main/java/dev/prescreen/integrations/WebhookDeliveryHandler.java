package dev.prescreen.integrations;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.prescreen.lambda.Priming;
import dev.prescreen.aws.AwsClients;
import dev.prescreen.config.Settings;
import dev.prescreen.domain.webhook.WebhookDeliveries;
import dev.prescreen.json.Json;
import dev.prescreen.messages.SqsBatch;
import dev.prescreen.messages.WebhookDeliveryMessage;

/**
 * Attempts a webhook delivery when it is due. A delivery retried for a day in vain fails its message every time,
 * so the message reaches the dead-letter queue (and its alarm) after the redrive limit.
 */
public final class WebhookDeliveryHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    /** Held here: the CRaC context keeps its resources only weakly. */
    @SuppressWarnings("unused")
    private Priming<?> priming;

    private final WebhookDeliveries deliveries;

    /** Lambda's constructor: configured from the environment, and primed (see {@link Priming}). */
    public WebhookDeliveryHandler() {
        this(AwsClients.forLambda(), Settings.fromProcessEnvironment());
        this.priming = Priming.atInitialisation(this);
    }

    public WebhookDeliveryHandler(AwsClients clients, Settings settings) {
        this.deliveries = IntegrationsFunctions.deliveries(clients, settings);
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return SqsBatch.process("webhook.deliver", event, message -> {
            WebhookDeliveryMessage delivery = Json.read(message.getBody(), WebhookDeliveryMessage.class);
            WebhookDeliveries.Outcome outcome = deliveries.attempt(delivery.organisation(), delivery.endpointId(),
                    delivery.deliveryId());
            if (outcome == WebhookDeliveries.Outcome.GAVE_UP) {
                throw new IllegalStateException("webhook delivery retried for a day without success");
            }
        });
    }
}
