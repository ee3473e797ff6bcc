package dev.prescreen.plans;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.prescreen.config.Settings;
import dev.prescreen.json.Json;
import dev.prescreen.local.cloud.LocalCloud;
import dev.prescreen.local.cloud.junit.LocalCloudExtension;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The handler fed API Gateway events from JSON fixtures, with DynamoDB on the local cloud. */
@ExtendWith(LocalCloudExtension.class)
class PlansApiHandlerIT {

    private static APIGatewayV2HTTPEvent event(String name, String planId) throws IOException {
        try (InputStream in = PlansApiHandlerIT.class.getResourceAsStream("/events/" + name)) {
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("PLAN_ID", planId);
            return Json.mapper().readValue(json, APIGatewayV2HTTPEvent.class);
        }
    }

    @Test
    void createsAPlanFromTheEventAndHidesItFromAnotherOrganisation(LocalCloud cloud) throws IOException {
        PlansApiHandler handler = new PlansApiHandler(cloud.clients(), new Settings(cloud.settings()));

        APIGatewayV2HTTPResponse created = handler.handleRequest(event("create-plan.json", ""), null);
        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(201);
        JsonNode plan = Json.read(created.getBody(), JsonNode.class);
        assertThat(plan.path("passThreshold").asInt()).isEqualTo(60);
        assertThat(plan.path("answerSeconds").asInt()).as("default answer time").isEqualTo(120);

        APIGatewayV2HTTPResponse stolen = handler.handleRequest(
                event("get-plan-other-org.json", plan.path("planId").asText()), null);
        assertThat(stolen.getStatusCode()).isEqualTo(404);
        assertThat(stolen.getHeaders()).containsEntry("Content-Type", "application/problem+json");
    }
}
