package dev.prescreen.transcription;

import dev.prescreen.domain.transcription.SpeechToText;
import java.util.Optional;
import software.amazon.awssdk.services.transcribe.TranscribeClient;
import software.amazon.awssdk.services.transcribe.model.BadRequestException;
import software.amazon.awssdk.services.transcribe.model.ConflictException;
import software.amazon.awssdk.services.transcribe.model.TranscriptionJob;

/** Amazon Transcribe batch jobs. */
public final class TranscribeSpeechToText implements SpeechToText {

    private final TranscribeClient transcribe;

    public TranscribeSpeechToText(TranscribeClient transcribe) {
        this.transcribe = transcribe;
    }

    @Override
    public boolean start(JobRequest request) {
        try {
            // The plan's language is given; identification is unreliable on answers this short.
            transcribe.startTranscriptionJob(r -> r.transcriptionJobName(request.jobName())
                    .languageCode(request.languageCode())
                    .mediaFormat(request.mediaFormat())
                    .media(m -> m.mediaFileUri("s3://" + request.mediaBucket() + "/" + request.mediaKey()))
                    .outputBucketName(request.outputBucket())
                    .outputKey(request.outputKey()));
            return true;
        } catch (ConflictException exists) {
            return false;
        }
    }

    @Override
    public Optional<JobStatus> status(String jobName) {
        TranscriptionJob job;
        try {
            job = transcribe.getTranscriptionJob(r -> r.transcriptionJobName(jobName)).transcriptionJob();
        } catch (BadRequestException missing) {
            // Transcribe answers an unknown job name with BadRequestException.
            return Optional.empty();
        }
        String uri = job.media() == null ? null : job.media().mediaFileUri();
        String key = uri == null ? null : uri.replaceFirst("^s3://[^/]+/", "");
        State state = switch (job.transcriptionJobStatus()) {
            case COMPLETED -> State.COMPLETED;
            case FAILED -> State.FAILED;
            case QUEUED -> State.QUEUED;
            default -> State.IN_PROGRESS;
        };
        return Optional.of(new JobStatus(job.transcriptionJobName(), state, key, job.failureReason()));
    }
}
