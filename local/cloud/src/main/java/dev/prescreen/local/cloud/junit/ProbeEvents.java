package dev.prescreen.local.cloud.junit;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.prescreen.api.Claims;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Minimal Lambda events for probing a handler (the cold-start benchmark, the deployment-jar test): an HTTP API
 * payload 2.0 request as the JWT authorizer hands it on, and a one-message SQS batch.
 */
public final class ProbeEvents {

    private ProbeEvents() {
    }

    /** @param org the organisation claim of the verified token, or null for a candidate route (no authorizer) */
    public static APIGatewayV2HTTPEvent api(String routeKey, String path, Map<String, String> pathParameters,
            String org, Map<String, String> query) {
        APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer = org == null ? null
                : APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder().withJwt(
                        APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                                .withClaims(Map.of(Claims.ORGANISATION, org, Claims.EMAIL, "probe@" + org + ".example"))
                                .withScopes(List.of()).build()).build();
        return APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey(routeKey).withRawPath(path)
                .withPathParameters(pathParameters.isEmpty() ? null : pathParameters).withQueryStringParameters(query)
                .withHeaders(Map.of()).withIsBase64Encoded(false)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withRouteKey(routeKey)
                        .withRequestId(UUID.randomUUID().toString()).withAuthorizer(authorizer)
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod(routeKey.split(" ")[0]).withPath(path).build()).build())
                .build();
    }

    public static SQSEvent sqs(String body) {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId(UUID.randomUUID().toString());
        message.setBody(body);
        message.setAttributes(Map.of("ApproximateReceiveCount", "1"));
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(message));
        return event;
    }
}
