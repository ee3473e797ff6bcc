package dev.prescreen.domain.candidate;

/** A row that was not accepted: its number, the field at fault and why. */
public record RowRejection(int row, String field, String reason) {
}
