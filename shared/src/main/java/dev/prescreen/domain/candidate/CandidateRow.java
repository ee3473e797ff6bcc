package dev.prescreen.domain.candidate;

/** One uploaded row: {@code row} is its 1-based position among the data rows (JSON array or CSV). */
public record CandidateRow(int row, String name, String email, String phone, String externalId) {
}
