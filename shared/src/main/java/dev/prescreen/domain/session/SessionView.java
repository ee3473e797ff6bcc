package dev.prescreen.domain.session;

import java.time.Instant;

/**
 * What the candidate's page shows before and between questions.
 *
 * @param timeZone           the plan's time zone: the page shows the expiry in it as well as in the candidate's own
 * @param capture            what the page records of a spoken answer: audio, or video (camera and microphone)
 * @param retakesPerQuestion how many times an answer may be re-recorded before it is sent
 * @param integritySignals   whether the page reports pasting and leaving the page (named in the notice)
 * @param recordingLimits    the largest recording the page may upload, by what it captures ({@code audio}, and
 *                           {@code video} for a plan that records video), in bytes
 * @param extraAnswerSeconds    extra time per answer granted as an accommodation (already in {@code answerSeconds})
 * @param alternativeRequest    the candidate's latest request for an alternative or an accommodation, or null
 * @param explanationAvailable  the interview is scored: its explanation can be read from the link
 * @param selfIdentificationOffered the organisation offers the voluntary self-identification form after the interview
 */
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
        Instant expiresAt,
        String timeZone,
        String capture,
        int retakesPerQuestion,
        boolean integritySignals,
        java.util.Map<String, Long> recordingLimits,
        int extraAnswerSeconds,
        AlternativeRequestState alternativeRequest,
        boolean explanationAvailable,
        boolean selfIdentificationOffered) {

    /** Where the candidate's request stands, as their page shows it. */
    public record AlternativeRequestState(String requestId, String state, Instant requestedAt, Instant resolvedAt) {

        public static AlternativeRequestState of(dev.prescreen.domain.interview.Accommodation accommodation) {
            return accommodation.requestId() == null ? null : new AlternativeRequestState(accommodation.requestId(),
                    accommodation.requestOpen() ? "open" : "resolved", accommodation.requestedAt(),
                    accommodation.resolvedAt());
        }
    }
}
