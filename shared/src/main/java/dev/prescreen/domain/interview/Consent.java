package dev.prescreen.domain.interview;

import java.time.Instant;

/** When the candidate consented, and to which version of the notice. */
public record Consent(Instant at, String noticeVersion) {
}
