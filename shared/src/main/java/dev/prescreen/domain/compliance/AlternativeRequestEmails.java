package dev.prescreen.domain.compliance;

import static dev.prescreen.domain.email.Html.escape;

import dev.prescreen.domain.Messages;
import dev.prescreen.domain.Text;
import dev.prescreen.domain.email.Mailer;
import dev.prescreen.domain.plan.Plan;
import java.time.ZoneId;
import java.util.List;

/**
 * The email telling the hiring team that a candidate asked for an alternative or an accommodation, in the plan's
 * report language. It names the candidate by id only; their words are quoted and escaped.
 */
public final class AlternativeRequestEmails {

    private AlternativeRequestEmails() {
    }

    public static Mailer.OutgoingEmail toHiringTeam(Plan plan, AlternativeRequest request) {
        Messages m = Messages.of(plan.reportLanguage());
        String date = m.dateTime("email.date").withZone(ZoneId.of(plan.timeZone())).format(request.requestedAt());
        String subject = m.text("alternative.subject", "role", Text.oneLine(plan.roleTitle()));
        String text = m.text("alternative.opening", "id", request.candidateId(), "role", plan.roleTitle(), "date", date)
                + "\n\n> " + String.join("\n> ", request.text().split("\n", -1)) + "\n\n"
                + m.text("alternative.expiry", "request", request.requestId()) + "\n";
        String html = "<!doctype html><html lang=\"" + escape(m.language()) + "\"><body style=\"font-family:Arial,"
                + "Helvetica,sans-serif;color:#1d2433\"><p>" + m.html("alternative.opening", "id",
                        request.candidateId(), "role", plan.roleTitle(), "date", date) + "</p>"
                + "<blockquote style=\"border-left:3px solid #c5cbd8;margin:0;padding:4px 12px;white-space:pre-wrap\">"
                + escape(request.text()) + "</blockquote><p>" + m.html("alternative.expiry", "request",
                        request.requestId()) + "</p></body></html>";
        return new Mailer.OutgoingEmail(List.copyOf(plan.recipients()), subject, html, text);
    }
}
