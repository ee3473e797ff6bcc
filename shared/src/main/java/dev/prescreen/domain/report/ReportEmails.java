package dev.prescreen.domain.report;

import static dev.prescreen.domain.email.Html.escape;

import dev.prescreen.domain.email.Mailer;
import java.util.List;

/**
 * The report email to the plan's recipients: a readable HTML body with inline styles (mail clients drop
 * style sheets) and a plain-text part. Everything that came from a candidate is escaped.
 */
public final class ReportEmails {

    private static final String CELL = "padding:6px 8px;border-bottom:1px solid #e3e7ef;vertical-align:top;text-align:left";

    private ReportEmails() {
    }

    public static Mailer.OutgoingEmail report(Report report, List<String> recipients, int rank, int ranked, String link) {
        String name = report.candidateName() == null ? "Candidate " + report.candidateId() : report.candidateName();
        String verdict = report.overall() == null ? "awaiting human review"
                : report.overall() + "/100, " + (Boolean.TRUE.equals(report.passed()) ? "passed" : "not passed");
        // The verdict comes first and the name is one line: a name cannot pose as, or push away, the verdict.
        String subject = "Screening report, " + verdict + ": " + dev.prescreen.domain.Text.oneLine(name);
        StringBuilder text = new StringBuilder();
        text.append("Screening report for ").append(name).append(", ").append(report.roleTitle()).append('\n')
                .append("Overall: ").append(verdict).append(" (threshold ").append(report.passThreshold()).append(")\n");
        if (report.overall() != null) {
            text.append("Rank: ").append(rank).append(" of ").append(ranked).append(" completed\n");
        }
        if (!report.needsReview().isEmpty()) {
            text.append("Needs human review (not in the overall score): questions ").append(report.needsReview()).append('\n');
        }
        text.append("Report: ").append(link).append("\n\n");
        StringBuilder rows = new StringBuilder();
        StringBuilder transcript = new StringBuilder();
        for (Report.QuestionReport q : report.questions()) {
            String score = q.score() == null ? "review" : q.score() + "/5";
            text.append(q.position()).append(". ").append(q.question()).append(" [").append(q.type()).append("] ")
                    .append(score).append(q.flags().isEmpty() ? "" : " flags: " + String.join(", ", q.flags()))
                    .append('\n').append("   ").append(q.reason()).append('\n');
            rows.append("<tr><td style=\"").append(CELL).append("\">").append(q.position()).append("</td><td style=\"")
                    .append(CELL).append("\">").append(escape(q.question())).append("<br><span style=\"color:#5b6475\">")
                    .append(escape(q.type())).append("</span></td><td style=\"").append(CELL).append(";font-weight:bold\">")
                    .append(escape(score)).append("</td><td style=\"").append(CELL).append("\">")
                    .append(escape(String.join(", ", q.flags()))).append("</td><td style=\"").append(CELL).append("\">")
                    .append(escape(q.reason())).append("</td></tr>");
            transcript.append("<p style=\"margin:12px 0 4px;font-weight:bold\">").append(q.position()).append(". ")
                    .append(escape(q.question())).append("</p>");
            for (Report.TranscriptLine line : q.transcript()) {
                if (line.speaker().equals("candidate")) {
                    transcript.append("<p style=\"margin:4px 0 4px 12px\">").append(escape(line.text())).append("</p>");
                } else if (!line.text().equals(q.question())) {
                    transcript.append("<p style=\"margin:8px 0 4px;font-style:italic\">Follow-up: ")
                            .append(escape(line.text())).append("</p>");
                }
            }
        }
        text.append("\nFull transcript\n");
        for (Report.QuestionReport q : report.questions()) {
            for (Report.TranscriptLine line : q.transcript()) {
                text.append(line.speaker().equals("candidate") ? "  Candidate: " : "Interviewer: ").append(line.text()).append('\n');
            }
        }
        String html = "<!doctype html><html><body style=\"margin:0;padding:16px;background:#f5f7fb;"
                + "font-family:Arial,Helvetica,sans-serif;color:#1d2433;font-size:14px\">"
                + "<table role=\"presentation\" width=\"100%\" style=\"max-width:760px;margin:0 auto;background:#ffffff;"
                + "border-radius:8px;padding:20px\"><tr><td>"
                + "<h1 style=\"font-size:20px;margin:0 0 4px\">" + escape(name) + "</h1>"
                + "<p style=\"margin:0 0 12px;color:#5b6475\">" + escape(report.roleTitle()) + " · plan version "
                + escape(report.planVersion()) + "</p>"
                + "<p style=\"font-size:18px;margin:8px 0\"><strong>" + escape(verdict) + "</strong> (threshold "
                + report.passThreshold() + ")" + (report.overall() == null ? "" : " · rank " + rank + " of " + ranked) + "</p>"
                + (report.needsReview().isEmpty() ? "" : "<p style=\"color:#b42318\">Needs human review (left out of the "
                        + "overall score): questions " + escape(report.needsReview().toString()) + "</p>")
                + "<table width=\"100%\" style=\"border-collapse:collapse;margin:12px 0\"><tr>"
                + "<th style=\"" + CELL + "\">#</th><th style=\"" + CELL + "\">Question</th><th style=\"" + CELL
                + "\">Score</th><th style=\"" + CELL + "\">Flags</th><th style=\"" + CELL + "\">Why</th></tr>"
                + rows + "</table>"
                + "<p><a href=\"" + escape(link) + "\" style=\"color:#2456c7\">Open the full report</a></p>"
                + "<h2 style=\"font-size:16px;margin:20px 0 4px\">Full transcript</h2>" + transcript
                + "</td></tr></table></body></html>";
        return new Mailer.OutgoingEmail(recipients, subject, html, text.toString());
    }
}
