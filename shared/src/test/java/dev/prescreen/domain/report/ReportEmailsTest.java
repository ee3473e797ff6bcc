package dev.prescreen.domain.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prescreen.domain.Languages;
import dev.prescreen.domain.Messages;
import dev.prescreen.domain.email.Mailer;
import dev.prescreen.domain.plan.FollowUps;
import dev.prescreen.domain.plan.Plan;
import dev.prescreen.testing.Screenings;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ReportEmailsTest {

    private static final Instant AT = Instant.parse("2026-11-20T09:00:00Z");
    private static final String LINK = "https://api.example/interviews/iv_1/report";
    private static final String QUESTION = "¿Con qué lenguajes programa con más soltura?";
    private static final String ANSWER = "Trabajé 5 años con Java y Kotlin <script>alert('x')</script> & \"más\".";
    private static final String FOLLOW_UP = "¿Qué hizo usted exactamente?";
    private static final String FOLLOW_UP_ANSWER = "Migré el servicio de pagos a Kotlin.";

    static Iterable<String> languages() {
        return Languages.SUPPORTED;
    }

    @Test
    void aFrenchReportLanguageGivesFrenchLabelsAndQuotesTheSpanishAnswersAsGiven() {
        Mailer.OutgoingEmail email = ReportEmails.report(report("Ana <i>Ruiz</i>"), plan("es-ES", "fr-FR"), 1, 3, LINK);

        assertThat(email.to()).containsExactly("hiring@acme.example");
        assertThat(email.subject()).isEqualTo("Rapport de présélection, 80/100, réussi\u00a0: Ana <i>Ruiz</i>");
        assertThat(email.text())
                .startsWith("Rapport de présélection pour Ana <i>Ruiz</i>, Backend Engineer\n"
                        + "Résultat global\u00a0: 80/100, réussi (seuil 60)\n"
                        + "Rang\u00a0: 1 sur 3 entretiens terminés\n"
                        + "Examen humain nécessaire (non compris dans le score global)\u00a0: question [2]\n"
                        + "Rapport\u00a0: " + LINK + "\n\n")
                .contains("1. " + QUESTION + " [Générale] 4/5 signalements\u00a0: hypothétique\n"
                        + "   Direct, pertinent et concret, mais sans reconnaître de limites ou avec un peu de "
                        + "remplissage.\n")
                .contains("2. " + QUESTION + " [Comportementale] à examiner\n"
                        + "   examen humain nécessaire\u00a0: échec de la transcription\n")
                .contains("\nTranscription complète\n", "Intervieweur\u00a0: " + QUESTION + "\n",
                        "  Candidat(e)\u00a0: " + ANSWER + "\n", "Intervieweur\u00a0: " + FOLLOW_UP + "\n",
                        "  Candidat(e)\u00a0: " + FOLLOW_UP_ANSWER + "\n")
                .doesNotContain("Overall", "Full transcript", "Candidate:", "passed", "hypothetical");
        assertThat(email.html())
                .contains("<html lang=\"fr-FR\">", "<h1 style=\"font-size:20px;margin:0 0 4px\">Ana &lt;i&gt;Ruiz&lt;/i&gt;</h1>",
                        "Backend Engineer · version du plan v-1234", "<strong>80/100, réussi</strong> (seuil 60) · rang 1 sur 3",
                        "Examen humain nécessaire (exclu du score global)\u00a0: question [2]",
                        ">Question</th>", ">Note</th>", ">Signalements</th>", ">Justification</th>",
                        "Ouvrir le rapport complet", ">Transcription complète</h2>",
                        "Question de relance\u00a0: " + "¿Qué hizo usted exactamente?",
                        // the candidate's words verbatim, escaped
                        "Trabajé 5 años con Java y Kotlin &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; "
                                + "&quot;más&quot;.",
                        "¿Con qué lenguajes programa con más soltura?", "échec de la transcription", "Générale",
                        "hypothétique")
                .doesNotContain("<script>", "<i>Ruiz", "Full transcript", "Why", "Follow-up", "plan version");
    }

    @Test
    void anEnglishReportKeepsTheEnglishWording() {
        Mailer.OutgoingEmail email = ReportEmails.report(report("Ana Ruiz"), plan("es-ES", "en-US"), 1, 3, LINK);
        assertThat(email.subject()).isEqualTo("Screening report, 80/100, passed: Ana Ruiz");
        assertThat(email.text()).startsWith("Screening report for Ana Ruiz, Backend Engineer\n"
                        + "Overall: 80/100, passed (threshold 60)\n"
                        + "Rank: 1 of 3 completed\n"
                        + "Needs human review (not in the overall score): question [2]\n"
                        + "Report: " + LINK + "\n\n"
                        + "1. " + QUESTION + " [General] 4/5 flags: hypothetical\n"
                        + "   Direct, relevant and concrete, but no limits acknowledged or some filler.\n"
                        + "   on video · 2 takes · not scored: left the page 1 time for 12 s\n"
                        + "2. " + QUESTION + " [Behavioral] review\n"
                        + "   needs human review: transcription failed\n"
                        + "   sound only (camera not allowed)\n"
                        + "\nFull transcript\n"
                        + "Interviewer: " + QUESTION + "\n"
                        + "  Candidate: " + ANSWER + "\n");
        assertThat(email.html()).contains("<strong>80/100, passed</strong> (threshold 60) · rank 1 of 3",
                "Backend Engineer · plan version v-1234", ">Why</th>", "Open the full report", "Follow-up: ");
    }

    @Test
    void aReportAwaitingReviewAndWithoutANameSaysSoInTheReportLanguage() {
        Report report = report(null).change(c -> {
            c.overall = null;
            c.passed = null;
            return c;
        });
        Mailer.OutgoingEmail email = ReportEmails.report(report, plan("en-US", "de-DE"), 0, 0, LINK);
        assertThat(email.subject()).isEqualTo("Screening-Bericht, wartet auf menschliche Prüfung: Bewerbung cd_1");
        assertThat(email.text()).doesNotContain("Rang:");
        Mailer.OutgoingEmail failed = ReportEmails.report(report(null).change(c -> {
            c.passed = false;
            return c;
        }), plan("en-US", "sv-SE"), 2, 3, LINK);
        assertThat(failed.subject()).isEqualTo("Urvalsrapport, 80/100, inte godkänd: Kandidat cd_1");
    }

    @ParameterizedTest
    @MethodSource("languages")
    void everyReportLanguageQuotesTheCandidateAndTranslatesTheRest(String language) {
        Mailer.OutgoingEmail email = ReportEmails.report(report("Ana <i>Ruiz</i>"), plan("es-ES", language), 1, 3, LINK);
        Messages m = Messages.of(language);
        assertThat(email.text()).as(language).contains(ANSWER, FOLLOW_UP_ANSWER, QUESTION,
                m.text("rule.general.concrete"), m.text("flag.hypothetical"), m.text("report.transcript"))
                .doesNotContain("{", "}");
        assertThat(email.html()).as(language).contains("&lt;script&gt;", "Ana &lt;i&gt;Ruiz&lt;/i&gt;")
                .doesNotContain("<script>", "<i>Ruiz", "{");
        if (!language.equals("en-US")) {
            assertThat(email.text()).as(language).doesNotContain("Full transcript", "Direct, relevant and concrete");
        }
        // how each answer was given, in the report's language
        assertThat(email.text()).as(language).contains(m.text("report.delivery.video"),
                m.text("report.delivery.takes", "takes", 2),
                m.text("report.delivery.soundOnly", "reason", m.text("report.delivery.cameraDenied")));
    }

    @Test
    void theEmailSaysHowEachAnswerWasGivenAndThatIntegritySignalsAreNotScored() {
        Mailer.OutgoingEmail email = ReportEmails.report(report("Ana"), plan("es-ES", "en-US"), 1, 3, LINK);
        assertThat(email.text()).contains("   on video · 2 takes · not scored: left the page 1 time for 12 s\n",
                "   sound only (camera not allowed)\n");
        Report typed = report("Ana").change(c -> {
            Report.QuestionReport q = c.questions.get(0);
            c.questions = List.of(new Report.QuestionReport(q.position(), q.question(), q.type(), q.answerState(),
                    q.score(), q.automaticScore(), q.anchor(), q.rule(), q.reason(), q.evidence(), q.flags(), q.answer(),
                    null, null, false, "typed", List.of(), null, q.transcript(), List.of(new Report.AnswerDelivery(
                            "main", "typed", null, null, 1, new dev.prescreen.domain.interview.IntegritySignals(120, 10, 2,
                            40)))));
            return c;
        });
        assertThat(ReportEmails.report(typed, plan("es-ES", "en-US"), 1, 3, LINK).text())
                .contains("   not scored: 120 of 130 characters pasted, left the page 2 times for 40 s\n");
        assertThat(email.html()).contains("<span style=\"color:#5b6475\">on video · 2 takes");
    }

    @Test
    void storedReasonsAreRecognisedOrQuoted() {
        Messages de = Messages.of("de-DE");
        // a cap's reason, then the deciding rule's
        assertThat(ReportEmails.reason(de, "A list of technologies or buzzwords without claims about what the "
                + "candidate did (at most 2). A past example but vague, or without a result."))
                .isEqualTo(de.text("rule.cap.keyword_stuffing") + " " + de.text("rule.behavioral.vague_example"));
        assertThat(ReportEmails.reason(de, "no answer was given")).isEqualTo("keine Antwort gegeben");
        assertThat(ReportEmails.reason(de, "needs human review: transcript_unreliable"))
                .isEqualTo("menschliche Prüfung nötig: Transkript unzuverlässig");
        assertThat(ReportEmails.reason(de, "needs human review: mean word confidence 0.41 is below 0.60"))
                .isEqualTo("menschliche Prüfung nötig: mean word confidence 0.41 is below 0.60");
        assertThat(ReportEmails.reason(de, "Some wording of an older scorer.")).isEqualTo("Some wording of an older scorer.");
    }

    @Test
    void theReportsOwnReasonsAreTheEnglishCatalogues() {
        // ReportBuilder stores these in English; the email recognises them by the en-US catalogue
        Plan plan = plan("en-US", "en-US");
        var interview = Screenings.interview("iv_1", "cd_1", dev.prescreen.domain.interview.InterviewState.COMPLETED, AT);
        Report built = ReportBuilder.build(interview, plan, List.of(), "Ana", "rubric-test");
        assertThat(built.questions()).extracting(Report.QuestionReport::reason)
                .containsOnly(Messages.of("en-US").text("report.reason.noAnswer"));
        assertThat(ReportEmails.report(built, plan("en-US", "it-IT"), 1, 1, LINK).text())
                .contains("non è stata data alcuna risposta", "nessuna risposta");
    }

    private static Report report(String name) {
        List<Report.TranscriptLine> first = List.of(
                new Report.TranscriptLine("interviewer", QUESTION, null),
                new Report.TranscriptLine("candidate", ANSWER, 0.4),
                new Report.TranscriptLine("interviewer", FOLLOW_UP, null),
                new Report.TranscriptLine("candidate", FOLLOW_UP_ANSWER, 0.2));
        Report.QuestionReport scored = new Report.QuestionReport(1, QUESTION, "General", "scored", 4, 4, "anchor",
                "general.concrete", "Direct, relevant and concrete, but no limits acknowledged or some filler.",
                List.of(), List.of("hypothetical"), ANSWER, FOLLOW_UP, FOLLOW_UP_ANSWER, false, "voice", List.of(), null,
                first, List.of(new Report.AnswerDelivery("main", "recording", "video", null, 2,
                        new dev.prescreen.domain.interview.IntegritySignals(0, 0, 1, 12))));
        Report.QuestionReport review = new Report.QuestionReport(2, QUESTION, "Behavioral", "transcription_failed",
                null, null, null, null, "needs human review: transcription failed", List.of(), List.of(), "", null,
                null, false, "voice", List.of(), null, List.of(new Report.TranscriptLine("interviewer", QUESTION, null)),
                List.of(new Report.AnswerDelivery("main", "recording", "audio", "camera_denied", 1, null)));
        return new Report("iv_1", "acme", Screenings.PLAN_ID, "v-1234", "cd_1", name, "Backend Engineer", "es-ES",
                "rubric-test", AT, AT, AT, 300, 80, true, 60, List.of(2), List.of(scored, review), List.of(), null, null,
                null, 1);
    }

    private static Plan plan(String language, String reportLanguage) {
        return Screenings.plan(AT, language, reportLanguage, dev.prescreen.domain.plan.Answering.DEFAULT, Plan.DEFAULT_TIME_ZONE);
    }
}
