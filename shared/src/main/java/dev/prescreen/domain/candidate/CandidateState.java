package dev.prescreen.domain.candidate;

/** Where a candidate's invitation stands. */
public enum CandidateState {
    /** Waiting for the batch's send time. */
    SCHEDULED,
    /** The send intent is recorded; the email is going out (or went out just before a crash). */
    SENDING,
    SENT,
    /** The email could not be sent. */
    FAILED,
    /** The batch was cancelled before its send time. */
    CANCELLED,
    /** The address bounced or complained. */
    UNDELIVERABLE,
    /** Personal data erased on request. */
    ERASED;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
