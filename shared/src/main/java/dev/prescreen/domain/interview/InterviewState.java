package dev.prescreen.domain.interview;

/** Where an interview stands, from the candidate's invitation to the recruiter's report. */
public enum InterviewState {
    /** Invited; the candidate has not consented yet. */
    INVITED,
    /** Consented; answering questions. */
    IN_PROGRESS,
    /** Every question answered (or skipped); answers are being transcribed and scored. */
    SUBMITTED,
    /** Every answer has a final state and the report is built. */
    COMPLETED,
    /** The invitation window closed before the candidate finished. */
    EXPIRED,
    /** The candidate's data was erased on request. */
    ERASED
}
