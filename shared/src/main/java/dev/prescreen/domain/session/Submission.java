package dev.prescreen.domain.session;

import dev.prescreen.domain.DomainException;
import dev.prescreen.domain.interview.Answer;

/** A candidate's answer: {@code recording} (uploaded first) or {@code typed} with its text. */
public record Submission(String mode, String text) {

    public static final int MAX_TYPED_CHARACTERS = 5000;

    /** Refuses a submission that is neither a recording nor a typed text within the limit, naming the field. */
    static void check(Submission submission) {
        String mode = submission == null || submission.mode() == null ? "" : submission.mode();
        if (!mode.equals(Answer.TYPED) && !mode.equals(Answer.RECORDING)) {
            throw new DomainException.InvalidInput("mode", "must be \"recording\" or \"typed\"");
        }
        String text = submission.text();
        if (mode.equals(Answer.TYPED)) {
            if (text == null) {
                throw new DomainException.InvalidInput("text", "is required for a typed answer");
            }
            if (text.length() > MAX_TYPED_CHARACTERS) {
                throw new DomainException.InvalidInput("text", "is longer than " + MAX_TYPED_CHARACTERS + " characters");
            }
        } else if (text != null) {
            throw new DomainException.InvalidInput("text", "goes only with a typed answer");
        }
    }
}
