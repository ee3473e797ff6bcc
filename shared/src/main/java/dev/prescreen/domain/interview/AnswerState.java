package dev.prescreen.domain.interview;

/** An answer's progress through the pipeline; the last four are final. */
public enum AnswerState {
    /** Served to the candidate, not yet submitted. */
    OPEN,
    /** A recording was submitted and is being transcribed. */
    TRANSCRIBING,
    /** Text is available (typed, or transcribed) and waits for scoring. */
    AWAITING_SCORE,
    SCORED(true),
    /** Nothing was said or typed, or the question was skipped. */
    NO_ANSWER(true),
    /** The transcript cannot be trusted; a human must review the recording. */
    TRANSCRIPT_UNRELIABLE(true),
    /** Transcription failed; a human must review the recording. */
    TRANSCRIPTION_FAILED(true);

    private final boolean terminal;

    AnswerState() {
        this(false);
    }

    AnswerState(boolean terminal) {
        this.terminal = terminal;
    }

    public boolean terminal() {
        return terminal;
    }

    /** Final states that a recruiter must look at instead of an automatic score. */
    public boolean needsHumanReview() {
        return this == TRANSCRIPT_UNRELIABLE || this == TRANSCRIPTION_FAILED;
    }

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
