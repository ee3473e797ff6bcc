package dev.prescreen.scoring;

/**
 * Scores one answer (with its optional follow-up) against the rubric of its question type. Implementations: the
 * deterministic {@link RubricScorer}; an LLM-backed scorer can sit beside it behind the same interface.
 */
public interface AnswerScorer {

    ScoreCard score(ScoringInput input);

    /** Identifies the scorer and its rules/models, stored with every score card. */
    String version();
}
