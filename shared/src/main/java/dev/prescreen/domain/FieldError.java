package dev.prescreen.domain;

/** One thing wrong with an input: where (a JSON-pointer-like field path, or a row) and why. */
public record FieldError(String field, String reason) {
}
