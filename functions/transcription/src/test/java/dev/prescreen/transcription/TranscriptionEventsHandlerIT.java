package dev.prescreen.transcription;

import static dev.prescreen.local.cloud.junit.EventFixtures.drain;
import static dev.prescreen.local.cloud.junit.EventFixtures.failures;
import static dev.prescreen.local.cloud.junit.EventFixtures.sqsEvent;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.prescreen.local.cloud.junit.EventFixtures;
import dev.prescreen.aws.AwsClients;
import dev.prescreen.cloud.Bucket;
import dev.prescreen.cloud.LambdaFunction;
import dev.prescreen.cloud.Queue;
import dev.prescreen.config.Settings;
import dev.prescreen.domain.interview.Answer;
import dev.prescreen.domain.interview.AnswerState;
import dev.prescreen.domain.transcription.TranscriptionService;
import dev.prescreen.json.Json;
import dev.prescreen.local.cloud.LocalCloud;
import dev.prescreen.local.cloud.junit.LocalCloudExtension;
import dev.prescreen.local.cloud.junit.Poll;
import dev.prescreen.storage.DynamoInterviewRepository;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.transcribe.model.TranscriptionJob;
import software.amazon.awssdk.services.transcribe.model.TranscriptionJobStatus;

/**
 * The transcription-collect handler fed Transcribe's job state change as EventBridge puts it on the
 * transcription-events queue (fixtures under events/). The job is a real one on the local Transcribe stand-in: the
 * answer's language (de-DE) is one it refuses, so the job fails at once and for good, without speech tools.
 */
@ExtendWith(LocalCloudExtension.class)
class TranscriptionEventsHandlerIT {

    private static AwsClients clients;
    private static String recordingsBucket;
    private static String scoringQueue;
    private static TranscriptionEventsHandler handler;
    private static RecordingUploadedHandler uploads;
    private static DynamoInterviewRepository interviews;

    @BeforeAll
    static void start(LocalCloud cloud) {
        clients = EventFixtures.clients(cloud);
        Settings all = new Settings(cloud.settings());
        recordingsBucket = all.bucketName(Bucket.RECORDINGS);
        scoringQueue = all.queueUrl(Queue.SCORING);
        handler = new TranscriptionEventsHandler(clients,
                EventFixtures.settings(cloud, LambdaFunction.TRANSCRIPTION_COLLECT));
        uploads = new RecordingUploadedHandler(clients, EventFixtures.settings(cloud, LambdaFunction.TRANSCRIPTION_START));
        interviews = new DynamoInterviewRepository(clients.dynamoDb(), EventFixtures.table(cloud));
    }

    @AfterAll
    static void stop() {
        clients.close();
    }

    private static List<JsonNode> scoringMessagesOf(String organisation) {
        return drain(clients, scoringQueue).stream().map(m -> Json.read(m.body(), JsonNode.class))
                .filter(m -> organisation.equals(m.path("organisation").asText())).toList();
    }

    private static Answer current(Answer answer) {
        return interviews.answer(answer.organisation(), answer.interviewId(), answer.answerId()).orElseThrow();
    }

    @Test
    void aFinishedJobSettlesTheAnswerAndHandsItToScoringAndARedeliveryChangesNothing() {
        Answer answer = RecordingUploadedHandlerIT.recordedAnswer(clients, interviews, recordingsBucket, "de-DE");
        assertThat(failures(uploads.handleRequest(sqsEvent("recording-uploaded.json", Map.of(
                "RECORDINGS_BUCKET", recordingsBucket,
                "RECORDING_KEY", RecordingUploadedHandlerIT.recordingKey(answer))), null))).isEmpty();
        String jobName = TranscriptionService.jobName(answer.answerId(), 1);
        TranscriptionJob failed = Poll.until("the job " + jobName + " to fail", Duration.ofSeconds(30), () -> Optional.of(
                clients.transcribe().getTranscriptionJob(r -> r.transcriptionJobName(jobName)).transcriptionJob())
                .filter(job -> job.transcriptionJobStatus() == TranscriptionJobStatus.FAILED));
        scoringMessagesOf(answer.organisation());
        SQSEvent event = sqsEvent("transcribe-job-state-change.json", Map.of("JOB_NAME", jobName,
                "JOB_FAILURE_REASON", failed.failureReason()));

        SQSBatchResponse response = handler.handleRequest(event, null);

        assertThat(failures(response)).isEmpty();
        Answer settled = current(answer);
        assertThat(settled.state()).isEqualTo(AnswerState.TRANSCRIPTION_FAILED);
        assertThat(settled.state().needsHumanReview()).isTrue();
        assertThat(settled.failureReason()).startsWith("no local recogniser for de-DE");
        List<JsonNode> handedOn = scoringMessagesOf(answer.organisation());
        assertThat(handedOn).hasSize(1);
        assertThat(handedOn.get(0).path("type").asText()).isEqualTo("ANSWER_READY");
        assertThat(handedOn.get(0).path("interviewId").asText()).isEqualTo(answer.interviewId());
        assertThat(handedOn.get(0).path("answerId").asText()).isEqualTo(answer.answerId());

        SQSBatchResponse redelivered = handler.handleRequest(event, null);

        assertThat(failures(redelivered)).isEmpty();
        assertThat(current(answer).revision()).as("settled once").isEqualTo(settled.revision());
        assertThat(clients.transcribe().listTranscriptionJobs(r -> r.jobNameContains(answer.answerId()))
                .transcriptionJobSummaries()).as("no retry job for a final failure").hasSize(1);
        // Documented: a redelivered event hands the settled answer on again; scoring ignores a final answer.
        assertThat(scoringMessagesOf(answer.organisation())).hasSize(1)
                .allSatisfy(m -> assertThat(m.path("answerId").asText()).isEqualTo(answer.answerId()));
    }

    @Test
    void aMalformedEventFailsAloneAndUnknownOrForeignJobsAreNoOps() {
        Answer bystander = RecordingUploadedHandlerIT.recordedAnswer(clients, interviews, recordingsBucket, "de-DE");
        scoringMessagesOf(bystander.organisation());
        SQSEvent event = sqsEvent("transcription-events-malformed-and-unknown.json",
                Map.of("JOB_NAME", TranscriptionService.jobName(bystander.answerId(), 1)));

        SQSBatchResponse response = handler.handleRequest(event, null);

        assertThat(failures(response)).containsExactly(event.getRecords().get(0).getMessageId());
        assertThat(drain(clients, scoringQueue)).as("nothing handed to scoring").isEmpty();
        assertThat(current(bystander).revision()).isEqualTo(bystander.revision());
    }
}
