package dev.prescreen.integrations;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.prescreen.lambda.Priming;
import dev.prescreen.api.ApiRequest;
import dev.prescreen.api.ApiResponses;
import dev.prescreen.api.ApiRouter;
import dev.prescreen.aws.AwsClients;
import dev.prescreen.cloud.Queue;
import dev.prescreen.cloud.Table;
import dev.prescreen.config.Settings;
import dev.prescreen.domain.candidate.BatchService;
import dev.prescreen.domain.partner.GreenhouseAssessments;
import dev.prescreen.domain.partner.PartnerKey;
import dev.prescreen.domain.partner.PartnerKeys;
import dev.prescreen.domain.report.ReportService;
import dev.prescreen.domain.webhook.WebhookService;
import dev.prescreen.messages.SqsBatchDispatch;
import dev.prescreen.observability.Log;
import dev.prescreen.domain.organisation.OrganisationSettingsService;
import dev.prescreen.storage.DynamoCandidateRepository;
import dev.prescreen.storage.DynamoOrganisationSettings;
import dev.prescreen.storage.DynamoInterviewRepository;
import dev.prescreen.storage.DynamoPartnerKeys;
import dev.prescreen.storage.DynamoPlanRepository;
import dev.prescreen.storage.DynamoReportRepository;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Greenhouse's assessment partner API under {@code /integrations/greenhouse/}: the four calls Greenhouse makes
 * (HTTP Basic with a partner key), and the recruiter's routes that make and revoke those keys. Field names are
 * Greenhouse's (snake_case); unknown request fields are ignored, as Greenhouse may add some.
 */
public final class GreenhouseApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    /** Held here: the CRaC context keeps its resources only weakly. */
    @SuppressWarnings("unused")
    private Priming<?> priming;

    private final ApiRouter router;
    private final PartnerKeys keys;
    private final GreenhouseAssessments assessments;

    /** Lambda's constructor: configured from the environment, and primed (see {@link Priming}). */
    public GreenhouseApiHandler() {
        this(AwsClients.forLambda(), Settings.fromProcessEnvironment());
        this.priming = Priming.atInitialisation(this);
    }

    public GreenhouseApiHandler(AwsClients clients, Settings settings) {
        String table = settings.tableName(Table.MAIN);
        DynamoCandidateRepository candidates = new DynamoCandidateRepository(clients.dynamoDb(), table);
        DynamoPlanRepository plans = new DynamoPlanRepository(clients.dynamoDb(), table);
        BatchService batches = new BatchService(candidates, plans, new DynamoInterviewRepository(clients.dynamoDb(), table),
                // a sent test invites now, or, where the organisation gives notice, when the notice has run: a schedule
                new SqsBatchDispatch(clients.sqs(), clients.scheduler(), settings.queueUrl(Queue.BATCH_SENDS), null,
                        clients.region().id(), settings.find(Settings.SCHEDULE_GROUP).orElse(null),
                        settings.find(Settings.SCHEDULER_ROLE_ARN).orElse(null)),
                new OrganisationSettingsService(new DynamoOrganisationSettings(clients.dynamoDb(), table),
                        Clock.systemUTC()), Clock.systemUTC());
        this.keys = new PartnerKeys(new DynamoPartnerKeys(clients.dynamoDb(), table), Clock.systemUTC());
        String publicBaseUrl = settings.require(Settings.PUBLIC_BASE_URL);
        this.assessments = new GreenhouseAssessments(plans, batches, candidates,
                new DynamoReportRepository(clients.dynamoDb(), table),
                new WebhookService(IntegrationsFunctions.endpoints(clients, settings),
                        IntegrationsFunctions.urlPolicy(settings), Clock.systemUTC()),
                interviewId -> ReportService.reportUrl(publicBaseUrl, interviewId));
        this.router = ApiRouter.builder()
                .on("POST /integrations/greenhouse/keys", r -> {
                    PartnerKeys.Created created = keys.create(r.organisation(), PartnerKeys.GREENHOUSE);
                    Map<String, Object> body = key(created.key());
                    body.put("apiKey", created.value());
                    return ApiResponses.created(body, "/integrations/greenhouse/keys/" + created.key().keyId());
                })
                .on("GET /integrations/greenhouse/keys", r -> ApiResponses.json(200, Map.of("items",
                        keys.list(r.organisation()).stream().map(GreenhouseApiHandler::key).toList())))
                .on("DELETE /integrations/greenhouse/keys/{keyId}", r -> {
                    keys.delete(r.organisation(), r.pathParameter("keyId"));
                    return ApiResponses.noContent();
                })
                .on("GET /integrations/greenhouse/list_tests", r -> ApiResponses.json(200,
                        assessments.listTests(partner(r)).stream().map(t -> Map.of("partner_test_id",
                                t.partnerTestId(), "partner_test_name", t.partnerTestName())).toList()))
                .on("POST /integrations/greenhouse/send_test", this::sendTest)
                .on("GET /integrations/greenhouse/test_status", this::testStatus)
                .on("POST /integrations/greenhouse/response_error", r -> {
                    String organisation = partner(r);
                    JsonNode error = r.json(JsonNode.class);
                    // what Greenhouse found wrong with an answer of ours: for operators (ids only, no personal data)
                    Log.warn("greenhouse.response_error", Map.of("organisation", organisation,
                            "apiCall", error.path("api_call").asText(""),
                            "partnerInterviewId", error.path("partner_interview_id").asText("")));
                    return ApiResponses.json(200, Map.of());
                })
                .build();
    }

    private String partner(ApiRequest request) {
        return keys.authenticate(PartnerKeys.GREENHOUSE, request.header("authorization").orElse(null));
    }

    private static Map<String, Object> key(PartnerKey key) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("keyId", key.keyId());
        body.put("partner", key.partner());
        body.put("createdAt", key.createdAt().toString());
        return body;
    }

    private APIGatewayV2HTTPResponse sendTest(ApiRequest request) {
        String organisation = partner(request);
        JsonNode body = request.json(JsonNode.class);
        JsonNode c = body.path("candidate");
        GreenhouseAssessments.GreenhouseCandidate candidate = c.isObject()
                ? new GreenhouseAssessments.GreenhouseCandidate(text(c, "first_name"), text(c, "last_name"),
                        text(c, "preferred_name"), text(c, "email"), text(c, "phone_number"),
                        text(c, "greenhouse_profile_url"))
                : null;
        String id = assessments.sendTest(organisation, text(body, "partner_test_id"), candidate, text(body, "url"));
        return ApiResponses.json(200, Map.of("partner_interview_id", id));
    }

    private APIGatewayV2HTTPResponse testStatus(ApiRequest request) {
        String organisation = partner(request);
        GreenhouseAssessments.Status status = assessments.testStatus(organisation,
                request.query("partner_interview_id").orElse(null));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("partner_status", status.partnerStatus());
        if (status.partnerProfileUrl() != null) {
            body.put("partner_profile_url", status.partnerProfileUrl());
        }
        if (status.partnerScore() != null) {
            body.put("partner_score", status.partnerScore());
        }
        body.put("metadata", status.metadata());
        return ApiResponses.json(200, body);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? value.asText() : null;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return router.handle(event);
    }
}
