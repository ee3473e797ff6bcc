package dev.prescreen.scheduling;

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
import dev.prescreen.domain.DomainException;
import dev.prescreen.domain.candidate.BatchService;
import dev.prescreen.domain.candidate.CandidateRow;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The recruiter's batch API: upload candidates (JSON or CSV), read a batch's progress, cancel it. */
public final class BatchesApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    /** Held here: the CRaC context keeps its resources only weakly. */
    @SuppressWarnings("unused")
    private Priming<?> priming;

    /** 10,000 candidates with long names and addresses fit; API Gateway itself stops at 10 MB. */
    private static final int MAX_BATCH_BYTES = 5 * 1024 * 1024;

    private final ApiRouter router;
    private final BatchService batches;

    /** Lambda's constructor: configured from the environment, and primed (see {@link Priming}). */
    public BatchesApiHandler() {
        this(AwsClients.forLambda(), Settings.fromProcessEnvironment());
        this.priming = Priming.atInitialisation(this);
    }

    public BatchesApiHandler(AwsClients clients, Settings settings) {
        this.batches = SchedulingFunctions.batches(clients, settings);
        this.router = ApiRouter.builder()
                .on("POST /plans/{planId}/batches", this::create)
                .on("GET /plans/{planId}/batches/{batchId}", r -> ApiResponses.json(200, representation(batches.status(
                        r.organisation(), r.pathParameter("planId"), r.pathParameter("batchId")))))
                .on("DELETE /plans/{planId}/batches/{batchId}", r -> ApiResponses.json(200, representation(batches.cancel(
                        r.organisation(), r.pathParameter("planId"), r.pathParameter("batchId")))))
                .build();
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return router.handle(event);
    }

    /** The JSON form of an upload. */
    record BatchRequest(List<RowInput> candidates, Instant sendAt) {
    }

    record RowInput(String name, String email, String phone, String externalId) {
    }

    private APIGatewayV2HTTPResponse create(ApiRequest request) {
        List<CandidateRow> rows = new ArrayList<>();
        Instant sendAt;
        if (request.contentType().equals("text/csv")) {
            String csv = request.body();
            if (csv.length() > MAX_BATCH_BYTES) {
                throw new DomainException.InvalidInput("body", "is larger than " + MAX_BATCH_BYTES + " bytes");
            }
            rows = CandidateCsv.parse(csv);
            sendAt = request.query("sendAt").map(BatchesApiHandler::instant).orElse(null);
        } else {
            BatchRequest body = request.json(BatchRequest.class, MAX_BATCH_BYTES);
            if (body.candidates() == null) {
                throw new DomainException.InvalidInput("candidates", "is required");
            }
            for (int i = 0; i < body.candidates().size(); i++) {
                RowInput row = body.candidates().get(i);
                rows.add(row == null ? new CandidateRow(i + 1, null, null, null, null)
                        : new CandidateRow(i + 1, row.name(), row.email(), row.phone(), row.externalId()));
            }
            sendAt = body.sendAt();
        }
        BatchService.Created created = batches.create(request.organisation(), request.pathParameter("planId"), rows, sendAt);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("batchId", created.batch().batchId());
        body.put("planId", created.batch().planId());
        body.put("status", created.batch().status());
        body.put("sendAt", created.batch().sendAt());
        body.put("accepted", created.batch().accepted());
        body.put("rejected", created.rejected());
        return ApiResponses.created(body, "/plans/" + created.batch().planId() + "/batches/" + created.batch().batchId());
    }

    private static Instant instant(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new DomainException.InvalidInput("sendAt", "must be an ISO-8601 instant, e.g. 2026-12-01T09:00:00Z");
        }
    }

    private static Map<String, Object> representation(BatchService.Status status) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("batchId", status.batch().batchId());
        body.put("planId", status.batch().planId());
        body.put("status", status.batch().status());
        body.put("sendAt", status.batch().sendAt());
        body.put("accepted", status.batch().accepted());
        body.put("rejected", status.batch().rejected());
        body.put("counts", status.counts());
        return body;
    }
}
