package dev.prescreen.domain.session;

import java.time.Instant;

/** What the candidate's page shows before and between questions. */
public record SessionView(
        String roleTitle,
        String language,
        int questionCount,
        int answerSeconds,
        int slotMinutes,
        ConsentNotice notice,
        boolean consented,
        String state,
        int answered,
        Instant expiresAt) {
}
