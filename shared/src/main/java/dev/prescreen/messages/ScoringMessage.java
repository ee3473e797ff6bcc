package dev.prescreen.messages;

/**
 * A message on the scoring queue: an answer is ready to be scored, or an interview was submitted and
 * may be complete. Ids only; the consumer reads the rest.
 */
public record ScoringMessage(Type type, String organisation, String interviewId, String answerId) {

    public enum Type { ANSWER_READY, INTERVIEW_SUBMITTED }

    public static ScoringMessage answerReady(String organisation, String interviewId, String answerId) {
        return new ScoringMessage(Type.ANSWER_READY, organisation, interviewId, answerId);
    }

    public static ScoringMessage interviewSubmitted(String organisation, String interviewId) {
        return new ScoringMessage(Type.INTERVIEW_SUBMITTED, organisation, interviewId, null);
    }
}
