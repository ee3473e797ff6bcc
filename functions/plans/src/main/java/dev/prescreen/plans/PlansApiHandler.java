package dev.prescreen.plans;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.prescreen.api.ApiResponses;
import dev.prescreen.api.ApiRouter;
import dev.prescreen.api.Claims;
import dev.prescreen.aws.AwsClients;
import dev.prescreen.config.Settings;
import java.util.Map;

/** The recruiter's plan API. */
public final class PlansApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final ApiRouter router;

    public PlansApiHandler() {
        this(AwsClients.forLambda(), Settings.fromProcessEnvironment());
    }

    public PlansApiHandler(AwsClients clients, Settings settings) {
        this.router = ApiRouter.builder()
                .on("GET /me", request -> ApiResponses.json(200, Map.of(
                        "organisation", request.organisation(),
                        "email", request.claims().getOrDefault(Claims.EMAIL, ""))))
                .build();
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return router.handle(event);
    }
}
