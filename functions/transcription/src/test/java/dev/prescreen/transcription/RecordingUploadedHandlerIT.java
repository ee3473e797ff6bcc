package dev.prescreen.transcription;

import static dev.prescreen.local.cloud.junit.EventFixtures.failures;
import static dev.prescreen.local.cloud.junit.EventFixtures.sqsEvent;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.prescreen.local.cloud.junit.EventFixtures;
import dev.prescreen.aws.AwsClients;
import dev.prescreen.cloud.Bucket;
import dev.prescreen.cloud.LambdaFunction;
import dev.prescreen.config.Settings;
import dev.prescreen.domain.Ids;
import dev.prescreen.domain.interview.Answer;
import dev.prescreen.domain.interview.AnswerKind;
import dev.prescreen.domain.interview.AnswerState;
import dev.prescreen.domain.interview.InvitationTokens;
import dev.prescreen.domain.session.SessionService;
import dev.prescreen.domain.transcription.TranscriptionService;
import dev.prescreen.local.cloud.LocalCloud;
import dev.prescreen.local.cloud.junit.LocalCloudExtension;
import dev.prescreen.scoring.QuestionType;
import dev.prescreen.storage.DynamoInterviewRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.transcribe.model.TranscriptionJob;

/**
 * The transcription-start handler fed the S3 event notification of a new recording as S3 sends it to the
 * transcription-jobs queue (fixtures under events/): one Transcribe job per answer, recorded on the answer.
 */
@ExtendWith(LocalCloudExtension.class)
class RecordingUploadedHandlerIT {

    private static AwsClients clients;
    private static String recordingsBucket;
    private static RecordingUploadedHandler handler;
    private static DynamoInterviewRepository interviews;

    @BeforeAll
    static void start(LocalCloud cloud) {
        clients = EventFixtures.clients(cloud);
        recordingsBucket = new Settings(cloud.settings()).bucketName(Bucket.RECORDINGS);
        handler = new RecordingUploadedHandler(clients, EventFixtures.settings(cloud, LambdaFunction.TRANSCRIPTION_START));
        interviews = new DynamoInterviewRepository(clients.dynamoDb(), EventFixtures.table(cloud));
    }

    @AfterAll
    static void stop() {
        clients.close();
    }

    /** A spoken answer being transcribed, and its recording just uploaded to the recordings bucket. */
    static Answer recordedAnswer(AwsClients clients, DynamoInterviewRepository interviews, String bucket,
            String language) {
        String organisation = "fixture-" + UUID.randomUUID();
        Clock clock = Clock.systemUTC();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String interviewId = Ids.newId("iv", clock);
        String planId = Ids.newId("pl", clock);
        String answerId = AnswerKind.MAIN.answerId(interviewId, 1);
        Answer served = Answer.served(answerId, interviewId, organisation, planId, 1, AnswerKind.MAIN,
                "What languages are you most comfortable coding in?", QuestionType.GENERAL, List.of("language"), language,
                now.minusSeconds(90));
        // the key of the one upload URL the session handed out, as the session makes it
        String key = SessionService.recordingKey(served, InvitationTokens.newToken().substring(0, 12), "audio/wav");
        Answer answer = served.change(b -> {
                    b.recordingKey = key;
                    b.mode = Answer.RECORDING;
                    b.recordingContentType = "audio/wav";
                    b.submittedAt = now;
                    b.state = AnswerState.TRANSCRIBING;
                    return b;
                });
        assertThat(interviews.createAnswer(answer)).isTrue();
        clients.s3().putObject(r -> r.bucket(bucket).key(key).contentType("audio/wav"),
                RequestBody.fromBytes(new byte[] {'R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'A', 'V', 'E'}));
        return answer;
    }

    static String recordingKey(Answer answer) {
        return answer.recordingKey();
    }

    private static List<String> jobsOf(String answerId) {
        return clients.transcribe().listTranscriptionJobs(r -> r.jobNameContains(answerId)).transcriptionJobSummaries()
                .stream().map(j -> j.transcriptionJobName()).toList();
    }

    @Test
    void aNewRecordingStartsOneTranscriptionJobAndARedeliveryStartsNoSecond() {
        Answer answer = recordedAnswer(clients, interviews, recordingsBucket, "en-US");
        SQSEvent event = sqsEvent("recording-uploaded.json", Map.of("RECORDINGS_BUCKET", recordingsBucket,
                "RECORDING_KEY", recordingKey(answer)));

        SQSBatchResponse response = handler.handleRequest(event, null);

        assertThat(failures(response)).isEmpty();
        Answer started = interviews.answer(answer.organisation(), answer.interviewId(), answer.answerId()).orElseThrow();
        String jobName = TranscriptionService.jobName(answer.answerId(), 1);
        assertThat(started.transcription().jobName()).isEqualTo(jobName);
        assertThat(started.transcription().attempts()).isEqualTo(1);
        assertThat(started.recordingKey()).isEqualTo(recordingKey(answer));
        TranscriptionJob job = clients.transcribe().getTranscriptionJob(r -> r.transcriptionJobName(jobName))
                .transcriptionJob();
        assertThat(job.media().mediaFileUri()).isEqualTo("s3://" + recordingsBucket + "/" + recordingKey(answer));
        assertThat(job.languageCodeAsString()).isEqualTo("en-US");
        assertThat(job.mediaFormatAsString()).isEqualTo("wav");

        SQSBatchResponse redelivered = handler.handleRequest(event, null);

        assertThat(failures(redelivered)).isEmpty();
        assertThat(jobsOf(answer.answerId())).containsExactly(jobName);
        assertThat(interviews.answer(answer.organisation(), answer.interviewId(), answer.answerId()).orElseThrow()
                .revision()).isEqualTo(started.revision());
    }

    @Test
    void aMalformedNotificationFailsAloneAndUnknownOrUnrecordedUploadsAndS3TestEventsAreNoOps() {
        Answer bystander = recordedAnswer(clients, interviews, recordingsBucket, "en-US");
        // another object under the answer's prefix, not the upload the answer recorded
        String otherUpload = SessionService.recordingKey(bystander, "otherUpload1", "audio/wav");
        SQSEvent event = sqsEvent("recording-uploaded-malformed-and-unknown.json", Map.of(
                "RECORDINGS_BUCKET", recordingsBucket, "ORG_ID", bystander.organisation(),
                "OTHER_UPLOAD_KEY", otherUpload));

        SQSBatchResponse response = handler.handleRequest(event, null);

        assertThat(failures(response)).containsExactly(event.getRecords().get(0).getMessageId());
        assertThat(jobsOf("iv_01KB0000000000000000000000")).as("no job for a recording no answer has").isEmpty();
        assertThat(jobsOf(bystander.answerId())).as("only the recorded upload is transcribed").isEmpty();
        assertThat(interviews.answer(bystander.organisation(), bystander.interviewId(), bystander.answerId())
                .orElseThrow().revision()).isEqualTo(bystander.revision());
    }
}
