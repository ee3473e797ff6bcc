package dev.prescreen.plans;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.prescreen.lambda.Priming;
import dev.prescreen.api.ApiRequest;
import dev.prescreen.api.ApiResponses;
import dev.prescreen.api.ApiRouter;
import dev.prescreen.api.Claims;
import dev.prescreen.aws.AwsClients;
import dev.prescreen.cloud.Table;
import dev.prescreen.config.Settings;
import dev.prescreen.domain.DomainException;
import dev.prescreen.domain.Page;
import dev.prescreen.domain.bank.QuestionBank;
import dev.prescreen.domain.Languages;
import dev.prescreen.domain.bank.QuestionBanks;
import dev.prescreen.domain.plan.Plan;
import dev.prescreen.domain.plan.PlanInput;
import dev.prescreen.domain.plan.PlanRules;
import dev.prescreen.domain.plan.PlanService;
import dev.prescreen.storage.DynamoPlanRepository;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/** The recruiter's plan API and the question banks plans are built from. */
public final class PlansApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    /** Held here: the CRaC context keeps its resources only weakly. */
    @SuppressWarnings("unused")
    private Priming<?> priming;

    private final ApiRouter router;
    private final PlanService plans;
    private final QuestionBanks banks;

    /** Lambda's constructor: configured from the environment, and primed (see {@link Priming}). */
    public PlansApiHandler() {
        this(AwsClients.forLambda(), Settings.fromProcessEnvironment());
        this.priming = Priming.atInitialisation(this);
    }

    public PlansApiHandler(AwsClients clients, Settings settings) {
        this.banks = QuestionBanks.builtIn();
        this.plans = new PlanService(new DynamoPlanRepository(clients.dynamoDb(), settings.tableName(Table.MAIN)),
                new PlanRules(banks), Clock.systemUTC());
        dev.prescreen.domain.organisation.OrganisationSettingsService organisations =
                new dev.prescreen.domain.organisation.OrganisationSettingsService(
                        new dev.prescreen.storage.DynamoOrganisationSettings(clients.dynamoDb(),
                                settings.tableName(Table.MAIN)),
                        dev.prescreen.storage.DynamoAuditLog.trail(clients.dynamoDb(), settings), Clock.systemUTC());
        this.router = ApiRouter.builder()
                .on("GET /me", this::me)
                .on("GET /organisation/settings", r -> ApiResponses.json(200,
                        OrganisationSettingsView.of(organisations.get(r.organisation()))))
                .on("PATCH /organisation/settings", r -> ApiResponses.json(200, OrganisationSettingsView.of(
                        patchSettings(organisations, r))))
                .on("GET /question-banks", request -> ApiResponses.json(200, Map.of("items",
                        banks.all().stream().map(PlansApiHandler::bankSummary).toList())))
                .on("GET /question-banks/{role}", this::bank)
                .on("POST /plans", this::create)
                .on("GET /plans", this::list)
                .on("GET /plans/{planId}", request -> ApiResponses.json(200,
                        PlanRepresentation.of(plans.get(request.organisation(), request.pathParameter("planId")))))
                .on("PATCH /plans/{planId}", this::patch)
                .on("DELETE /plans/{planId}", request -> ApiResponses.json(200,
                        PlanRepresentation.of(plans.archive(request.organisation(), request.pathParameter("planId")))))
                .build();
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return router.handle(event);
    }

    private APIGatewayV2HTTPResponse me(ApiRequest request) {
        return ApiResponses.json(200, Map.of(
                "organisation", request.organisation(),
                "email", request.claims().getOrDefault(Claims.EMAIL, "")));
    }

    private APIGatewayV2HTTPResponse bank(ApiRequest request) {
        QuestionBank bank = banks.require(request.pathParameter("role"),
                request.query("language").orElse(Languages.DEFAULT));
        Map<String, Object> body = new LinkedHashMap<>(bankSummary(bank));
        Map<String, Object> types = new LinkedHashMap<>();
        bank.types().forEach((type, guidance) -> types.put(type.label(), guidance));
        body.put("types", types);
        body.put("questions", bank.questions().stream().map(q -> Map.of(
                "number", q.number(), "text", q.text(), "type", q.type().label(), "concepts", q.concepts())).toList());
        return ApiResponses.json(200, body);
    }

    private static Map<String, Object> bankSummary(QuestionBank bank) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("role", bank.role());
        summary.put("title", bank.title());
        summary.put("language", bank.language());
        summary.put("questionCount", bank.questions().size());
        return summary;
    }

    private APIGatewayV2HTTPResponse create(ApiRequest request) {
        Plan plan = plans.create(request.organisation(), request.json(PlanInput.class));
        return ApiResponses.created(PlanRepresentation.of(plan), "/plans/" + plan.planId());
    }

    private APIGatewayV2HTTPResponse list(ApiRequest request) {
        Integer limit;
        try {
            limit = request.query("limit").map(Integer::valueOf).orElse(null);
        } catch (NumberFormatException e) {
            throw new DomainException.InvalidInput("limit", "must be an integer");
        }
        Page<Plan> page = plans.list(request.organisation(), limit, request.query("cursor").orElse(null));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", page.items().stream().map(PlanRepresentation::of).toList());
        page.nextCursor().ifPresent(cursor -> body.put("nextCursor", cursor));
        return ApiResponses.json(200, body);
    }

    private APIGatewayV2HTTPResponse patch(ApiRequest request) {
        String contentType = request.contentType();
        if (!contentType.isEmpty() && !contentType.equals("application/merge-patch+json")
                && !contentType.equals("application/json")) {
            throw new DomainException.InvalidInput("content-type", "must be application/merge-patch+json");
        }
        JsonNode patch = request.json(JsonNode.class);
        return ApiResponses.json(200, PlanRepresentation.of(
                plans.patch(request.organisation(), request.pathParameter("planId"), patch)));
    }

    private static dev.prescreen.domain.organisation.OrganisationSettings patchSettings(
            dev.prescreen.domain.organisation.OrganisationSettingsService organisations, dev.prescreen.api.ApiRequest r) {
        OrganisationSettingsView.Patch patch = r.json(OrganisationSettingsView.Patch.class);
        return organisations.update(r.organisation(), patch.noticeLeadBusinessDays(), patch.selfIdentificationForm(),
                r.actor());
    }

    /** An organisation's settings as the API shows them. */
    record OrganisationSettingsView(int noticeLeadBusinessDays, boolean selfIdentificationForm,
            java.time.Instant updatedAt) {
        static OrganisationSettingsView of(dev.prescreen.domain.organisation.OrganisationSettings settings) {
            return new OrganisationSettingsView(settings.noticeLeadBusinessDays(),
                    settings.offersSelfIdentification(), settings.updatedAt());
        }

        record Patch(Integer noticeLeadBusinessDays, Boolean selfIdentificationForm) {
        }
    }
}
