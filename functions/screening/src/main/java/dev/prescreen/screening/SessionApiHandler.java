package dev.prescreen.screening;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.prescreen.api.ApiResponses;
import dev.prescreen.api.ApiRouter;
import dev.prescreen.aws.AwsClients;
import dev.prescreen.cloud.Bucket;
import dev.prescreen.cloud.Queue;
import dev.prescreen.cloud.Table;
import dev.prescreen.config.Settings;
import dev.prescreen.domain.interview.IntegritySignals;
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

    private final ApiRouter router;

    public SessionApiHandler() {
        this(AwsClients.forLambda(), Settings.fromProcessEnvironment());
    }

    public SessionApiHandler(AwsClients clients, Settings settings) {
        String table = settings.tableName(Table.MAIN);
        SessionService sessions = new SessionService(
                new DynamoInterviewRepository(clients.dynamoDb(), table),
                new DynamoPlanRepository(clients.dynamoDb(), table),
                new S3RecordingStore(clients.s3(), clients.s3Presigner(), settings.bucketName(Bucket.RECORDINGS)),
                new SqsPipelineEvents(clients.sqs(), settings.queueUrl(Queue.SCORING)),
                new SqsWebhookQueues(clients.sqs(), settings.queueUrl(Queue.WEBHOOK_EVENTS), null),
                Clock.systemUTC(),
                Duration.ofSeconds(settings.getInt(Settings.FOLLOW_UP_WAIT_SECONDS, 20)));
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
                .build();
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return router.handle(event);
    }

    record ConsentRequest(String noticeVersion) {
    }

    record UploadRequest(String contentType, Long contentLength, String videoFallback) {
    }

    record IntegrityRequest(Integer pastedCharacters, Integer typedCharacters, Integer focusLosses,
            Integer secondsAway) {
    }
}
