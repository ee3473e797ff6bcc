package dev.prescreen.domain.candidate;

import static dev.prescreen.domain.email.Html.escape;

import dev.prescreen.domain.email.Mailer;
import dev.prescreen.domain.plan.Plan;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** The invitation and the reminder a candidate receives; everything a candidate wrote is escaped. */
public final class InvitationEmails {

    private static final DateTimeFormatter DEADLINE =
            DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private InvitationEmails() {
    }

    public static Mailer.OutgoingEmail invitation(Plan plan, Candidate candidate, String link, Instant deadline) {
        return email(plan, candidate, link, deadline, "Your screening interview for " + dev.prescreen.domain.Text.oneLine(plan.roleTitle()),
                "You are invited to a short screening interview for the role of " + plan.roleTitle() + ".");
    }

    public static Mailer.OutgoingEmail reminder(Plan plan, Candidate candidate, String link, Instant deadline) {
        return email(plan, candidate, link, deadline, "Reminder: your screening interview for "
                + dev.prescreen.domain.Text.oneLine(plan.roleTitle()),
                "A reminder: your screening interview for the role of " + plan.roleTitle()
                        + " is still open, and the link expires soon.");
    }

    private static Mailer.OutgoingEmail email(Plan plan, Candidate candidate, String link, Instant deadline,
            String subject, String opening) {
        String when = DEADLINE.format(deadline);
        String contact = plan.recipients().get(0);
        String facts = plan.questions().size() + " questions, about " + plan.slotMinutes() + " minutes";
        String text = "Hello " + candidate.name() + ",\n\n"
                + opening + "\n\n"
                + "It takes " + facts + ". You answer by voice in your browser (or type), at any time before "
                + when + ". The interview is automated: your answers are recorded, transcribed and scored by "
                + "software against the same rubric for every candidate.\n\n"
                + "Start here: " + link + "\n\n"
                + "This link is personal; please do not share it. Questions, or would you rather talk to a person? "
                + "Write to " + contact + ".\n";
        String html = "<!doctype html><html><body style=\"margin:0;padding:24px;background:#f5f7fb;"
                + "font-family:Arial,Helvetica,sans-serif;color:#1d2433\">"
                + "<table role=\"presentation\" width=\"100%\" style=\"max-width:560px;margin:0 auto;background:#ffffff;"
                + "border-radius:8px;padding:24px\"><tr><td>"
                + "<p style=\"font-size:16px\">Hello " + escape(candidate.name()) + ",</p>"
                + "<p style=\"font-size:16px\">" + escape(opening) + "</p>"
                + "<p style=\"font-size:16px\">It takes " + escape(facts) + ". You answer by voice in your browser "
                + "(or type), at any time before <strong>" + escape(when) + "</strong>. The interview is automated: "
                + "your answers are recorded, transcribed and scored by software against the same rubric for every "
                + "candidate.</p>"
                + "<p style=\"margin:28px 0\"><a href=\"" + escape(link) + "\" style=\"background:#2456c7;color:#ffffff;"
                + "padding:12px 20px;border-radius:6px;text-decoration:none;font-size:16px\">Start the interview</a></p>"
                + "<p style=\"font-size:13px;color:#5b6475\">This link is personal; please do not share it. "
                + "Questions, or would you rather talk to a person? Write to <a href=\"mailto:" + escape(contact) + "\">"
                + escape(contact) + "</a>.</p>"
                + "</td></tr></table></body></html>";
        return new Mailer.OutgoingEmail(List.of(candidate.email()), subject, html, text);
    }
}
