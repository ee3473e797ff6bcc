package dev.prescreen.compliance;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.prescreen.lambda.Priming;
import dev.prescreen.api.ApiRequest;
import dev.prescreen.api.ApiResponses;
import dev.prescreen.api.ApiRouter;
import dev.prescreen.aws.AwsClients;
import dev.prescreen.cloud.Table;
import dev.prescreen.config.Settings;
import dev.prescreen.domain.DomainException;
import dev.prescreen.domain.Page;
import dev.prescreen.domain.audit.AuditEntry;
import dev.prescreen.domain.audit.AuditLog;
import dev.prescreen.domain.audit.AuditTrail;
import dev.prescreen.domain.bank.QuestionBanks;
import dev.prescreen.domain.compliance.AlternativeRequest;
import dev.prescreen.domain.compliance.AlternativeRequests;
import dev.prescreen.domain.compliance.Explanations;
import dev.prescreen.domain.compliance.ImpactRatioService;
import dev.prescreen.domain.compliance.SubjectAccess;
import dev.prescreen.storage.DynamoAlternativeRequests;
import dev.prescreen.storage.DynamoAuditLog;
import dev.prescreen.storage.DynamoInterviewRepository;
import dev.prescreen.storage.DynamoPlanRepository;
import dev.prescreen.storage.DynamoReportRepository;
import dev.prescreen.storage.DynamoSelfIdentifications;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fairness and compliance for the hiring team: impact ratios (JSON and CSV), the audit trail, candidates'
 * alternative-process requests and accommodations, and the explanation of an assessment. The one function granted
 * to read self-identifications, which it only ever counts.
 */
public final class ComplianceApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    /** Held here: the CRaC context keeps its resources only weakly. */
    @SuppressWarnings("unused")
    private Priming<?> priming;

    private static final int DEFAULT_PAGE = 100;

    private final ApiRouter router;
    private final ImpactRatioService impactRatios;
    private final AuditTrail audit;
    private final AlternativeRequests alternatives;
    private final Explanations explanations;

    /** Lambda's constructor: configured from the environment, and primed (see {@link Priming}). */
    public ComplianceApiHandler() {
        this(AwsClients.forLambda(), Settings.fromProcessEnvironment());
        this.priming = Priming.atInitialisation(this);
    }

    public ComplianceApiHandler(AwsClients clients, Settings settings) {
        String table = settings.tableName(Table.MAIN);
        Clock clock = Clock.systemUTC();
        DynamoPlanRepository plans = new DynamoPlanRepository(clients.dynamoDb(), table);
        DynamoReportRepository reports = new DynamoReportRepository(clients.dynamoDb(), table);
        DynamoInterviewRepository interviews = new DynamoInterviewRepository(clients.dynamoDb(), table);
        this.audit = DynamoAuditLog.trail(clients.dynamoDb(), settings);
        this.impactRatios = new ImpactRatioService(plans, reports, DynamoSelfIdentifications.reader(
                clients.dynamoDb(), settings.tableName(Table.SELF_IDENTIFICATION)), audit, clock);
        // resolving sends nothing: no mailer, no events (the candidate's request already notified and published)
        this.alternatives = new AlternativeRequests(interviews, plans, new DynamoAlternativeRequests(
                clients.dynamoDb(), table), null, event -> { }, audit, clock);
        this.explanations = new Explanations(reports, plans, interviews, QuestionBanks::builtIn, audit, clock);
        this.router = ApiRouter.builder()
                .on("GET /plans/{planId}/impact-ratios", r -> ApiResponses.json(200,
                        impactRatios.forPlan(r.organisation(), r.pathParameter("planId"), r.actor())))
                .on("GET /plans/{planId}/impact-ratios.csv", r -> ImpactRatioCsv.response(
                        impactRatios.forPlan(r.organisation(), r.pathParameter("planId"), r.actor())))
                .on("GET /impact-ratios", r -> ApiResponses.json(200, impactRatios.forOrganisation(
                        r.organisation(), day(r, "from"), day(r, "to"), r.actor())))
                .on("GET /impact-ratios.csv", r -> ImpactRatioCsv.response(impactRatios.forOrganisation(
                        r.organisation(), day(r, "from"), day(r, "to"), r.actor())))
                .on("GET /audit", this::audit)
                .on("GET /alternative-requests", this::requests)
                .on("GET /alternative-requests/{requestId}", r -> ApiResponses.json(200, RequestView.of(
                        alternatives.read(r.organisation(), r.pathParameter("requestId"), r.actor()))))
                .on("POST /alternative-requests/{requestId}/resolution", r -> {
                    Resolution resolution = r.json(Resolution.class);
                    return ApiResponses.json(200, RequestView.of(alternatives.resolve(r.organisation(),
                            r.pathParameter("requestId"), resolution.note(), resolution.extraAnswerSeconds(),
                            r.actor())));
                })
                .on("PUT /interviews/{interviewId}/accommodation", r -> {
                    var granted = alternatives.grantExtraTime(r.organisation(), r.pathParameter("interviewId"),
                            r.json(Grant.class).extraAnswerSeconds(), r.actor());
                    return ApiResponses.json(200, Map.of("interviewId", granted.interviewId(),
                            "extraAnswerSeconds", granted.accommodation().extraAnswerSeconds()));
                })
                .on("GET /interviews/{interviewId}/explanation", r -> {
                    String format = r.query("format").orElse("json");
                    if (!List.of("json", "html", "text").contains(format)) {
                        throw new DomainException.InvalidInput("format", "must be json, html or text");
                    }
                    Explanations.Explanation e = explanations.forRecruiter(r.organisation(),
                            r.pathParameter("interviewId"), r.actor());
                    return switch (format) {
                        case "html" -> ApiResponses.html(200, e.html());
                        case "text" -> ApiResponses.text(200, "text/plain; charset=utf-8", e.text(), Map.of());
                        default -> ApiResponses.json(200, e);
                    };
                })
                .build();
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return router.handle(event);
    }

    record Resolution(String note, Integer extraAnswerSeconds) {
    }

    record Grant(Integer extraAnswerSeconds) {
    }

    /** A request as the hiring team reads it: the candidate's words, the decision, without bookkeeping. */
    record RequestView(String requestId, String candidateId, String interviewId, String planId, String text,
            String status, Instant requestedAt, Instant notifiedAt, Instant resolvedAt, String resolvedBy,
            String note, Integer extraAnswerSeconds) {
        static RequestView of(AlternativeRequest r) {
            return new RequestView(r.requestId(), r.candidateId(), r.interviewId(), r.planId(), r.text(),
                    r.status().wireName(), r.requestedAt(), r.notifiedAt(), r.resolvedAt(), r.resolvedBy(), r.note(),
                    r.extraAnswerSeconds());
        }
    }

    private APIGatewayV2HTTPResponse audit(ApiRequest r) {
        Page<AuditEntry> page = audit.find(r.organisation(), new AuditLog.AuditQuery(r.query("candidateId")
                .orElse(null), r.query("planId").orElse(null), instant(r, "from"), instant(r, "to")), limit(r),
                r.query("cursor").orElse(null));
        return listing(page.items().stream().map(SubjectAccess.AuditPart::of).toList(), page.nextCursor());
    }

    private APIGatewayV2HTTPResponse requests(ApiRequest r) {
        Page<AlternativeRequest> page = alternatives.list(r.organisation(), r.query("status").orElse(null), limit(r),
                r.query("cursor").orElse(null), r.actor());
        return listing(page.items().stream().map(RequestView::of).toList(), page.nextCursor());
    }

    private static APIGatewayV2HTTPResponse listing(List<?> items, Optional<String> next) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", items);
        next.ifPresent(cursor -> body.put("nextCursor", cursor));
        return ApiResponses.json(200, body);
    }

    private static int limit(ApiRequest r) {
        try {
            int limit = r.query("limit").map(Integer::parseInt).orElse(DEFAULT_PAGE);
            if (limit < 1 || limit > AuditTrail.MAX_PAGE) {
                throw new DomainException.InvalidInput("limit", "must be from 1 to " + AuditTrail.MAX_PAGE);
            }
            return limit;
        } catch (NumberFormatException e) {
            throw new DomainException.InvalidInput("limit", "must be an integer");
        }
    }

    /** A query parameter as an instant: a date (its start, UTC) or an instant; absent is null. */
    private static Instant instant(ApiRequest r, String name) {
        return r.query(name).map(value -> {
            try {
                return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                        : Instant.parse(value);
            } catch (DateTimeParseException e) {
                throw new DomainException.InvalidInput(name, "must be a date (YYYY-MM-DD) or an instant "
                        + "(2026-12-01T00:00:00Z)");
            }
        }).orElse(null);
    }

    /**
     * A period bound of impact ratios: whole days only (YYYY-MM-DD, UTC), so that two periods cannot be drawn a few
     * seconds apart around one candidate's completion to read off their self-identification.
     */
    private static Instant day(ApiRequest r, String name) {
        return r.query(name).map(value -> {
            try {
                return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e) {
                throw new DomainException.InvalidInput(name, "must be a date (YYYY-MM-DD); impact ratios cover whole "
                        + "days");
            }
        }).orElse(null);
    }

}
