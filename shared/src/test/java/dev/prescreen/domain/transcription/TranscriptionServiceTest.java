package dev.prescreen.domain.transcription;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prescreen.scoring.QuestionType;
import dev.prescreen.domain.interview.Answer;
import dev.prescreen.domain.interview.AnswerKind;
import dev.prescreen.domain.interview.AnswerState;
import dev.prescreen.domain.session.PipelineEvents;
import dev.prescreen.testing.InMemoryInterviewRepository;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TranscriptionServiceTest {

    private static final String ORG = "acme";
    private static final String INTERVIEW = "iv_01JDZ6Q8W9X0Y1Z2A3B4C5D6E7";
    private static final String ANSWER = AnswerKind.MAIN.answerId(INTERVIEW, 3);
    private static final String KEY = "recordings/" + ORG + "/pl_1/" + INTERVIEW + "/" + ANSWER + ".webm";

    /** Transcribe as a test double: jobs by name, their state set by the test. */
    static final class FakeSpeech implements SpeechToText {
        final Map<String, JobStatus> jobs = new HashMap<>();
        final List<JobRequest> started = new ArrayList<>();

        @Override
        public boolean start(JobRequest request) {
            if (jobs.containsKey(request.jobName())) {
                return false;
            }
            started.add(request);
            jobs.put(request.jobName(), new JobStatus(request.jobName(), State.IN_PROGRESS, request.mediaKey(), null));
            return true;
        }

        @Override
        public Optional<JobStatus> status(String jobName) {
            return Optional.ofNullable(jobs.get(jobName));
        }

        void finish(String jobName, State state, String reason) {
            jobs.put(jobName, new JobStatus(jobName, state, jobs.get(jobName).mediaKey(), reason));
        }
    }

    private final InMemoryInterviewRepository interviews = new InMemoryInterviewRepository();
    private final FakeSpeech speech = new FakeSpeech();
    private final List<String> readyForScoring = new ArrayList<>();
    /** The recordings bucket as a test double: the files by key, read by their ends as S3 ranges would. */
    private final Map<String, byte[]> files = new HashMap<>();
    private final RecordingFiles recordings = (key, head, tail) -> Optional.ofNullable(files.get(key)).map(bytes ->
            new RecordingFiles.Ends(java.util.Arrays.copyOf(bytes, Math.min(head, bytes.length)),
                    java.util.Arrays.copyOfRange(bytes, Math.max(0, bytes.length - tail), bytes.length), bytes.length));
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC);
    private TranscriptionService service;

    @BeforeEach
    void setUp() throws IOException {
        String output = TranscribeOutputTest.fixture("completed-job-output.json");
        PipelineEvents pipeline = new PipelineEvents() {
            @Override
            public void answerReadyForScoring(String organisation, String interviewId, String answerId) {
                readyForScoring.add(answerId);
            }

            @Override
            public void interviewSubmitted(String organisation, String interviewId) {
            }
        };
        service = new TranscriptionService(interviews, speech, key -> output, recordings,
                new TranscriptQualityGate(text -> new LanguageDetector.Guess("eng", 0.99)), pipeline, "recordings",
                "transcripts", clock);
        interviews.createAnswer(new Answer(ANSWER, INTERVIEW, ORG, "pl_1", 3, AnswerKind.MAIN, "Question?",
                QuestionType.BEHAVIORAL, List.of(), "en-US", AnswerState.TRANSCRIBING, clock.instant(), clock.instant(),
                false, Answer.RECORDING, KEY, "audio/webm", null, null, null, false, null, null, null, 1, null, null, 1));
    }

    private Answer answer() {
        return interviews.answer(ORG, INTERVIEW, ANSWER).orElseThrow();
    }

    @Test
    void aRecordingStartsOneJobInThePlansLanguageEvenWhenTheEventComesTwice() {
        assertThat(service.recordingUploaded("recordings", KEY)).isEqualTo(TranscriptionService.Outcome.STARTED);
        assertThat(service.recordingUploaded("recordings", KEY)).isEqualTo(TranscriptionService.Outcome.ALREADY_STARTED);
        assertThat(speech.started).hasSize(1);
        SpeechToText.JobRequest request = speech.started.get(0);
        assertThat(request.jobName()).isEqualTo("prescreen-" + ANSWER);
        assertThat(request.languageCode()).isEqualTo("en-US");
        assertThat(request.mediaFormat()).isEqualTo("webm");
        assertThat(request.outputKey()).isEqualTo("transcripts/" + ORG + "/" + INTERVIEW + "/" + ANSWER + ".json");
        assertThat(answer().transcription().jobName()).isEqualTo(request.jobName());
    }

    /** A 16 kHz mono 16-bit PCM WAV of silence, as the candidate page encodes its takes. */
    static byte[] wav(double seconds) {
        int dataBytes = (int) Math.round(seconds * 16000) * 2;
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(44 + dataBytes).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(36 + dataBytes)
                .put("WAVEfmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1)
                .putShort((short) 1).putInt(16000).putInt(32000).putShort((short) 2).putShort((short) 16)
                .put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(dataBytes);
        return b.array();
    }

    @Test
    void theRecordingsDurationIsReadFromTheFileAtUploadAndKeptWhenTheTranscriptArrives() {
        String wavKey = KEY.replace(".webm", ".wav");
        interviews.replaceAnswer(answer().change(b -> {
            b.recordingKey = wavKey;
            b.recordingContentType = "audio/wav";
            return b;
        }), answer().revision());
        files.put(wavKey, wav(37.25));

        service.recordingUploaded("recordings", wavKey);
        assertThat(answer().audioSeconds()).isEqualTo(37.25);
        speech.finish("prescreen-" + ANSWER, SpeechToText.State.COMPLETED, null);
        service.jobChanged("prescreen-" + ANSWER);
        // the transcript's last word ends at 4.62 s; the file is what Transcribe bills
        assertThat(answer().transcript().words()).hasSize(15);
        assertThat(answer().audioSeconds()).isEqualTo(37.25);
    }

    @Test
    void aRecordingWhoseDurationCannotBeReadIsTranscribedAllTheSame() {
        TranscriptionService failingReads = new TranscriptionService(interviews, speech, key -> "{}", (key, head, tail) -> {
            throw new IllegalStateException("S3 is having a bad day");
        }, new TranscriptQualityGate(text -> new LanguageDetector.Guess("eng", 0.99)), new PipelineEvents() {
            @Override
            public void answerReadyForScoring(String organisation, String interviewId, String answerId) {
            }

            @Override
            public void interviewSubmitted(String organisation, String interviewId) {
            }
        }, "recordings", "transcripts", clock);
        assertThat(failingReads.recordingUploaded("recordings", KEY)).isEqualTo(TranscriptionService.Outcome.STARTED);
        assertThat(speech.started).hasSize(1);
        assertThat(answer().audioSeconds()).isNull();
    }

    @Test
    void aFileWhoseBytesDoNotSayItsDurationIsMeteredByTheSpeechInIt() {
        files.put(KEY, "not a webm file".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        service.recordingUploaded("recordings", KEY);
        assertThat(answer().audioSeconds()).isNull();
        speech.finish("prescreen-" + ANSWER, SpeechToText.State.COMPLETED, null);
        service.jobChanged("prescreen-" + ANSWER);
        assertThat(answer().audioSeconds()).isEqualTo(4.62);
    }

    @Test
    void aCompletedJobStoresTheTranscriptAndHandsTheAnswerToScoring() {
        service.recordingUploaded("recordings", KEY);
        speech.finish("prescreen-" + ANSWER, SpeechToText.State.COMPLETED, null);
        assertThat(service.jobChanged("prescreen-" + ANSWER)).isEqualTo(TranscriptionService.Outcome.COLLECTED);
        assertThat(answer().state()).isEqualTo(AnswerState.AWAITING_SCORE);
        assertThat(answer().transcript().words()).hasSize(15);
        assertThat(answer().audioSeconds()).isEqualTo(4.62);
        assertThat(readyForScoring).containsExactly(ANSWER);
        // A redelivered event hands the answer on again without changing it.
        long revision = answer().revision();
        service.jobChanged("prescreen-" + ANSWER);
        assertThat(answer().revision()).isEqualTo(revision);
    }

    @Test
    void internalFailuresAreRetriedTwiceThenTheAnswerIsMarkedFailed() {
        service.recordingUploaded("recordings", KEY);
        String first = "prescreen-" + ANSWER;
        speech.finish(first, SpeechToText.State.FAILED, "Internal failure");
        assertThat(service.jobChanged(first)).isEqualTo(TranscriptionService.Outcome.RETRIED);
        String second = first + "-r1";
        speech.finish(second, SpeechToText.State.FAILED, "Internal failure");
        assertThat(service.jobChanged(second)).isEqualTo(TranscriptionService.Outcome.RETRIED);
        String third = first + "-r2";
        speech.finish(third, SpeechToText.State.FAILED, "Internal failure");
        assertThat(service.jobChanged(third)).isEqualTo(TranscriptionService.Outcome.FAILED);
        assertThat(speech.started).extracting(SpeechToText.JobRequest::jobName).containsExactly(first, second, third);
        assertThat(answer().state()).isEqualTo(AnswerState.TRANSCRIPTION_FAILED);
        assertThat(readyForScoring).containsExactly(ANSWER);
        // An event of a superseded attempt is ignored.
        assertThat(service.jobChanged(first)).isEqualTo(TranscriptionService.Outcome.IGNORED);
    }

    @Test
    void otherFailuresAreFinalWithTheirReason() {
        service.recordingUploaded("recordings", KEY);
        speech.finish("prescreen-" + ANSWER, SpeechToText.State.FAILED, "The media format could not be decoded");
        assertThat(service.jobChanged("prescreen-" + ANSWER)).isEqualTo(TranscriptionService.Outcome.FAILED);
        assertThat(answer().state()).isEqualTo(AnswerState.TRANSCRIPTION_FAILED);
        assertThat(answer().failureReason()).contains("could not be decoded");
    }

    @Test
    void eventsForJobsWeDidNotStartAreIgnored() {
        assertThat(service.jobChanged("someone-elses-job")).isEqualTo(TranscriptionService.Outcome.IGNORED);
        assertThat(service.recordingUploaded("recordings", "uploads/elsewhere.webm"))
                .isEqualTo(TranscriptionService.Outcome.IGNORED);
    }

    @Test
    void theReconcilerFinishesAJobWhoseEventWasLost() {
        service.recordingUploaded("recordings", KEY);
        speech.finish("prescreen-" + ANSWER, SpeechToText.State.COMPLETED, null);
        assertThat(service.reconcile(Duration.ofMinutes(10), 10)).as("too young to reconcile").isZero();
        assertThat(service.reconcile(Duration.ZERO.minusSeconds(1), 10)).isEqualTo(1);
        assertThat(answer().state()).isEqualTo(AnswerState.AWAITING_SCORE);
    }
}
