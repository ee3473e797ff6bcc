package dev.prescreen.scoring;

import java.util.List;
import java.util.Objects;

/**
 * Everything a scorer may see about one answer: the question, its type, the bank's concepts (none for a recruiter's
 * own question), the language, and what the candidate said. Deliberately carries no candidate identity.
 *
 * @param followUpAnswer   the answer to the adaptive follow-up, scored together with the original; may be null
 * @param followUpQuestion the follow-up question asked; may be null
 */
public record ScoringInput(String questionText, QuestionType type, List<String> concepts, String language,
                           String answer, String followUpAnswer, String followUpQuestion) {

    public static final String DEFAULT_LANGUAGE = "en-US";

    public ScoringInput {
        Objects.requireNonNull(type, "type");
        questionText = questionText == null ? "" : questionText;
        concepts = concepts == null ? List.of() : List.copyOf(concepts);
        language = language == null || language.isBlank() ? DEFAULT_LANGUAGE : language;
        answer = answer == null ? "" : answer;
    }

    /** An answer without follow-up. */
    public static ScoringInput of(String questionText, QuestionType type, List<String> concepts, String answer) {
        return new ScoringInput(questionText, type, concepts, DEFAULT_LANGUAGE, answer, null, null);
    }

    /** The text the evidence offsets refer to: the answer, then (if any) a blank line and the follow-up answer. */
    public String combinedText() {
        return followUpAnswer == null || followUpAnswer.isBlank() ? answer : answer + "\n\n" + followUpAnswer;
    }
}
