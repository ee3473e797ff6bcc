package dev.prescreen.scoring;

import dev.prescreen.domain.QuestionType;
import dev.prescreen.domain.Transcript;
import java.util.List;
import java.util.Objects;

/**
 * Everything a scorer may see about one answer. Deliberately carries no candidate identity (name, email, ...).
 *
 * @param followUp         the answer to the adaptive follow-up, scored together with the original; may be null
 * @param followUpQuestion the follow-up question asked; may be null
 */
public record ScoringInput(String questionText, QuestionType type, List<String> concepts, String language,
                           Transcript transcript, Transcript followUp, String followUpQuestion) {

    public ScoringInput {
        Objects.requireNonNull(type, "type");
        questionText = questionText == null ? "" : questionText;
        concepts = concepts == null ? List.of() : List.copyOf(concepts);
        language = language == null || language.isBlank() ? "en-US" : language;
        transcript = transcript == null ? Transcript.typed("") : transcript;
    }

    /** An answer without follow-up. */
    public static ScoringInput of(String questionText, QuestionType type, List<String> concepts, String answer) {
        return new ScoringInput(questionText, type, concepts, "en-US", Transcript.typed(answer), null, null);
    }
}
