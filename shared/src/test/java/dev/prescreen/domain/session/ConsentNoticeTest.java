package dev.prescreen.domain.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prescreen.domain.Languages;
import dev.prescreen.domain.Messages;
import dev.prescreen.domain.plan.Answering;
import dev.prescreen.domain.plan.FollowUps;
import dev.prescreen.domain.plan.Plan;
import dev.prescreen.testing.Screenings;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ConsentNoticeTest {

    private static final Instant AT = Instant.parse("2026-11-20T09:00:00Z");

    /**
     * The consent wording of each language as of {@link ConsentNotice#VERSION}: a consent records that version, so
     * the wording must not change under it. Changed a consent sentence? Bump VERSION and update these.
     */
    private static final String PINNED_VERSION = "2026-12-v3";
    private static final Map<String, String> PINNED_WORDING = Map.of(
            "en-US", "c3296766373509fb",
            "es-ES", "c937f1bdb21b83fa",
            "fr-FR", "75ec22b25dabc55c",
            "de-DE", "665cb4819a0ea4ef",
            "pt-BR", "72e506abfd24787a",
            "it-IT", "c4ff540b8aa83878",
            "nl-NL", "0706e17802cdf386",
            "pl-PL", "d258db485eb6e075",
            "sv-SE", "14bb99b306e8540b");

    static Iterable<String> languages() {
        return Languages.SUPPORTED;
    }

    @Test
    void anEnglishPlansNoticeIsTheEnglishWording() {
        ConsentNotice notice = ConsentNotice.forPlan(Screenings.plan(AT, FollowUps.DEFAULT));
        assertThat(notice.text()).isEqualTo("This is an automated screening interview for the role of Backend "
                + "Engineer. You will be asked 2 questions, one at a time, with up to 120 seconds for each answer; the "
                + "whole interview takes at most 20 minutes. Your spoken answers are recorded and transcribed by "
                + "software (you may type instead), and each answer is scored by software against a fixed rubric, the "
                + "same for every candidate. The hiring team receives the scores and the full transcript. While a question "
                + "is open, the page notes how much of a typed answer was pasted rather than typed, and how often and for "
                + "how long you left the page. The hiring team sees these notes next to your answer; they never change a "
                + "score. Recordings are kept for 90 days and then deleted. You can ask for all your data to be deleted, or for an "
                + "interview with a person instead, by writing to hiring@acme.example.");
        assertThat(notice.version()).isEqualTo("2026-12-v3/en-US/audio+signals");
    }

    @Test
    void aGermanPlansNoticeIsInGermanAndItsVersionSaysSo() {
        ConsentNotice notice = ConsentNotice.forPlan(plan("de-DE", "en-US"));
        assertThat(notice.version()).isEqualTo(ConsentNotice.VERSION + "/de-DE/audio+signals")
                .isEqualTo("2026-12-v3/de-DE/audio+signals");
        assertThat(notice.text())
                .startsWith("Dies ist ein automatisiertes Vorauswahlinterview für die Stelle als Backend Engineer.")
                .contains("2 Fragen", "bis zu 120 Sekunden", "höchstens 20 Minuten", "90 Tage lang aufbewahrt",
                        "Sie können", "an hiring@acme.example schreiben.")
                .doesNotContain("automated", "{", "}");
    }

    @Test
    void theReportLanguageDoesNotChangeTheNotice() {
        assertThat(ConsentNotice.forPlan(plan("fr-FR", "de-DE")).version()).isEqualTo("2026-12-v3/fr-FR/audio+signals");
        assertThat(ConsentNotice.forPlan(plan("fr-FR", "de-DE")).text()).startsWith("Ceci est un entretien");
    }

    @ParameterizedTest
    @MethodSource("languages")
    void everyLanguageSaysEveryFactOfTheNotice(String language) {
        Plan plan = new Plan(Screenings.PLAN_ID, "acme", "Rôle Ω", null, language, "en-US",
                Screenings.plan(AT, FollowUps.DEFAULT).questions(), 97, 23, 60,
                java.util.List.of("privacy@acme.example"), FollowUps.DEFAULT, 7, 41, dev.prescreen.domain.plan.Answering.DEFAULT, Plan.DEFAULT_TIME_ZONE, Plan.PlanStatus.ACTIVE, AT, AT, AT, 2);
        ConsentNotice notice = ConsentNotice.forPlan(plan);
        assertThat(notice.version()).isEqualTo(ConsentNotice.VERSION + "/" + language + "/audio+signals");
        // the role, the number of questions, the seconds, the minutes, the retention days and the contact
        assertThat(notice.text()).contains("Rôle Ω", "2 ", "97 ", "23 ", "41 ", "privacy@acme.example")
                .doesNotContain("{", "}", "#");
        if (!language.equals("en-US")) {
            assertThat(notice.text()).as(language).isNotEqualTo(ConsentNotice.forPlan(
                    new Plan(plan.planId(), plan.organisation(), plan.roleTitle(), null, "en-US", "en-US",
                            plan.questions(), 97, 23, 60, plan.recipients(), FollowUps.DEFAULT, 7, 41,
                            dev.prescreen.domain.plan.Answering.DEFAULT, Plan.DEFAULT_TIME_ZONE, Plan.PlanStatus.ACTIVE, AT, AT, AT, 2)).text());
        }
    }

    @Test
    void theWordingOfEveryLanguageIsPinnedToTheVersion() {
        Map<String, String> actual = new LinkedHashMap<>();
        for (String language : Languages.SUPPORTED) {
            actual.put(language, fingerprint(language));
        }
        assertThat(ConsentNotice.VERSION)
                .as("ConsentNotice.VERSION changed: update PINNED_VERSION and PINNED_WORDING").isEqualTo(PINNED_VERSION);
        assertThat(actual).as("a consent wording changed without a new ConsentNotice.VERSION (now %s): bump it, then "
                + "update PINNED_VERSION and PINNED_WORDING", ConsentNotice.VERSION).isEqualTo(PINNED_WORDING);
    }

    @Test
    void aConsentNamesTheNoticeItsWordingAndItsLanguage() {
        ConsentNotice notice = ConsentNotice.forPlan(plan("de-DE", "en-US"));
        assertThat(notice.accepts("2026-12-v3/de-DE/audio+signals")).isTrue();
        assertThat(notice.accepts(ConsentNotice.VERSION)).isFalse();
        assertThat(notice.accepts("2026-12-v3/en-US/audio+signals")).isFalse();
        assertThat(notice.accepts("2026-11-v1")).isFalse();
        assertThat(notice.accepts(null)).isFalse();
    }

    @ParameterizedTest
    @MethodSource("languages")
    void aVideoPlansNoticeSaysSoAndWhatIsNotAnalysedAndOneWithoutSignalsLeavesThemOut(String language) {
        Answering video = new Answering(Answering.Capture.VIDEO, 1, false);
        ConsentNotice filmed = ConsentNotice.forPlan(Screenings.plan(AT, language, "en-US", video, "UTC"));
        ConsentNotice spoken = ConsentNotice.forPlan(plan(language, "en-US"));
        Messages m = Messages.of(language);
        assertThat(filmed.version()).isEqualTo(ConsentNotice.VERSION + "/" + language + "/video");
        assertThat(filmed.text()).contains(m.text("consent.video")).doesNotContain(m.text("consent.integrity"));
        assertThat(spoken.text()).contains(m.text("consent.integrity")).doesNotContain(m.text("consent.video"));
        // a consent to one way of answering is not a consent to another
        assertThat(filmed.accepts(spoken.version())).isFalse();
        assertThat(spoken.accepts(ConsentNotice.VERSION + "/" + language + "/audio")).isFalse();
    }

    @Test
    void theEnglishVideoSentenceNamesWhoSeesItAndThatNoFaceOrEmotionIsAnalysed() {
        String text = ConsentNotice.forPlan(Screenings.plan(AT, "en-US", "en-US",
                new Answering(Answering.Capture.VIDEO, 0, true), "UTC")).text();
        assertThat(text).contains("recorded on video", "Only the hiring team can watch",
                "no facial, emotional or body-language analysis is done", "how much of a typed answer was pasted");
    }

    /** The consent sentences as the catalogue writes them, hashed. */
    private static String fingerprint(String language) {
        Messages messages = Messages.of(language);
        StringBuilder all = new StringBuilder();
        messages.keys().stream().filter(k -> k.startsWith("consent."))
                .forEach(k -> all.append(k).append('=').append(messages.template(k)).append('\n'));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(all.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Plan plan(String language, String reportLanguage) {
        return Screenings.plan(AT, language, reportLanguage, dev.prescreen.domain.plan.Answering.DEFAULT, Plan.DEFAULT_TIME_ZONE);
    }
}
