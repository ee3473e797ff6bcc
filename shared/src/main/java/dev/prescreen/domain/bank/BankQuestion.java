package dev.prescreen.domain.bank;

import dev.prescreen.scoring.QuestionType;
import java.util.List;

/** One question of a role's bank: its number in the bank, text, type and the concepts a relevant answer touches. */
public record BankQuestion(int number, String text, QuestionType type, List<String> concepts) {

    public BankQuestion {
        concepts = concepts == null ? List.of() : List.copyOf(concepts);
    }
}
