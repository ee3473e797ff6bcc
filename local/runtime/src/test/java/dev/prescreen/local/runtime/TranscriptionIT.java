package dev.prescreen.local.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.prescreen.cloud.Queue;
import dev.prescreen.cloud.RecurringSchedule;
import dev.prescreen.config.Settings;
import dev.prescreen.domain.interview.Answer;
import dev.prescreen.domain.interview.AnswerState;
import dev.prescreen.domain.interview.InvitationTokens;
import dev.prescreen.domain.plan.Plan;
import dev.prescreen.domain.session.ConsentNotice;
import dev.prescreen.json.Json;
import dev.prescreen.local.cloud.LocalCloud;
import dev.prescreen.local.cloud.junit.Poll;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recordings through the local Transcribe stand-in (ffmpeg + pocketsphinx): upload through the signed
 * URL, job started by the S3 event, transcript collected by the state-change event, answer handed to the
 * scoring queue (watched here instead of scored).
 */
class TranscriptionIT {

    private static final Duration JOB_TIMEOUT = Duration.ofSeconds(90);
    private static LocalRuntime runtime;
    private static LocalCloud cloud;
    private static final List<JsonNode> SCORING_MESSAGES = new CopyOnWriteArrayList<>();

    /** A cloud of its own: its scoring queue must have no consumer but the one watching it here. */
    @BeforeAll
    static void start() {
        cloud = LocalCloud.builder().start();
        runtime = LocalRuntime.builder().cloud(cloud).setting(Settings.RECONCILE_AFTER_SECONDS, "0")
                .consumer(Queue.SCORING, (SQSEvent event, com.amazonaws.services.lambda.runtime.Context context) -> {
                    event.getRecords().forEach(m -> SCORING_MESSAGES.add(Json.read(m.getBody(), JsonNode.class)));
                    return new SQSBatchResponse(List.of());
                }).start();
    }

    @AfterAll
    static void stop() {
        runtime.close();
        cloud.close();
    }

    private static SpokenAnswers.Upload uploadAnswer(byte[] audio) throws Exception {
        return SpokenAnswers.upload(runtime, audio);
    }

    private Answer awaitFinal(SpokenAnswers.Upload upload) {
        return SpokenAnswers.transcribed(runtime, upload.organisation(), upload.interviewId(), upload.answerId(),
                JOB_TIMEOUT);
    }

    private void awaitScoringMessage(String answerId) {
        Poll.until("the scoring message for " + answerId, Duration.ofSeconds(20), () -> SCORING_MESSAGES.stream()
                .filter(m -> answerId.equals(m.path("answerId").asText())).findFirst());
    }

    private static byte[] speech(Path dir, String text) throws Exception {
        return SpokenAnswers.speech(dir, text);
    }

    private static void requireSpeechTools() {
        SpokenAnswers.assumeSpeechTools();
    }

    @Test
    void aSpokenAnswerIsTranscribedWithWordTimingsGatedAndHandedToScoring(@TempDir Path temp) throws Exception {
        requireSpeechTools();
        byte[] wav = speech(temp, "I migrated the billing service to Kubernetes at my last job "
                + "and I reduced the latency by forty percent");
        SpokenAnswers.Upload upload = uploadAnswer(wav);
        Answer answer = awaitFinal(upload);
        assertThat(answer.transcript().spoken()).isTrue();
        assertThat(answer.transcript().words()).isNotEmpty().allSatisfy(word -> {
            assertThat(word.endSeconds()).isGreaterThanOrEqualTo(word.startSeconds());
            assertThat(word.confidence()).isBetween(0.0, 1.0);
        });
        // metered from the file (read by S3 ranges at upload), not from the speech the recogniser heard in it
        assertThat(answer.audioSeconds()).isCloseTo(SpokenAnswers.seconds(wav), org.assertj.core.data.Offset.offset(0.01));
        // The gate decides; with pocketsphinx on synthetic speech it usually (rightly) asks for a human.
        assertThat(answer.state()).isIn(AnswerState.AWAITING_SCORE, AnswerState.TRANSCRIPT_UNRELIABLE, AnswerState.NO_ANSWER);
        if (answer.state() == AnswerState.TRANSCRIPT_UNRELIABLE) {
            assertThat(answer.failureReason()).isNotBlank();
        }
        awaitScoringMessage(upload.answerId());
        assertThat(cloud.clients().s3().listObjectsV2(r -> r.bucket(runtime.settings().bucketName(
                dev.prescreen.cloud.Bucket.TRANSCRIPTS)).prefix("transcripts/" + upload.organisation() + "/"))
                .contents()).hasSize(1);
    }

    @Test
    void aRedeliveredUploadEventStartsNoSecondJob(@TempDir Path temp) throws Exception {
        requireSpeechTools();
        SpokenAnswers.Upload upload = uploadAnswer(speech(temp, "Java and Go mostly"));
        awaitFinal(upload);
        Answer answer = Fixtures.interviews(runtime).answer(upload.organisation(), upload.interviewId(), upload.answerId())
                .orElseThrow();
        String event = "{\"Records\":[{\"eventSource\":\"aws:s3\",\"eventName\":\"ObjectCreated:Put\",\"s3\":{"
                + "\"bucket\":{\"name\":\"" + runtime.settings().bucketName(dev.prescreen.cloud.Bucket.RECORDINGS)
                + "\"},\"object\":{\"key\":\"" + answer.recordingKey() + "\",\"size\":10}}}]}";
        String queue = runtime.settings().queueUrl(Queue.TRANSCRIPTION_JOBS);
        cloud.clients().sqs().sendMessage(r -> r.queueUrl(queue).messageBody(event));
        // Once the queue is drained the redelivery has been handled.
        Poll.until("the redelivered event to be consumed", Duration.ofSeconds(20), () -> {
            var attributes = cloud.clients().sqs().getQueueAttributes(r -> r.queueUrl(queue).attributeNamesWithStrings(
                    "ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible")).attributesAsStrings();
            return attributes.values().stream().allMatch("0"::equals) ? Optional.of(true) : Optional.empty();
        });
        var jobs = runtime.clients().transcribe().listTranscriptionJobs(r -> r.jobNameContains(upload.answerId()))
                .transcriptionJobSummaries();
        assertThat(jobs).hasSize(1);
    }

    @Test
    void anUndecodableRecordingFailsItsJobAndTheAnswerGoesToHumanReview() throws Exception {
        requireSpeechTools();
        byte[] garbage = new byte[4096];
        new java.util.Random(7).nextBytes(garbage);
        SpokenAnswers.Upload upload = uploadAnswer(garbage);
        Answer answer = awaitFinal(upload);
        assertThat(answer.state()).isEqualTo(AnswerState.TRANSCRIPTION_FAILED);
        assertThat(answer.state().needsHumanReview()).isTrue();
        assertThat(answer.failureReason()).contains("could not be decoded");
        awaitScoringMessage(upload.answerId());
    }

    @Test
    void theReconcilerFinishesAJobWhoseStateChangeEventWasLost(@TempDir Path temp) throws Exception {
        requireSpeechTools();
        cloud.transcribe().dropEvents(true);
        try {
            SpokenAnswers.Upload upload = uploadAnswer(speech(temp, "I use Python every day"));
            Answer started = Poll.until("the job to start", Duration.ofSeconds(20), () -> Fixtures.interviews(runtime)
                    .answer(upload.organisation(), upload.interviewId(), upload.answerId())
                    .filter(a -> a.transcription() != null));
            String job = started.transcription().jobName();
            Poll.until("the job to finish", JOB_TIMEOUT, () -> Optional.of(runtime.clients().transcribe()
                    .getTranscriptionJob(r -> r.transcriptionJobName(job)).transcriptionJob())
                    .filter(j -> j.transcriptionJobStatusAsString().equals("COMPLETED")));
            assertThat(Fixtures.interviews(runtime).answer(upload.organisation(), upload.interviewId(), upload.answerId())
                    .orElseThrow().transcript()).as("no event, no transcript yet").isNull();

            runtime.fire(RecurringSchedule.TRANSCRIPTION_RECONCILER);

            Answer answer = awaitFinal(upload);
            assertThat(answer.transcript()).isNotNull();
            awaitScoringMessage(upload.answerId());
        } finally {
            cloud.transcribe().dropEvents(false);
        }
    }
}
