package dev.prescreen.domain.session;

/** Hands work to the next stage of the pipeline. */
public interface PipelineEvents {

    /** The answer has text (typed, or transcribed) and can be scored. */
    void answerReadyForScoring(String organisation, String interviewId, String answerId);

    /** The candidate finished (or ended) the interview; it completes once every answer is final. */
    void interviewSubmitted(String organisation, String interviewId);
}
