package dev.prescreen.domain.candidate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prescreen.domain.Languages;
import dev.prescreen.domain.email.Mailer;
import dev.prescreen.domain.plan.FollowUps;
import dev.prescreen.domain.plan.Plan;
import dev.prescreen.testing.Screenings;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class InvitationEmailsTest {

    private static final Instant AT = Instant.parse("2026-11-20T09:00:00Z");
    private static final Instant DEADLINE = Instant.parse("2026-12-04T17:00:00Z");
    private static final String LINK = "https://page.example/interview/#tok&en";
    private static final Candidate CANDIDATE = new Candidate("cd_1", "acme", Screenings.PLAN_ID, "bt_1",
            "Jo <b>O'Brien</b>", "jo@example.com", null, null, CandidateState.SENT, "iv_1", null, null, null, null, 1);

    static Iterable<String> languages() {
        return Languages.SUPPORTED;
    }

    @Test
    void anEnglishPlansInvitationKeepsTheEnglishWording() {
        Mailer.OutgoingEmail email = InvitationEmails.invitation(plan("en-US", "en-US"), CANDIDATE, LINK, DEADLINE);
        assertThat(email.to()).containsExactly("jo@example.com");
        assertThat(email.subject()).isEqualTo("Your screening interview for Backend Engineer");
        assertThat(email.text()).isEqualTo("Hello Jo <b>O'Brien</b>,\n\n"
                + "You are invited to a short screening interview for the role of Backend Engineer.\n\n"
                + "It takes 2 questions, about 20 minutes. You answer by voice in your browser (or type), at any time "
                + "before Friday 4 December 2026, 17:00 (UTC). The interview is automated: your answers are recorded, "
                + "transcribed and scored by software against the same rubric for every candidate.\n\n"
                + "Start here: " + LINK + "\n\n"
                + "This link is personal; please do not share it. Questions, or would you rather talk to a person? "
                + "Write to hiring@acme.example.\n");
        assertThat(email.html()).contains("<html lang=\"en-US\">", "Hello Jo &lt;b&gt;O&#39;Brien&lt;/b&gt;,",
                "at any time before <strong>Friday 4 December 2026, 17:00 (UTC)</strong>.",
                "<a href=\"https://page.example/interview/#tok&amp;en\"", ">Start the interview</a>",
                "Write to <a href=\"mailto:hiring@acme.example\">hiring@acme.example</a>.")
                .doesNotContain("<b>O'Brien</b>");
    }

    @Test
    void theDeadlineIsInThePlansTimeZoneAndNamesIt() {
        Plan madrid = Screenings.plan(AT, "es-ES", "en-US", dev.prescreen.domain.plan.Answering.DEFAULT, "Europe/Madrid");
        Mailer.OutgoingEmail email = InvitationEmails.invitation(madrid, CANDIDATE, LINK, DEADLINE);
        // 17:00 UTC on 4 December is 18:00 in Madrid (CET, winter time)
        assertThat(email.text()).contains("18:00 (Europe/Madrid)").doesNotContain("17:00");
        Plan newYork = Screenings.plan(AT, "en-US", "en-US", dev.prescreen.domain.plan.Answering.DEFAULT,
                "America/New_York");
        assertThat(InvitationEmails.reminder(newYork, CANDIDATE, LINK, DEADLINE).text())
                .contains("Friday 4 December 2026, 12:00 (America/New_York)");
    }

    @Test
    void anEnglishPlansReminderKeepsTheEnglishWording() {
        Mailer.OutgoingEmail email = InvitationEmails.reminder(plan("en-US", "en-US"), CANDIDATE, LINK, DEADLINE);
        assertThat(email.subject()).isEqualTo("Reminder: your screening interview for Backend Engineer");
        assertThat(email.text()).contains("\n\nA reminder: your screening interview for the role of Backend Engineer "
                + "is still open, and the link expires soon.\n\n");
    }

    @Test
    void aGermanPlansInvitationIsInGermanWithAGermanDate() {
        Mailer.OutgoingEmail email = InvitationEmails.invitation(plan("de-DE", "en-US"), CANDIDATE, LINK, DEADLINE);
        assertThat(email.subject()).isEqualTo("Ihr Vorauswahlinterview für die Stelle als Backend Engineer");
        assertThat(email.text()).startsWith("Guten Tag Jo <b>O'Brien</b>,\n\n"
                        + "Wir laden Sie zu einem kurzen Vorauswahlinterview für die Stelle als Backend Engineer ein.")
                .contains("Es umfasst 2 Fragen und dauert etwa 20 Minuten.",
                        "jederzeit bis Freitag, 4. Dezember 2026, 17:00 Uhr (UTC).", "Hier starten: " + LINK,
                        "Schreiben Sie an hiring@acme.example.")
                .doesNotContain("Hello", "December", "Friday");
        assertThat(email.html()).contains("<html lang=\"de-DE\">", "Guten Tag Jo &lt;b&gt;O&#39;Brien&lt;/b&gt;,",
                "<strong>Freitag, 4. Dezember 2026, 17:00 Uhr (UTC)</strong>", ">Interview starten</a>",
                "Schreiben Sie an <a href=\"mailto:hiring@acme.example\">hiring@acme.example</a>.");
    }

    @Test
    void aFrenchPlansReminderIsInFrench() {
        Mailer.OutgoingEmail email = InvitationEmails.reminder(plan("fr-FR", "de-DE"), CANDIDATE, LINK, DEADLINE);
        assertThat(email.subject()).isEqualTo("Rappel\u00a0: votre entretien de présélection pour le poste de Backend Engineer");
        assertThat(email.text()).contains("Bonjour Jo <b>O'Brien</b>,", "Pour rappel\u00a0:",
                "avant le vendredi 4 décembre 2026 à 17:00 (UTC).");
        assertThat(email.html()).contains("<strong>vendredi 4 décembre 2026 à 17:00 (UTC)</strong>",
                "Commencer l&#39;entretien");
    }

    @ParameterizedTest
    @MethodSource("languages")
    void everyLanguageWritesTheFactsAndEscapesTheCandidate(String language) {
        for (Mailer.OutgoingEmail email : new Mailer.OutgoingEmail[] {
            InvitationEmails.invitation(plan(language, "en-US"), CANDIDATE, LINK, DEADLINE),
            InvitationEmails.reminder(plan(language, "en-US"), CANDIDATE, LINK, DEADLINE)}) {
            assertThat(email.subject()).as(language).contains("Backend Engineer").doesNotContain("\n", "{");
            assertThat(email.text()).as(language).contains("Jo <b>O'Brien</b>", LINK, "hiring@acme.example", "2026",
                    "17:00", "UTC", " 2 ", "20 ").doesNotContain("{", "}");
            assertThat(email.html()).as(language).contains("&lt;b&gt;", "lang=\"" + language + "\"")
                    .doesNotContain("<b>O", "{");
            if (!language.equals("en-US")) {
                assertThat(email.text()).as(language).doesNotContain("Hello", "December", "Start here");
            }
        }
    }

    @Test
    void aNameCannotAddALineToTheSubject() {
        Plan plan = plan("es-ES", "en-US");
        Plan titled = new Plan(plan.planId(), plan.organisation(), "Dev\r\nBcc: x@y", null, "es-ES", "en-US",
                plan.questions(), 120, 20, 60, plan.recipients(), FollowUps.DEFAULT, 7, 90, dev.prescreen.domain.plan.Answering.DEFAULT, Plan.DEFAULT_TIME_ZONE, Plan.PlanStatus.ACTIVE,
                AT, AT, AT, 2);
        assertThat(InvitationEmails.invitation(titled, CANDIDATE, LINK, DEADLINE).subject())
                .isEqualTo("Su entrevista de preselección para el puesto de Dev Bcc: x@y");
    }

    private static Plan plan(String language, String reportLanguage) {
        return Screenings.plan(AT, language, reportLanguage, dev.prescreen.domain.plan.Answering.DEFAULT, Plan.DEFAULT_TIME_ZONE);
    }
}
