package dev.prescreen.reporting;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.prescreen.lambda.Priming;
import dev.prescreen.api.ApiRequest;
import dev.prescreen.api.ApiResponses;
import dev.prescreen.api.ApiRouter;
import dev.prescreen.api.Claims;
import dev.prescreen.aws.AwsClients;
import dev.prescreen.cloud.Bucket;
import dev.prescreen.cloud.Table;
import dev.prescreen.config.Settings;
import dev.prescreen.domain.DomainException;
import dev.prescreen.domain.Page;
import dev.prescreen.domain.audit.AuditTrail;
import dev.prescreen.domain.compliance.SubjectAccess;
import dev.prescreen.domain.report.AuditedReports;
import dev.prescreen.domain.report.CandidateListing;
import dev.prescreen.storage.DynamoAlternativeRequests;
import dev.prescreen.storage.DynamoSelfIdentifications;
import dev.prescreen.domain.report.ErasureService;
import dev.prescreen.domain.report.ReportService;
import dev.prescreen.storage.DynamoCandidateRepository;
import dev.prescreen.storage.DynamoInterviewRepository;
import dev.prescreen.storage.DynamoReportRepository;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The recruiter's reports: one report, the plan's ranked candidates (JSON and CSV), reviews, usage, a candidate's
 * export and erasure; every read or change of a candidate's data is on the audit trail.
 */
public final class ReportsApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    /** Held here: the CRaC context keeps its resources only weakly. */
    @SuppressWarnings("unused")
    private Priming<?> priming;

    private static final int DEFAULT_PAGE = 50;
    private static final int MAX_PAGE = 500;
    private static final int CSV_ROWS = CandidateListing.MAX_RANKED;

    private final ApiRouter router;
    private final ReportService reports;
    private final AuditedReports audited;

    /** Lambda's constructor: configured from the environment, and primed (see {@link Priming}). */
    public ReportsApiHandler() {
        this(AwsClients.forLambda(), Settings.fromProcessEnvironment());
        this.priming = Priming.atInitialisation(this);
    }

    public ReportsApiHandler(AwsClients clients, Settings settings) {
        String table = settings.tableName(Table.MAIN);
        this.reports = ReportingFunctions.reports(clients, settings);
        DynamoCandidateRepository candidates = new DynamoCandidateRepository(clients.dynamoDb(), table);
        DynamoInterviewRepository interviews = new DynamoInterviewRepository(clients.dynamoDb(), table);
        DynamoAlternativeRequests requests = new DynamoAlternativeRequests(clients.dynamoDb(), table);
        AuditTrail audit = dev.prescreen.storage.DynamoAuditLog.trail(clients.dynamoDb(), settings);
        ErasureService erasure = new ErasureService(candidates, interviews,
                new DynamoReportRepository(clients.dynamoDb(), table),
                ReportingFunctions.recordings(clients, settings, Bucket.RECORDINGS),
                ReportingFunctions.recordings(clients, settings, Bucket.TRANSCRIPTS),
                DynamoSelfIdentifications.writer(clients.dynamoDb(), settings.tableName(Table.SELF_IDENTIFICATION)),
                requests, new dev.prescreen.messages.SqsWebhookQueues(clients.sqs(),
                        settings.queueUrl(dev.prescreen.cloud.Queue.WEBHOOK_EVENTS), null), Clock.systemUTC());
        this.audited = new AuditedReports(reports, erasure,
                new SubjectAccess(candidates, interviews, requests, audit, Clock.systemUTC()), audit);
        this.router = ApiRouter.builder()
                .on("GET /interviews/{interviewId}/report", r -> ApiResponses.json(200, ReportRepresentation.of(
                        audited.read(r.organisation(), r.pathParameter("interviewId"), r.actor()))))
                .on("POST /interviews/{interviewId}/reviews", this::review)
                .on("GET /plans/{planId}/candidates", this::candidates)
                .on("GET /plans/{planId}/candidates.csv", this::csv)
                .on("GET /usage", this::usage)
                .on("DELETE /candidates/{candidateId}", r -> {
                    audited.erase(r.organisation(), r.pathParameter("candidateId"), r.actor());
                    return ApiResponses.noContent();
                })
                .on("GET /candidates/{candidateId}/export", r -> {
                    AuditedReports.Export export = audited.export(r.organisation(), r.pathParameter("candidateId"),
                            r.actor());
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("candidate", export.data());
                    body.put("report", export.report() == null ? null : ReportRepresentation.of(export.report()));
                    return ApiResponses.text(200, "application/json", dev.prescreen.json.Json.write(body),
                            Map.of("Content-Disposition", "attachment; filename=\"candidate-"
                                    + r.pathParameter("candidateId") + ".json\""));
                })
                .build();
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return router.handle(event);
    }

    record ReviewRequest(Integer position, Integer score, String reason) {
    }

    private APIGatewayV2HTTPResponse review(ApiRequest request) {
        ReviewRequest review = request.json(ReviewRequest.class);
        String reviewer = request.claims().getOrDefault(Claims.EMAIL, request.claims().getOrDefault(Claims.SUBJECT, "?"));
        return ApiResponses.json(200, ReportRepresentation.of(audited.review(request.organisation(),
                request.pathParameter("interviewId"), review.position(), review.score(), review.reason(), reviewer,
                request.actor())));
    }


    private Page<CandidateListing.CandidateSummary> rows(ApiRequest request, int limit, boolean exported) {
        Boolean passed = request.query("passed").map(value -> switch (value) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new DomainException.InvalidInput("passed", "must be true or false");
        }).orElse(null);
        return audited.ranking(request.organisation(), request.pathParameter("planId"),
                request.query("state").orElse("completed"), passed, limit, request.query("cursor").orElse(null),
                exported, request.actor());
    }

    private APIGatewayV2HTTPResponse candidates(ApiRequest request) {
        int limit;
        try {
            limit = request.query("limit").map(Integer::parseInt).orElse(DEFAULT_PAGE);
        } catch (NumberFormatException e) {
            throw new DomainException.InvalidInput("limit", "must be an integer");
        }
        if (limit < 1 || limit > MAX_PAGE) {
            throw new DomainException.InvalidInput("limit", "must be from 1 to " + MAX_PAGE);
        }
        Page<CandidateListing.CandidateSummary> page = rows(request, limit, false);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", page.items());
        page.nextCursor().ifPresent(cursor -> body.put("nextCursor", cursor));
        return ApiResponses.json(200, body);
    }

    private APIGatewayV2HTTPResponse csv(ApiRequest request) {
        Page<CandidateListing.CandidateSummary> page = rows(request, CSV_ROWS, true);
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader("rank", "candidateId",
                "externalId", "name", "overall", "passed", "flags", "needsReview", "completedAt", "reportUrl").get())) {
            for (CandidateListing.CandidateSummary row : page.items()) {
                printer.printRecord(row.rank(), row.candidateId(), cell(row.externalId()), cell(row.name()),
                        row.overall(), row.passed(), String.join(" ", row.flags()), row.needsReview().toString(),
                        row.completedAt(), row.reportUrl());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ApiResponses.text(200, "text/csv; charset=utf-8", out.toString(),
                Map.of("Content-Disposition", "attachment; filename=\"candidates.csv\""));
    }

    /** Spreadsheets run cells that start with =, +, - or @ as formulas: candidate-written text never does. */
    private static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        return "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    private APIGatewayV2HTTPResponse usage(ApiRequest request) {
        String monthText = request.query("month")
                .orElseThrow(() -> new DomainException.InvalidInput("month", "is required, as YYYY-MM"));
        YearMonth month;
        try {
            month = YearMonth.parse(monthText);
        } catch (DateTimeParseException e) {
            throw new DomainException.InvalidInput("month", "must be YYYY-MM");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("month", month.toString());
        Map<String, Double> totals = reports.usage(request.organisation(), month);
        for (String name : List.of("screenings", "answers", "audioSeconds", "billedAudioSeconds", "emails")) {
            body.put(name, totals.getOrDefault(name, 0.0));
        }
        return ApiResponses.json(200, body);
    }
}
