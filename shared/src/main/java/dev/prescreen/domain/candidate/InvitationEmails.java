package dev.prescreen.domain.candidate;

import static dev.prescreen.domain.email.Html.escape;

import dev.prescreen.domain.Messages;
import dev.prescreen.domain.Text;
import dev.prescreen.domain.email.Mailer;
import dev.prescreen.domain.plan.Plan;
import java.time.Instant;
import java.util.List;

/**
 * The invitation and the reminder a candidate receives, in the plan's interview language (the {@code invitation.*},
 * {@code reminder.*} and {@code email.*} messages); the deadline is written the language's way, in the plan's time zone (named). Everything a
 * candidate or a recruiter wrote is escaped in the HTML part.
 */
public final class InvitationEmails {

    private InvitationEmails() {
    }

    public static Mailer.OutgoingEmail invitation(Plan plan, Candidate candidate, String link, Instant deadline) {
        return email(plan, candidate, link, deadline, "invitation");
    }

    public static Mailer.OutgoingEmail reminder(Plan plan, Candidate candidate, String link, Instant deadline) {
        return email(plan, candidate, link, deadline, "reminder");
    }

    /**
     * The advance notice (NYC Local Law 144): the interview will come on or after {@code invitedFrom}, it is assessed
     * by an automated tool and what it assesses, how to ask for an alternative or an accommodation, how long
     * recordings are kept.
     */
    public static Mailer.OutgoingEmail advanceNotice(Plan plan, Candidate candidate, Instant invitedFrom) {
        Messages m = Messages.of(plan.language());
        String contact = plan.recipients().get(0);
        String types = plan.questions().stream().map(q -> m.text("type." + q.type().name()
                .toLowerCase(java.util.Locale.ROOT))).distinct()
                .collect(java.util.stream.Collectors.joining(", "));
        List<String> paragraphs = List.of(
                m.text("email.greeting", "name", candidate.name()),
                m.text("advance.opening", "role", plan.roleTitle(), "date", date(m, plan, invitedFrom)),
                m.text("advance.tool", "types", types),
                m.text("advance.alternative", "contact", contact),
                m.text("advance.retention", "days", plan.retentionDays()));
        String html = "<!doctype html><html lang=\"" + escape(m.language()) + "\"><body style=\"font-family:Arial,"
                + "Helvetica,sans-serif;color:#1d2433;max-width:560px\">"
                + paragraphs.stream().map(p -> "<p style=\"font-size:16px\">" + escape(p) + "</p>")
                        .collect(java.util.stream.Collectors.joining())
                + "</body></html>";
        return new Mailer.OutgoingEmail(List.of(candidate.email()), m.text("advance.subject", "role",
                Text.oneLine(plan.roleTitle())), html, String.join("\n\n", paragraphs) + "\n");
    }

    private static String date(Messages m, Plan plan, Instant at) {
        return m.dateTime("email.date").withZone(java.time.ZoneId.of(plan.timeZone())).format(at);
    }

    /** {@code kind} names the subject and the opening: {@code invitation} or {@code reminder}. */
    private static Mailer.OutgoingEmail email(Plan plan, Candidate candidate, String link, Instant deadline,
            String kind) {
        Messages m = Messages.of(plan.language());
        String subject = m.text(kind + ".subject", "role", Text.oneLine(plan.roleTitle()));
        String when = m.dateTime("email.deadline").withZone(java.time.ZoneId.of(plan.timeZone())).format(deadline);
        String contact = plan.recipients().get(0);
        int questions = plan.questions().size();
        int minutes = plan.slotMinutes();
        AdvanceNotice notice = candidate.notice();
        boolean noticed = notice != null && notice.sentAt() != null;
        String noticeDate = noticed ? date(m, plan, notice.sentAt()) : null;
        String text = m.text("email.greeting", "name", candidate.name()) + "\n\n"
                + m.text(kind + ".opening", "role", plan.roleTitle()) + "\n\n"
                + m.text("email.details", "questions", questions, "minutes", minutes, "deadline", when) + "\n\n"
                + (noticed ? m.text("invitation.noticeGiven", "date", noticeDate, "days", notice.businessDays())
                        + "\n\n" : "")
                + m.text("email.start", "link", link) + "\n\n"
                + m.text("email.personal", "contact", contact) + "\n";
        String html = "<!doctype html><html lang=\"" + escape(m.language()) + "\"><body style=\"margin:0;padding:24px;"
                + "background:#f5f7fb;font-family:Arial,Helvetica,sans-serif;color:#1d2433\">"
                + "<table role=\"presentation\" width=\"100%\" style=\"max-width:560px;margin:0 auto;background:#ffffff;"
                + "border-radius:8px;padding:24px\"><tr><td>"
                + "<p style=\"font-size:16px\">" + m.html("email.greeting", "name", candidate.name()) + "</p>"
                + "<p style=\"font-size:16px\">" + m.html(kind + ".opening", "role", plan.roleTitle()) + "</p>"
                + "<p style=\"font-size:16px\">" + m.html("email.details", "questions", questions, "minutes", minutes,
                        "deadline", Messages.markup("<strong>" + escape(when) + "</strong>")) + "</p>"
                + (noticed ? "<p style=\"font-size:16px\">" + m.html("invitation.noticeGiven", "date", noticeDate,
                        "days", notice.businessDays()) + "</p>" : "")
                + "<p style=\"margin:28px 0\"><a href=\"" + escape(link) + "\" style=\"background:#2456c7;color:#ffffff;"
                + "padding:12px 20px;border-radius:6px;text-decoration:none;font-size:16px\">" + m.html("email.button")
                + "</a></p>"
                + "<p style=\"font-size:13px;color:#5b6475\">" + m.html("email.personal", "contact",
                        Messages.markup("<a href=\"mailto:" + escape(contact) + "\">" + escape(contact) + "</a>"))
                + "</p>"
                + "</td></tr></table></body></html>";
        return new Mailer.OutgoingEmail(List.of(candidate.email()), subject, html, text);
    }
}
