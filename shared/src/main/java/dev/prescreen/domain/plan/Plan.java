package dev.prescreen.domain.plan;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A screening plan. Its questions, threshold, timing, language, follow-up rule and how candidates answer
 * ({@link Answering}) are frozen once the first invitation is sent (the report language and the time zone, what
 * the hiring team reads and where expiries are shown, may change at any time); {@link #version()} is a hash of exactly that content, recorded by every
 * interview so reports say which plan they were scored against.
 */
public record Plan(
        String planId,
        String organisation,
        String roleTitle,
        String bankRole,
        String language,
        String reportLanguage,
        List<PlanQuestion> questions,
        int answerSeconds,
        int slotMinutes,
        int passThreshold,
        List<String> recipients,
        FollowUps followUps,
        int invitationWindowDays,
        int retentionDays,
        Answering answering,
        String timeZone,
        PlanStatus status,
        Instant frozenAt,
        Instant createdAt,
        Instant updatedAt,
        long revision) {

    public Plan {
        questions = List.copyOf(questions);
        // plans stored before report languages existed were reported in English
        reportLanguage = reportLanguage == null ? dev.prescreen.domain.Languages.DEFAULT : reportLanguage;
        recipients = List.copyOf(recipients);
        // plans stored before these settings existed recorded audio, allowed no retakes and showed times in UTC
        answering = answering == null ? Answering.DEFAULT : answering;
        timeZone = timeZone == null ? DEFAULT_TIME_ZONE : timeZone;
    }

    /** The time zone of a plan that names none: invitation expiries are shown in it. */
    public static final String DEFAULT_TIME_ZONE = "UTC";

    public enum PlanStatus { ACTIVE, ARCHIVED }

    @JsonIgnore
    public boolean frozen() {
        return frozenAt != null;
    }

    /** The same plan in another state, one revision later. */
    public Plan with(PlanStatus newStatus, Instant newFrozenAt, Instant changedAt) {
        return new Plan(planId, organisation, roleTitle, bankRole, language, reportLanguage, questions, answerSeconds, slotMinutes,
                passThreshold, recipients, followUps, invitationWindowDays, retentionDays, answering, timeZone, newStatus,
                newFrozenAt,
                createdAt, changedAt, revision + 1);
    }

    /** Content hash of what interviews are scored against. */
    public String version() {
        String content = language + "|" + answerSeconds + "|" + slotMinutes + "|" + passThreshold + "|"
                + followUps.enabled() + "/" + followUps.maxPerInterview() + "|"
                + questions.stream().map(q -> q.position() + ":" + q.type() + ":" + q.text())
                        .collect(Collectors.joining("\n"))
                // appended only when set, so plans made before these settings keep their version
                + (answering.equals(Answering.DEFAULT) ? "" : "|" + answering.capture().wireName() + "/"
                        + answering.retakesPerQuestion() + "/" + answering.integritySignals());
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return "v-" + HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The plan as a recruiter would write it, the base a PATCH merges into. */
    public PlanInput toInput() {
        return new PlanInput(roleTitle, bankRole, language, reportLanguage,
                questions.stream().map(q -> q.bankQuestion() != null
                        ? new PlanInput.QuestionInput(q.bankQuestion(), null, null)
                        : new PlanInput.QuestionInput(null, q.text(), q.type().label())).toList(),
                answerSeconds, slotMinutes, passThreshold, recipients,
                new PlanInput.FollowUpsInput(followUps.enabled(), followUps.maxPerInterview()),
                invitationWindowDays, retentionDays, answering.capture().wireName(), answering.retakesPerQuestion(),
                answering.integritySignals(), timeZone);
    }
}
