package dev.prescreen.domain.plan;

import dev.prescreen.scoring.QuestionType;
import java.util.List;

/**
 * A question as the plan asks it: its position, the bank number it came from (null for a recruiter's
 * own), text, type and the concepts a relevant answer touches. Copied into the plan so that later edits
 * of a bank never change a plan that candidates have answered.
 */
public record PlanQuestion(int position, Integer bankQuestion, String text, QuestionType type, List<String> concepts) {

    public PlanQuestion {
        concepts = concepts == null ? List.of() : List.copyOf(concepts);
    }
}
