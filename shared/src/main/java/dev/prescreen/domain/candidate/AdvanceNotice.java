package dev.prescreen.domain.candidate;

import java.time.Instant;

/**
 * The notice a candidate is given ahead of an automated interview, when their organisation requires it
 * ({@code noticeLeadBusinessDays}; NYC Local Law 144 asks for ten business days): sent at once when the batch is
 * created, at most once (the intent is recorded before the email goes out).
 */
public record AdvanceNotice(int businessDays, Instant intentAt, Instant sentAt) {

    public static AdvanceNotice due(int businessDays) {
        return new AdvanceNotice(businessDays, null, null);
    }

    public AdvanceNotice intended(Instant at) {
        return new AdvanceNotice(businessDays, at, null);
    }

    public AdvanceNotice sent(Instant at) {
        return new AdvanceNotice(businessDays, intentAt, at);
    }
}
