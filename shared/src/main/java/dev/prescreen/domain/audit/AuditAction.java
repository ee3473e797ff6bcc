package dev.prescreen.domain.audit;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The human actions on a candidate's data that the audit trail records (EU AI Act logging, Colorado, LL144). */
public enum AuditAction {
    /** A recruiter read one candidate's report. */
    REPORT_READ,
    /** A recruiter changed a score (the report keeps the reason; the entry names the question). */
    REPORT_OVERRIDDEN,
    /** A recruiter listed a plan's ranked candidates. */
    RANKING_READ,
    /** A recruiter downloaded a plan's ranking as CSV. */
    RANKING_EXPORTED,
    /** A recruiter read the explanation of a candidate's assessment. */
    EXPLANATION_READ,
    /** A recruiter downloaded everything held about one candidate (subject access). */
    CANDIDATE_EXPORTED,
    /** A recruiter erased a candidate. */
    CANDIDATE_ERASED,
    /** A recruiter resolved a candidate's request for an alternative process or an accommodation. */
    ALTERNATIVE_RESOLVED,
    /** A recruiter granted a candidate extra answer time. */
    ACCOMMODATION_GRANTED,
    /** A recruiter read impact ratios (aggregates only; no candidate). */
    IMPACT_RATIOS_READ,
    /** A recruiter read candidates' alternative-process requests (their words, perhaps about their health). */
    ALTERNATIVE_REQUESTS_READ,
    /** A recruiter changed the organisation's settings (notice lead, the self-identification form). */
    SETTINGS_CHANGED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<AuditAction> fromWire(String value) {
        return Arrays.stream(values()).filter(a -> a.wireName().equals(value)).findFirst();
    }
}
