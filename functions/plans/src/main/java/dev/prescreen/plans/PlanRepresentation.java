package dev.prescreen.plans;

import dev.prescreen.domain.plan.FollowUps;
import dev.prescreen.domain.plan.Plan;
import java.time.Instant;
import java.util.List;

/** A plan as the API shows it. */
record PlanRepresentation(
        String planId,
        String roleTitle,
        String bankRole,
        String language,
        String reportLanguage,
        List<Question> questions,
        int answerSeconds,
        int slotMinutes,
        int passThreshold,
        List<String> recipients,
        FollowUps followUps,
        int invitationWindowDays,
        int retentionDays,
        String capture,
        int retakesPerQuestion,
        boolean integritySignals,
        String timeZone,
        String status,
        boolean frozen,
        Instant frozenAt,
        String version,
        Instant createdAt,
        Instant updatedAt) {

    record Question(int position, Integer bankQuestion, String text, String type) {
    }

    static PlanRepresentation of(Plan plan) {
        return new PlanRepresentation(plan.planId(), plan.roleTitle(), plan.bankRole(), plan.language(), plan.reportLanguage(),
                plan.questions().stream()
                        .map(q -> new Question(q.position(), q.bankQuestion(), q.text(), q.type().label()))
                        .toList(),
                plan.answerSeconds(), plan.slotMinutes(), plan.passThreshold(), plan.recipients(), plan.followUps(),
                plan.invitationWindowDays(), plan.retentionDays(), plan.answering().capture().wireName(),
                plan.answering().retakesPerQuestion(), plan.answering().integritySignals(), plan.timeZone(), plan.status().name().toLowerCase(java.util.Locale.ROOT),
                plan.frozen(), plan.frozenAt(), plan.version(), plan.createdAt(), plan.updatedAt());
    }
}
