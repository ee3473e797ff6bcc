package dev.prescreen.integrations;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.prescreen.aws.AwsClients;
import dev.prescreen.config.Settings;
import dev.prescreen.domain.webhook.WebhookDeliveries;
import dev.prescreen.domain.webhook.WebhookEvent;
import dev.prescreen.json.Json;
import dev.prescreen.messages.SqsBatch;

/** Events for webhooks: one delivery per endpoint that wants the event, recorded and queued (idempotent). */
public final class WebhookFanOutHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private final WebhookDeliveries deliveries;

    public WebhookFanOutHandler() {
        this(AwsClients.forLambda(), Settings.fromProcessEnvironment());
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
