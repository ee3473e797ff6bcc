package dev.prescreen.reporting;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.prescreen.lambda.Priming;
import dev.prescreen.aws.AwsClients;
import dev.prescreen.config.Settings;
import dev.prescreen.domain.report.ReportService;
import dev.prescreen.json.Json;
import dev.prescreen.messages.ReportingMessage;
import dev.prescreen.messages.SqsBatch;

/** Completed interviews: build the report once and email it to the plan's recipients at most once. */
public final class ReportBuildHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    /** Held here: the CRaC context keeps its resources only weakly. */
    @SuppressWarnings("unused")
    private Priming<?> priming;

    private final ReportService reports;

    /** Lambda's constructor: configured from the environment, and primed (see {@link Priming}). */
    public ReportBuildHandler() {
        this(AwsClients.forLambda(), Settings.fromProcessEnvironment());
        this.priming = Priming.atInitialisation(this);
    }

    public ReportBuildHandler(AwsClients clients, Settings settings) {
        this.reports = ReportingFunctions.reports(clients, settings);
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return SqsBatch.process("report.build", event, message -> {
            ReportingMessage completed = Json.read(message.getBody(), ReportingMessage.class);
            reports.interviewCompleted(completed.organisation(), completed.interviewId());
        });
    }
}
