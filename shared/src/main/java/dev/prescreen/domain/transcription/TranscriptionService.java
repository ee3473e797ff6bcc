package dev.prescreen.domain.transcription;

import dev.prescreen.domain.ConcurrentWrites;
import dev.prescreen.domain.DomainException;
import dev.prescreen.domain.Transcript;
import dev.prescreen.domain.interview.Answer;
import dev.prescreen.domain.interview.AnswerState;
import dev.prescreen.domain.interview.InterviewRepository;
import dev.prescreen.domain.session.PipelineEvents;
import dev.prescreen.domain.session.RecordingFormats;
import dev.prescreen.observability.Log;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns uploaded recordings into transcripts: starts one job per answer (its name derived from the
 * answer, so redelivery cannot start two), collects finished jobs, retries internal failures at most
 * twice, gates the transcript's quality, and hands the answer to scoring.
 */
public final class TranscriptionService {

    public static final String JOB_PREFIX = "prescreen-";
    public static final int MAX_ATTEMPTS = 3;
    private static final String ANSWER = "answerId";
    private static final String THE_ANSWER = "the answer";
    /** The second try's tail: a few seconds of 1 Mbit/s video. */
    static final int LONG_TAIL_BYTES = 4 * 1024 * 1024;

    private final InterviewRepository interviews;
    private final SpeechToText speech;
    private final TranscriptFiles files;
    private final RecordingFiles recordings;
    private final TranscriptQualityGate gate;
    private final PipelineEvents pipeline;
    private final String recordingsBucket;
    private final String transcriptsBucket;
    private final Clock clock;

    public TranscriptionService(InterviewRepository interviews, SpeechToText speech, TranscriptFiles files,
            RecordingFiles recordings, TranscriptQualityGate gate, PipelineEvents pipeline, String recordingsBucket, String transcriptsBucket,
            Clock clock) {
        this.interviews = interviews;
        this.speech = speech;
        this.files = files;
        this.recordings = recordings;
        this.gate = gate;
        this.pipeline = pipeline;
        this.recordingsBucket = recordingsBucket;
        this.transcriptsBucket = transcriptsBucket;
        this.clock = clock;
    }

    /** The outcome of handling one event, for logs and tests. */
    public enum Outcome { STARTED, ALREADY_STARTED, IGNORED, COLLECTED, RETRIED, FAILED, IN_PROGRESS }

    public static String jobName(String answerId, int attempt) {
        return JOB_PREFIX + answerId + (attempt > 1 ? "-r" + (attempt - 1) : "");
    }

    /**
     * A recording arrived: start its transcription, once, recording its duration read from the file (Transcribe
     * bills the media's length, so usage is metered from the file, never from the page's claim).
     */
    public Outcome recordingUploaded(String bucket, String key) {
        Optional<RecordingKey> parsed = RecordingKey.parse(key);
        if (parsed.isEmpty()) {
            return Outcome.IGNORED;
        }
        RecordingKey recording = parsed.get();
        // read once, though a write conflict may run the step again
        var duration = new Object() {
            boolean read;
            Double seconds;
        };
        return ConcurrentWrites.retry(ANSWER, THE_ANSWER, () -> {
            Optional<Answer> found = interviews.answer(recording.organisation(), recording.interviewId(),
                    recording.answerId());
            if (found.isEmpty() || found.get().state().terminal() || found.get().transcript() != null) {
                return Optional.of(Outcome.IGNORED);
            }
            Answer answer = found.get();
            if (!key.equals(answer.recordingKey())) {
                return Optional.of(Outcome.IGNORED); // not the upload the answer recorded: never transcribed
            }
            if (answer.transcription() != null) {
                // recorded before (a redelivery, or a start that failed after the record): the start is idempotent
                startJob(answer.transcription().jobName(), recording, answer.language());
                return Optional.of(Outcome.ALREADY_STARTED);
            }
            // the job is recorded before it starts, so its state-change event always finds it (a job can fail in
            // less time than a write takes); a job recorded but never started is started by the reconciler
            String name = jobName(answer.answerId(), 1);
            if (!duration.read) {
                duration.seconds = duration(recording).orElse(null);
                duration.read = true;
            }
            Answer withJob = answer.change(b -> {
                b.transcription = new Answer.TranscriptionJob(name, clock.instant(), 1);
                b.audioSeconds = duration.seconds;
                return b;
            });
            if (!interviews.replaceAnswer(withJob, answer.revision())) {
                return Optional.empty();
            }
            return Optional.of(startJob(name, recording, answer.language()) ? Outcome.STARTED : Outcome.ALREADY_STARTED);
        });
    }

    /**
     * The recording's duration from its bytes; empty (metered from the transcript later) when they do not say, or
     * cannot be read: the meter's figure never stands in the way of the transcription.
     */
    private Optional<Double> duration(RecordingKey recording) {
        try {
            Optional<Double> seconds = duration(recording, RecordingDuration.TAIL_BYTES);
            if (seconds.isEmpty()) {
                // a video's last cluster or fragment may be longer than the usual tail
                seconds = duration(recording, LONG_TAIL_BYTES);
            }
            if (seconds.isEmpty()) {
                Log.warn("transcription.duration_unknown", Map.of("answerId", recording.answerId(),
                        "format", recording.extension()));
            }
            return seconds;
        } catch (RuntimeException e) {
            Log.warn("transcription.duration_unread", Map.of("answerId", recording.answerId(),
                    "error", e.getClass().getSimpleName()));
            return Optional.empty();
        }
    }

    private Optional<Double> duration(RecordingKey recording, int tailBytes) {
        return recordings.ends(recording.key(), RecordingDuration.HEAD_BYTES, tailBytes)
                .flatMap(ends -> RecordingDuration.seconds(recording.extension(), ends.head(), ends.tail(),
                        ends.size()))
                // a file claiming longer was not recorded by the page: its claim is not billed
                .filter(s -> s <= RecordingFormats.LONGEST_RECORDING_SECONDS);
    }

    private boolean startJob(String name, RecordingKey recording, String language) {
        return speech.start(new SpeechToText.JobRequest(name, recordingsBucket, recording.key(), recording.mediaFormat(),
                language, transcriptsBucket, recording.transcriptKey()));
    }

    /** A job changed state (EventBridge), or the reconciler found it finished. */
    public Outcome jobChanged(String jobName) {
        if (!jobName.startsWith(JOB_PREFIX)) {
            return Outcome.IGNORED;
        }
        Optional<SpeechToText.JobStatus> status = speech.status(jobName);
        if (status.isEmpty()) {
            return Outcome.IGNORED;
        }
        return settle(status.get());
    }

    private Outcome settle(SpeechToText.JobStatus status) {
        Optional<RecordingKey> parsed = RecordingKey.parse(status.mediaKey() == null ? "" : status.mediaKey());
        if (parsed.isEmpty()) {
            return Outcome.IGNORED;
        }
        RecordingKey recording = parsed.get();
        return ConcurrentWrites.retry(ANSWER, THE_ANSWER, () -> {
            Optional<Answer> found = interviews.answer(recording.organisation(), recording.interviewId(),
                    recording.answerId());
            if (found.isEmpty() || found.get().transcription() == null
                    || !found.get().transcription().jobName().equals(status.jobName())) {
                return Optional.of(Outcome.IGNORED);
            }
            Answer answer = found.get();
            if (answer.transcript() != null || answer.state() == AnswerState.TRANSCRIPTION_FAILED) {
                // Done before (a redelivered event): hand it on again, scoring is idempotent.
                pipeline.answerReadyForScoring(answer.organisation(), answer.interviewId(), answer.answerId());
                return Optional.of(Outcome.COLLECTED);
            }
            return switch (status.state()) {
                case QUEUED, IN_PROGRESS -> Optional.of(Outcome.IN_PROGRESS);
                case FAILED -> failed(answer, recording, status.failureReason());
                case COMPLETED -> {
                    if (!collect(answer, recording)) {
                        yield Optional.empty();
                    }
                    pipeline.answerReadyForScoring(answer.organisation(), answer.interviewId(), answer.answerId());
                    yield Optional.of(Outcome.COLLECTED);
                }
            };
        });
    }

    private boolean collect(Answer answer, RecordingKey recording) {
        Transcript transcript = TranscribeOutput.parse(files.read(recording.transcriptKey()));
        TranscriptQualityGate.Assessment assessment = gate.assess(transcript, answer.language());
        // the file's duration, read at upload; the speech's length only when the file did not say
        double seconds = answer.audioSeconds() != null ? answer.audioSeconds()
                : TranscribeOutput.spokenSeconds(transcript);
        return interviews.replaceAnswer(answer.change(b -> {
            b.transcript = transcript;
            b.audioSeconds = seconds;
            b.state = switch (assessment.verdict()) {
                case RELIABLE -> AnswerState.AWAITING_SCORE;
                case NO_ANSWER -> AnswerState.NO_ANSWER;
                case UNRELIABLE -> AnswerState.TRANSCRIPT_UNRELIABLE;
            };
            b.failureReason = assessment.reasons().isEmpty() ? null : String.join("; ", assessment.reasons());
            return b;
        }), answer.revision());
    }

    /** Retries an internal failure (at most twice); any other failure is final. Empty on a write conflict. */
    private Optional<Outcome> failed(Answer answer, RecordingKey recording, String reason) {
        int attempts = answer.transcription().attempts();
        boolean internal = reason != null && reason.toLowerCase(Locale.ROOT).contains("internal");
        if (internal && attempts < MAX_ATTEMPTS) {
            String name = jobName(answer.answerId(), attempts + 1);
            startJob(name, recording, answer.language());
            boolean recorded = interviews.replaceAnswer(answer.change(b -> {
                b.transcription = new Answer.TranscriptionJob(name, clock.instant(), attempts + 1);
                return b;
            }), answer.revision());
            return recorded ? Optional.of(Outcome.RETRIED) : Optional.empty();
        }
        boolean recorded = interviews.replaceAnswer(answer.change(b -> {
            b.state = AnswerState.TRANSCRIPTION_FAILED;
            b.failureReason = reason == null ? "transcription failed" : reason;
            return b;
        }), answer.revision());
        if (!recorded) {
            return Optional.empty();
        }
        pipeline.answerReadyForScoring(answer.organisation(), answer.interviewId(), answer.answerId());
        return Optional.of(Outcome.FAILED);
    }

    /**
     * State-change events are best effort: finishes jobs that have run longer than expected, and restarts
     * jobs that never started. Returns how many answers it settled.
     */
    public int reconcile(Duration olderThan, int limit) {
        Instant before = clock.instant().minus(olderThan);
        int settled = 0;
        for (Answer answer : interviews.transcribingSince(before, limit)) {
            Optional<SpeechToText.JobStatus> status = speech.status(answer.transcription().jobName());
            if (status.isEmpty()) {
                if (answer.recordingKey() != null) {
                    RecordingKey.parse(answer.recordingKey()).ifPresent(recording ->
                            startJob(answer.transcription().jobName(), recording, answer.language()));
                }
                continue;
            }
            try {
                Outcome outcome = settle(status.get());
                if (outcome == Outcome.COLLECTED || outcome == Outcome.FAILED || outcome == Outcome.RETRIED) {
                    settled++;
                }
            } catch (DomainException.WriteConflict e) {
                // one busy answer does not stop the others; the next run takes it again
                Log.warn("transcription.reconcile_conflict", Map.of("answerId", answer.answerId()));
            }
        }
        return settled;
    }
}
