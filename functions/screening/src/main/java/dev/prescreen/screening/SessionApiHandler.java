package dev.prescreen.screening;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.prescreen.lambda.Priming;
import dev.prescreen.api.ApiResponses;
import dev.prescreen.api.ApiRouter;
import dev.prescreen.aws.AwsClients;
import dev.prescreen.cloud.Bucket;
import dev.prescreen.cloud.Queue;
import dev.prescreen.cloud.Table;
import dev.prescreen.config.Settings;
import dev.prescreen.domain.bank.QuestionBanks;
import dev.prescreen.domain.compliance.AlternativeRequests;
import dev.prescreen.domain.compliance.Explanations;
import dev.prescreen.domain.compliance.SelfIdentification;
import dev.prescreen.domain.compliance.VoluntarySelfIdentification;
import dev.prescreen.domain.interview.IntegritySignals;
import dev.prescreen.domain.organisation.OrganisationSettingsService;
import dev.prescreen.messages.SesMailer;
import dev.prescreen.storage.DynamoOrganisationSettings;
import dev.prescreen.storage.DynamoAlternativeRequests;
import dev.prescreen.storage.DynamoReportRepository;
import dev.prescreen.storage.DynamoSelfIdentifications;
import dev.prescreen.domain.session.SessionService;
import dev.prescreen.domain.session.Submission;
import dev.prescreen.messages.SqsPipelineEvents;
import dev.prescreen.messages.SqsWebhookQueues;
import dev.prescreen.storage.DynamoInterviewRepository;
import dev.prescreen.storage.DynamoPlanRepository;
import dev.prescreen.storage.S3RecordingStore;
import java.time.Clock;
import java.time.Duration;

/** The candidate's session API; the invitation token in the path is the credential. */
public final class SessionApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    /** Held here: the CRaC context keeps its resources only weakly. */
    @SuppressWarnings("unused")
    private Priming<?> priming;

    private final ApiRouter router;

    /** Lambda's constructor: configured from the environment, and primed (see {@link Priming}). */
    public SessionApiHandler() {
        this(AwsClients.forLambda(), Settings.fromProcessEnvironment());
        this.priming = Priming.atInitialisation(this);
    }

    public SessionApiHandler(AwsClients clients, Settings settings) {
        String table = settings.tableName(Table.MAIN);
        DynamoInterviewRepository interviews = new DynamoInterviewRepository(clients.dynamoDb(), table);
        DynamoPlanRepository plans = new DynamoPlanRepository(clients.dynamoDb(), table);
        SqsWebhookQueues events = new SqsWebhookQueues(clients.sqs(), settings.queueUrl(Queue.WEBHOOK_EVENTS), null);
        OrganisationSettingsService organisations = new OrganisationSettingsService(
                new DynamoOrganisationSettings(clients.dynamoDb(), table), Clock.systemUTC());
        SessionService sessions = new SessionService(interviews, plans,
                new S3RecordingStore(clients.s3(), clients.s3Presigner(), settings.bucketName(Bucket.RECORDINGS)),
                new SqsPipelineEvents(clients.sqs(), settings.queueUrl(Queue.SCORING)), events, organisations,
                Clock.systemUTC(),
                Duration.ofSeconds(settings.getInt(Settings.FOLLOW_UP_WAIT_SECONDS, 20)));
        // the candidate's rights: the self-identification writer cannot read; nothing here is audited (no recruiter)
        VoluntarySelfIdentification selfIdentification = new VoluntarySelfIdentification(interviews, plans,
                DynamoSelfIdentifications.writer(clients.dynamoDb(), settings.tableName(Table.SELF_IDENTIFICATION)),
                organisations, Clock.systemUTC());
        AlternativeRequests alternatives = new AlternativeRequests(interviews, plans,
                new DynamoAlternativeRequests(clients.dynamoDb(), table), new SesMailer(clients.sesV2(),
                        settings.find(Settings.SENDER_EMAIL).orElse(null),
                        settings.find(Settings.SES_CONFIGURATION_SET).orElse(null)), events, null, Clock.systemUTC());
        Explanations explanations = new Explanations(new DynamoReportRepository(clients.dynamoDb(), table), plans,
                interviews, QuestionBanks::builtIn, null, Clock.systemUTC());
        this.router = ApiRouter.builder()
                .on("GET /sessions/{token}", r -> ApiResponses.json(200, sessions.view(r.pathParameter("token"))))
                .on("POST /sessions/{token}/consent", r -> ApiResponses.json(200, sessions.consent(
                        r.pathParameter("token"), r.json(ConsentRequest.class).noticeVersion())))
                .on("GET /sessions/{token}/question", r -> ApiResponses.json(200, sessions.current(r.pathParameter("token"))))
                .on("POST /sessions/{token}/answers/{answerId}/upload-url", r -> {
                    UploadRequest upload = r.json(UploadRequest.class);
                    return ApiResponses.json(200, sessions.uploadUrl(r.pathParameter("token"), r.pathParameter("answerId"),
                            upload.contentType(), upload.contentLength(), upload.videoFallback()));
                })
                .on("POST /sessions/{token}/answers/{answerId}/retake", r -> ApiResponses.json(200,
                        sessions.retake(r.pathParameter("token"), r.pathParameter("answerId"))))
                .on("PUT /sessions/{token}/answers/{answerId}/integrity", r -> {
                    IntegrityRequest totals = r.json(IntegrityRequest.class);
                    sessions.integrity(r.pathParameter("token"), r.pathParameter("answerId"), IntegritySignals.checked(
                            totals.pastedCharacters(), totals.typedCharacters(), totals.focusLosses(),
                            totals.secondsAway()));
                    return ApiResponses.noContent();
                })
                .on("POST /sessions/{token}/answers/{answerId}", r -> ApiResponses.json(200, sessions.submit(
                        r.pathParameter("token"), r.pathParameter("answerId"), r.json(Submission.class))))
                .on("POST /sessions/{token}/finish", r -> ApiResponses.json(200, sessions.finish(r.pathParameter("token"))))
                .on("POST /sessions/{token}/self-identification", r -> {
                    SelfIdentificationRequest form = r.json(SelfIdentificationRequest.class);
                    selfIdentification.give(r.pathParameter("token"),
                            SelfIdentification.checked(form.sex(), form.raceEthnicity()));
                    return ApiResponses.noContent();
                })
                .on("POST /sessions/{token}/alternative-requests", r -> {
                    AlternativeRequests.Requested requested = alternatives.request(r.pathParameter("token"),
                            r.json(AlternativeRequestBody.class).text());
                    return ApiResponses.json(requested.created() ? 201 : 200,
                            AlternativeRequestView.of(requested.request()));
                })
                .on("GET /sessions/{token}/explanation", r -> {
                    Explanations.Explanation explanation = explanations.forCandidate(r.pathParameter("token"));
                    return "text".equals(r.query("format").orElse("html"))
                            ? ApiResponses.text(200, "text/plain; charset=utf-8", explanation.text(), java.util.Map.of())
                            : ApiResponses.html(200, explanation.html());
                })
                .build();
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return router.handle(event);
    }

    record ConsentRequest(String noticeVersion) {
    }

    record SelfIdentificationRequest(String sex, String raceEthnicity) {
    }

    record AlternativeRequestBody(String text) {
    }

    /** The candidate's own request as their page sees it: no ids of the organisation's beyond its own. */
    record AlternativeRequestView(String requestId, String state, java.time.Instant requestedAt) {
        static AlternativeRequestView of(dev.prescreen.domain.compliance.AlternativeRequest request) {
            return new AlternativeRequestView(request.requestId(), request.status().wireName(), request.requestedAt());
        }
    }

    record UploadRequest(String contentType, Long contentLength, String videoFallback) {
    }

    record IntegrityRequest(Integer pastedCharacters, Integer typedCharacters, Integer focusLosses,
            Integer secondsAway) {
    }
}
