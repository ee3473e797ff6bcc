package dev.prescreen.integrations;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.prescreen.lambda.Priming;
import dev.prescreen.api.ApiRequest;
import dev.prescreen.api.ApiResponses;
import dev.prescreen.api.ApiRouter;
import dev.prescreen.aws.AwsClients;
import dev.prescreen.config.Settings;
import dev.prescreen.domain.webhook.WebhookDeliveries;
import dev.prescreen.domain.webhook.WebhookInput;
import dev.prescreen.domain.webhook.WebhookService;
import java.time.Clock;
import java.util.Map;

/** An organisation's webhook endpoints: register, list, change, delete, rotate the signing secret. */
public final class WebhooksApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    /** Held here: the CRaC context keeps its resources only weakly. */
    @SuppressWarnings("unused")
    private Priming<?> priming;

    /** Deliveries the log shows, newest first. */
    private static final int LOG_LIMIT = 100;
    private final ApiRouter router;

    /** Lambda's constructor: configured from the environment, and primed (see {@link Priming}). */
    public WebhooksApiHandler() {
        this(AwsClients.forLambda(), Settings.fromProcessEnvironment());
        this.priming = Priming.atInitialisation(this);
    }

    public WebhooksApiHandler(AwsClients clients, Settings settings) {
        WebhookService webhooks = new WebhookService(IntegrationsFunctions.endpoints(clients, settings),
                IntegrationsFunctions.urlPolicy(settings), Clock.systemUTC());
        WebhookDeliveries deliveries = IntegrationsFunctions.deliveries(clients, settings);
        this.router = ApiRouter.builder()
                .on("POST /webhooks", r -> {
                    WebhookService.WithSecret created = webhooks.create(r.organisation(), r.json(WebhookInput.class));
                    return ApiResponses.created(WebhookRepresentation.withSecret(created),
                            "/webhooks/" + created.endpoint().endpointId());
                })
                .on("GET /webhooks", r -> ApiResponses.json(200, Map.of("items",
                        webhooks.list(r.organisation()).stream().map(WebhookRepresentation::of).toList())))
                .on("GET /webhooks/{webhookId}", r -> ApiResponses.json(200,
                        WebhookRepresentation.of(webhooks.get(r.organisation(), id(r)))))
                .on("PATCH /webhooks/{webhookId}", r -> ApiResponses.json(200, WebhookRepresentation.of(
                        webhooks.update(r.organisation(), id(r), r.json(WebhookInput.class)))))
                .on("DELETE /webhooks/{webhookId}", r -> {
                    webhooks.delete(r.organisation(), id(r));
                    return ApiResponses.noContent();
                })
                .on("POST /webhooks/{webhookId}/secret", r -> ApiResponses.json(200,
                        WebhookRepresentation.withSecret(webhooks.rotateSecret(r.organisation(), id(r)))))
                .on("GET /webhooks/{webhookId}/deliveries", r -> {
                    webhooks.get(r.organisation(), id(r)); // another organisation's endpoint: 404
                    return ApiResponses.json(200, Map.of("items", deliveries.log(r.organisation(), id(r), LOG_LIMIT)
                            .stream().map(DeliveryRepresentation::of).toList()));
                })
                .on("POST /webhooks/{webhookId}/deliveries/{deliveryId}/redeliver", r -> {
                    webhooks.get(r.organisation(), id(r));
                    return ApiResponses.json(202, DeliveryRepresentation.of(deliveries.redeliver(r.organisation(),
                            id(r), r.pathParameter("deliveryId"))));
                })
                .build();
    }

    private static String id(ApiRequest request) {
        return request.pathParameter("webhookId");
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return router.handle(event);
    }
}
