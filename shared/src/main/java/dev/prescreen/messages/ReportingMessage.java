package dev.prescreen.messages;

/** A message on the reporting queue: this interview is complete and its report is due. */
public record ReportingMessage(String organisation, String interviewId) {
}
