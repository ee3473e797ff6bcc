package dev.prescreen.scoring;

/**
 * A span of the scored text that supports the score: {@code quote == text.substring(start, end)}. The text is the
 * original transcript text; when a follow-up is scored with it, the follow-up text follows after a blank line
 * ({@link ScoringInput#combinedText()}).
 *
 * @param kind situation, own_action, team_action, measurable_result, result, named_employer, named_project,
 *             technology, duration, role, trade_off, step, tool, limit, hypothetical, injection, keyword_list
 */
public record Evidence(String kind, int start, int end, String quote) {
}
