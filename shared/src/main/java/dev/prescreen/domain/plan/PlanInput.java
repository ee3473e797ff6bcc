package dev.prescreen.domain.plan;

import java.util.List;

/**
 * A plan as a recruiter writes it (the body of {@code POST /plans}, and what a {@code PATCH} merges
 * into). Every field may be missing here; {@link PlanRules} reports what is missing or wrong.
 */
public record PlanInput(
        String roleTitle,
        String bankRole,
        String language,
        String reportLanguage,
        List<QuestionInput> questions,
        Integer answerSeconds,
        Integer slotMinutes,
        Integer passThreshold,
        List<String> recipients,
        FollowUpsInput followUps,
        Integer invitationWindowDays,
        Integer retentionDays,
        String capture,
        Integer retakesPerQuestion,
        Boolean integritySignals,
        String timeZone) {

    /** A question from the bank by number, or a recruiter's own with its text and type. */
    public record QuestionInput(Integer bankQuestion, String text, String type) {
    }

    public record FollowUpsInput(Boolean enabled, Integer maxPerInterview) {
    }
}
