package dev.prescreen.domain.report;

import static dev.prescreen.domain.email.Html.escape;

import dev.prescreen.domain.Languages;
import dev.prescreen.domain.Messages;
import dev.prescreen.domain.Text;
import dev.prescreen.domain.email.Mailer;
import dev.prescreen.domain.plan.Plan;
import dev.prescreen.scoring.Flag;
import dev.prescreen.scoring.QuestionType;
import dev.prescreen.scoring.rules.Rule;
import dev.prescreen.scoring.rules.RuleBook;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The report email to the plan's recipients, in the plan's report language (the {@code report.*} messages): a
 * readable HTML body with inline styles (mail clients drop style sheets) and a plain-text part. What the candidate
 * said, the questions and the names are quoted as they are, never translated; the scorer's reasons, the flags and the
 * question types, which a report stores in English, are written in the report language when they are recognised
 * (see {@link #reason}). Everything that came from a candidate or a recruiter is escaped.
 */
public final class ReportEmails {

    private static final String CELL = "padding:6px 8px;border-bottom:1px solid #e3e7ef;vertical-align:top;text-align:left";
    private static final String CANDIDATE = "candidate";
    /** The catalogue a report's stored texts are written in. */
    private static final String STORED = Languages.DEFAULT;
    /** Every rule's English reason, to its name (two rules may share a reason: then their translations agree). */
    private static final Map<String, String> RULE_BY_REASON = rulesByReason();

    private ReportEmails() {
    }

    public static Mailer.OutgoingEmail report(Report report, Plan plan, int rank, int ranked, String link) {
        Messages m = Messages.of(plan.reportLanguage());
        String name = report.candidateName() == null ? m.text("report.candidate", "id", report.candidateId())
                : report.candidateName();
        String verdict = report.overall() == null ? m.text("report.verdict.review")
                : m.text(Boolean.TRUE.equals(report.passed()) ? "report.verdict.passed" : "report.verdict.notPassed",
                        "overall", report.overall());
        // The verdict comes first and the name is one line: a name cannot pose as, or push away, the verdict.
        String subject = m.text("report.subject", "verdict", verdict, "name", Text.oneLine(name));
        Object[] review = {"count", report.needsReview().size(), "questions", report.needsReview().toString()};
        StringBuilder text = new StringBuilder();
        text.append(m.text("report.heading", "name", name, "role", report.roleTitle())).append('\n')
                .append(m.text("report.overall", "verdict", verdict, "threshold", report.passThreshold())).append('\n');
        if (report.overall() != null) {
            text.append(m.text("report.rank", "rank", rank, "ranked", ranked)).append('\n');
        }
        if (!report.needsReview().isEmpty()) {
            text.append(m.text("report.needsReview", review)).append('\n');
        }
        text.append(m.text("report.link", "link", link)).append("\n\n");
        StringBuilder rows = new StringBuilder();
        StringBuilder transcript = new StringBuilder();
        for (Report.QuestionReport q : report.questions()) {
            String score = q.score() == null ? m.text("report.score.review") : m.text("report.score", "score", q.score());
            String type = type(m, q.type());
            String flags = q.flags().stream().map(f -> flag(m, f)).collect(Collectors.joining(", "));
            String reason = reason(m, q.reason());
            String delivery = DeliveryNotes.of(m, q);
            text.append(q.position()).append(". ").append(q.question()).append(" [").append(type).append("] ")
                    .append(score).append(q.flags().isEmpty() ? "" : " " + m.text("report.flags", "flags", flags))
                    .append('\n').append("   ").append(reason).append('\n')
                    .append(delivery.isEmpty() ? "" : "   " + delivery + "\n");
            rows.append("<tr><td style=\"").append(CELL).append("\">").append(q.position()).append("</td><td style=\"")
                    .append(CELL).append("\">").append(escape(q.question())).append("<br><span style=\"color:#5b6475\">")
                    .append(escape(type)).append("</span></td><td style=\"").append(CELL).append(";font-weight:bold\">")
                    .append(escape(score)).append("</td><td style=\"").append(CELL).append("\">")
                    .append(escape(flags)).append("</td><td style=\"").append(CELL).append("\">")
                    .append(escape(reason))
                    .append(delivery.isEmpty() ? "" : "<br><span style=\"color:#5b6475\">" + escape(delivery) + "</span>")
                    .append("</td></tr>");
            transcript.append("<p style=\"margin:12px 0 4px;font-weight:bold\">").append(q.position()).append(". ")
                    .append(escape(q.question())).append("</p>");
            for (Report.TranscriptLine line : q.transcript()) {
                if (line.speaker().equals(CANDIDATE)) {
                    transcript.append("<p style=\"margin:4px 0 4px 12px\">").append(escape(line.text())).append("</p>");
                } else if (!line.text().equals(q.question())) {
                    transcript.append("<p style=\"margin:8px 0 4px;font-style:italic\">")
                            .append(m.html("report.followUp", "text", line.text())).append("</p>");
                }
            }
        }
        text.append('\n').append(m.text("report.transcript")).append('\n');
        for (Report.QuestionReport q : report.questions()) {
            for (Report.TranscriptLine line : q.transcript()) {
                text.append(line.speaker().equals(CANDIDATE)
                        ? "  " + m.text("report.transcript.candidate", "text", line.text())
                        : m.text("report.transcript.interviewer", "text", line.text())).append('\n');
            }
        }
        String html = "<!doctype html><html lang=\"" + escape(m.language()) + "\"><body style=\"margin:0;padding:16px;"
                + "background:#f5f7fb;font-family:Arial,Helvetica,sans-serif;color:#1d2433;font-size:14px\">"
                + "<table role=\"presentation\" width=\"100%\" style=\"max-width:760px;margin:0 auto;background:#ffffff;"
                + "border-radius:8px;padding:20px\"><tr><td>"
                + "<h1 style=\"font-size:20px;margin:0 0 4px\">" + escape(name) + "</h1>"
                + "<p style=\"margin:0 0 12px;color:#5b6475\">" + escape(report.roleTitle()) + " · "
                + m.html("report.planVersion", "version", report.planVersion()) + "</p>"
                + "<p style=\"font-size:18px;margin:8px 0\"><strong>" + escape(verdict) + "</strong> "
                + m.html("report.threshold", "threshold", report.passThreshold())
                + (report.overall() == null ? "" : " · " + m.html("report.rankShort", "rank", rank, "ranked", ranked))
                + "</p>"
                + (report.needsReview().isEmpty() ? "" : "<p style=\"color:#b42318\">"
                        + m.html("report.needsReview.html", review) + "</p>")
                + "<table width=\"100%\" style=\"border-collapse:collapse;margin:12px 0\"><tr>"
                + "<th style=\"" + CELL + "\">#</th><th style=\"" + CELL + "\">" + m.html("report.column.question")
                + "</th><th style=\"" + CELL + "\">" + m.html("report.column.score") + "</th><th style=\"" + CELL
                + "\">" + m.html("report.column.flags") + "</th><th style=\"" + CELL + "\">"
                + m.html("report.column.why") + "</th></tr>"
                + rows + "</table>"
                + "<p><a href=\"" + escape(link) + "\" style=\"color:#2456c7\">" + m.html("report.open") + "</a></p>"
                + "<h2 style=\"font-size:16px;margin:20px 0 4px\">" + m.html("report.transcript") + "</h2>" + transcript
                + "</td></tr></table></body></html>";
        return new Mailer.OutgoingEmail(plan.recipients(), subject, html, text.toString());
    }

    /**
     * A stored reason in the report language. A report stores the scorer's reason in English, the rule's wording
     * (after a cap, the cap's reason and then the deciding rule's), or the English text of the report's own reasons;
     * each is recognised by that wording and written from the report language's catalogue. A reason not recognised
     * (the wording of another scorer version, or a transcription system's diagnostic) is quoted as it is.
     */
    public static String reason(Messages m, String reason) {
        if (reason == null) {
            return "";
        }
        Messages stored = Messages.of(STORED);
        String rule = RULE_BY_REASON.get(reason);
        if (rule != null) {
            return m.text("rule." + rule);
        }
        for (Map.Entry<String, String> first : RULE_BY_REASON.entrySet()) {
            if (reason.startsWith(first.getKey() + " ")) {
                String second = RULE_BY_REASON.get(reason.substring(first.getKey().length() + 1));
                if (second != null) {
                    return m.text("rule." + first.getValue()) + " " + m.text("rule." + second);
                }
            }
        }
        if (reason.equals(stored.text("report.reason.noAnswer"))) {
            return m.text("report.reason.noAnswer");
        }
        Optional<Map<String, String>> review = stored.match("report.reason.needsReview", reason);
        if (review.isPresent()) {
            return m.text("report.reason.needsReview", "detail", detail(m, stored, review.get().get("detail")));
        }
        return reason;
    }

    /** Why an answer needs review: the known ones in the report language, a diagnostic as it is. */
    private static String detail(Messages m, Messages stored, String detail) {
        for (String key : List.of("report.detail.transcriptionFailed", "report.detail.transcriptUnreliable")) {
            String wireName = key.equals("report.detail.transcriptionFailed") ? "transcription_failed"
                    : "transcript_unreliable";
            if (detail.equals(stored.text(key)) || detail.equals(wireName)) {
                return m.text(key);
            }
        }
        return detail;
    }

    /** A question type's label ({@link QuestionType#label()}) in the report language. */
    private static String type(Messages m, String label) {
        QuestionType type;
        try {
            type = QuestionType.fromLabel(label);
        } catch (IllegalArgumentException unknown) {
            return label;
        }
        return m.text("type." + type.name().toLowerCase(Locale.ROOT));
    }

    /** A flag's wire name in the report language. */
    private static String flag(Messages m, String wireName) {
        Flag flag;
        try {
            flag = Flag.fromWireName(wireName);
        } catch (IllegalArgumentException unknown) {
            return wireName;
        }
        return m.text("flag." + flag.wireName());
    }

    private static Map<String, String> rulesByReason() {
        Map<String, String> byReason = new HashMap<>();
        for (QuestionType type : QuestionType.values()) {
            for (Rule rule : RuleBook.rules(type)) {
                byReason.putIfAbsent(rule.reason(), rule.name());
            }
        }
        return Map.copyOf(byReason);
    }
}
