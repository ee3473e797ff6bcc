package dev.prescreen.domain.session;

/** A candidate's answer: {@code recording} (uploaded first) or {@code typed} with its text. */
public record Submission(String mode, String text) {
}
