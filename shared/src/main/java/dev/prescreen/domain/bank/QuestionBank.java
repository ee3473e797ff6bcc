package dev.prescreen.domain.bank;

import dev.prescreen.scoring.QuestionType;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A role's question bank in one language, loaded from data (see {@code question-banks/index.json}). */
public record QuestionBank(String role, String title, String language,
                           Map<QuestionType, TypeGuidance> types, List<BankQuestion> questions) {

    public QuestionBank {
        types = types == null ? Map.of() : Map.copyOf(types);
        questions = questions == null ? List.of() : List.copyOf(questions);
    }

    public Optional<BankQuestion> question(int number) {
        return questions.stream().filter(q -> q.number() == number).findFirst();
    }
}
