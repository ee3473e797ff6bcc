package dev.prescreen.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiRouterTest {

    private final ApiRouter router = ApiRouter.builder()
            .on("GET /sessions/{token}", request -> ApiResponses.json(200, Map.of("items", java.util.List.of())))
            .build();

    @Test
    void anEventWithoutARouteKeyNamesNoRoute() {
        // not from API Gateway (an empty test event, say): a 404 problem, not a NullPointerException
        APIGatewayV2HTTPResponse response = router.handle(APIGatewayV2HTTPEvent.builder().build());
        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(response.getHeaders().get("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void aKnownRouteIsServed() {
        APIGatewayV2HTTPResponse response = router.handle(APIGatewayV2HTTPEvent.builder()
                .withRouteKey("GET /sessions/{token}").withHeaders(Map.of()).build());
        assertThat(response.getStatusCode()).isEqualTo(200);
    }
}
