package dev.prescreen.domain.transcription;

import java.util.Optional;

/** A batch speech-to-text service: Amazon Transcribe, or its local stand-in. */
public interface SpeechToText {

    /** Starts a job; false when a job with that name exists already, which counts as started. */
    boolean start(JobRequest request);

    /** The job's state, or empty when no job has that name. */
    Optional<JobStatus> status(String jobName);

    record JobRequest(String jobName, String mediaBucket, String mediaKey, String mediaFormat, String languageCode,
            String outputBucket, String outputKey) {
    }

    enum State { QUEUED, IN_PROGRESS, COMPLETED, FAILED }

    /** @param mediaKey the recording's key, which names organisation, plan, interview and answer */
    record JobStatus(String jobName, State state, String mediaKey, String failureReason) {
    }
}
