package dev.prescreen.domain.interview;

/** The planned question's answer, or the answer to its adaptive follow-up. */
public enum AnswerKind {
    MAIN("m"),
    FOLLOW_UP("f");

    private final String suffix;

    AnswerKind(String suffix) {
        this.suffix = suffix;
    }

    /** The answer id of this kind for a question: {@code <interviewId>-q03m}. */
    public String answerId(String interviewId, int position) {
        return interviewId + "-q" + String.format("%02d", position) + suffix;
    }
}
