package dev.prescreen.domain.bank;

/** The interviewer tip for one question type: what to look for and the red flag. */
public record TypeGuidance(String lookFor, String redFlag) {
}
