package dev.prescreen.domain.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.prescreen.domain.DomainException;
import dev.prescreen.domain.FieldError;
import dev.prescreen.domain.Languages;
import dev.prescreen.scoring.QuestionType;
import dev.prescreen.domain.bank.QuestionBanks;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanRulesTest {

    private final PlanRules rules = new PlanRules(QuestionBanks.builtIn());

    /** Bank questions 1 (General), 3 and 13 (Behavioral), 5 (Experience), 9 and 16 (Situational), 14, 17. */
    static PlanInput valid() {
        return new PlanInput("Backend Engineer", "backend-engineer", "en-US", null,
                bank(1, 3, 5, 9, 13, 14, 16, 17), 120, 25, 60, List.of("hiring@acme.example"),
                new PlanInput.FollowUpsInput(true, 2), 7, 90, null, null, null, null);
    }

    static List<PlanInput.QuestionInput> bank(int... numbers) {
        List<PlanInput.QuestionInput> questions = new ArrayList<>();
        for (int n : numbers) {
            questions.add(new PlanInput.QuestionInput(n, null, null));
        }
        return questions;
    }

    private List<FieldError> errors(PlanInput input) {
        return catchThrowableOfType(DomainException.InvalidInput.class, () -> rules.check(input)).errors();
    }

    @Test
    void aValidPlanCopiesTheBankQuestionsWithTheirTypesAndConcepts() {
        PlanRules.PlanContent content = rules.check(valid());
        assertThat(content.questions()).hasSize(8);
        assertThat(content.questions().get(1).type()).isEqualTo(QuestionType.BEHAVIORAL);
        assertThat(content.questions().get(1).concepts()).isNotEmpty();
        assertThat(content.questions()).extracting(PlanQuestion::position).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
    }

    @Test
    void everyViolationIsReportedAtOnce() {
        PlanInput input = new PlanInput(" ", "no-such-bank", "tlh-QO", null, null, 10, 60, null,
                List.of("not-an-email"), null, 0, 1000, null, null, null, null);
        assertThat(errors(input)).extracting(FieldError::field).contains("roleTitle", "bankRole", "language",
                "questions", "answerSeconds", "slotMinutes", "passThreshold", "recipients.0", "invitationWindowDays",
                "retentionDays");
    }

    @Test
    void thePassThresholdIsRequiredAndBounded() {
        PlanInput missing = new PlanInput("Backend", "backend-engineer", "en-US", null, valid().questions(), 120, 25,
                null, List.of("a@b.example"), null, null, null, null, null, null, null);
        assertThat(errors(missing)).extracting(FieldError::field).containsExactly("passThreshold");
        PlanInput high = new PlanInput("Backend", "backend-engineer", "en-US", null, valid().questions(), 120, 25,
                101, List.of("a@b.example"), null, null, null, null, null, null, null);
        assertThat(errors(high)).extracting(FieldError::reason).containsExactly("must be an integer from 0 to 100");
    }

    @Test
    void theMethodsMixIsEnforced() {
        // 3 Behavioral missing: only 13 is Behavioral; no Situational at all.
        PlanInput input = withQuestions(bank(1, 2, 4, 5, 7, 13));
        assertThat(errors(input)).extracting(FieldError::reason).contains(
                "need at least two Behavioral questions (specific past examples)",
                "need at least one Situational question");
        PlanInput noBackground = withQuestions(List.of(
                new PlanInput.QuestionInput(3, null, null), new PlanInput.QuestionInput(13, null, null),
                new PlanInput.QuestionInput(9, null, null), new PlanInput.QuestionInput(11, null, null),
                new PlanInput.QuestionInput(16, null, null),
                new PlanInput.QuestionInput(null, "Tell us about a time you disagreed with a reviewer.", "Behavioral")));
        assertThat(errors(noBackground)).extracting(FieldError::reason)
                .containsExactly("need at least one General or Experience question about background");
    }

    @Test
    void questionCountIsSixToTen() {
        assertThat(errors(withQuestions(bank(1, 3, 13, 16, 5)))).extracting(FieldError::field).contains("questions");
        assertThat(errors(withQuestions(bank(1, 2, 3, 4, 5, 6, 7, 9, 11, 13, 16)))).extracting(FieldError::field)
                .contains("questions");
    }

    @Test
    void customQuestionsNeedTextAndAKnownTypeAndBankQuestionsMustExistOnce() {
        List<PlanInput.QuestionInput> questions = new ArrayList<>(bank(1, 3, 13, 16, 3));
        questions.add(new PlanInput.QuestionInput(null, "short", "Motivation"));
        questions.add(new PlanInput.QuestionInput(42, null, null));
        questions.add(new PlanInput.QuestionInput(5, "both given", "General"));
        assertThat(errors(withQuestions(questions))).extracting(FieldError::field).contains(
                "questions.4.bankQuestion", "questions.5.text", "questions.5.type", "questions.6.bankQuestion",
                "questions.7");
    }

    @Test
    void answerTimesIncludingFollowUpsMustFitTheSlot() {
        PlanInput tooLong = new PlanInput("Backend", "backend-engineer", "en-US", null, valid().questions(), 180, 15, 60,
                List.of("a@b.example"), new PlanInput.FollowUpsInput(true, 2), null, null, null, null, null, null);
        assertThat(errors(tooLong)).extracting(FieldError::field).containsExactly("slotMinutes");
        PlanInput fits = new PlanInput("Backend", "backend-engineer", "en-US", null, valid().questions(), 90, 15, 60,
                List.of("a@b.example"), new PlanInput.FollowUpsInput(true, 2), null, null, null, null, null, null);
        assertThat(rules.check(fits).slotMinutes()).isEqualTo(15);
    }

    @Test
    void recipientsAreOneToTenDistinctValidAddresses() {
        List<String> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add("r" + i + "@acme.example");
        }
        assertThat(errors(withRecipients(eleven))).extracting(FieldError::field).containsExactly("recipients");
        assertThat(errors(withRecipients(List.of("A@acme.example", "a@ACME.example ")))).extracting(FieldError::field)
                .containsExactly("recipients.1");
        assertThat(errors(withRecipients(List.of()))).extracting(FieldError::field).containsExactly("recipients");
    }

    private static PlanInput inLanguages(String language, String reportLanguage, List<PlanInput.QuestionInput> questions) {
        PlanInput v = valid();
        return new PlanInput(v.roleTitle(), v.bankRole(), language, reportLanguage, questions, v.answerSeconds(),
                v.slotMinutes(), v.passThreshold(), v.recipients(), v.followUps(), v.invitationWindowDays(),
                v.retentionDays(), v.capture(), v.retakesPerQuestion(), v.integritySignals(), v.timeZone());
    }

    @Test
    void aPlanInEachOfTheNineLanguagesTakesItsQuestionsFromThatLanguagesBank() {
        assertThat(Languages.SUPPORTED).hasSize(9);
        for (String language : Languages.SUPPORTED) {
            PlanRules.PlanContent content = rules.check(inLanguages(language, null, valid().questions()));
            assertThat(content.language()).isEqualTo(language);
            assertThat(content.reportLanguage()).isEqualTo("en-US");
            String bankText = QuestionBanks.builtIn().find("backend-engineer", language).orElseThrow()
                    .question(3).orElseThrow().text();
            assertThat(content.questions().get(1).text()).as(language).isEqualTo(bankText);
            assertThat(content.questions().get(1).type()).isEqualTo(QuestionType.BEHAVIORAL);
            assertThat(content.questions().get(1).concepts()).as(language).isNotEmpty();
        }
        assertThat(rules.check(inLanguages("de-DE", null, valid().questions())).questions().get(0).text())
                .isNotEqualTo(rules.check(valid()).questions().get(0).text());
    }

    @Test
    void anUnsupportedLanguageIsRefusedNamingTheNine() {
        List<FieldError> errors = errors(inLanguages("en-GB", null, valid().questions()));
        assertThat(errors).extracting(FieldError::field).containsExactly("language");
        assertThat(errors.get(0).reason()).contains("en-US", "es-ES", "fr-FR", "de-DE", "pt-BR", "it-IT", "nl-NL",
                "pl-PL", "sv-SE");
        assertThat(errors(inLanguages("de-DE", "klingon", valid().questions()))).extracting(FieldError::field)
                .containsExactly("reportLanguage");
        assertThat(rules.check(inLanguages("de-DE", "fr-FR", valid().questions())).reportLanguage()).isEqualTo("fr-FR");
    }

    @Test
    void aBankNumberTheLanguagesBankLacksIsRefusedAtItsPosition() {
        List<FieldError> errors = errors(inLanguages("pl-PL", null, bank(1, 3, 5, 9, 13, 14, 99, 17)));
        assertThat(errors).extracting(FieldError::field).containsExactly("questions.6.bankQuestion");
        assertThat(errors.get(0).reason()).contains("question 7", "99", "pl-PL");
    }

    private static PlanInput withQuestions(List<PlanInput.QuestionInput> questions) {
        PlanInput v = valid();
        return new PlanInput(v.roleTitle(), v.bankRole(), v.language(), v.reportLanguage(), questions, v.answerSeconds(),
                v.slotMinutes(), v.passThreshold(), v.recipients(), v.followUps(), v.invitationWindowDays(),
                v.retentionDays(), v.capture(), v.retakesPerQuestion(), v.integritySignals(), v.timeZone());
    }

    private static PlanInput withRecipients(List<String> recipients) {
        PlanInput v = valid();
        return new PlanInput(v.roleTitle(), v.bankRole(), v.language(), v.reportLanguage(), v.questions(), v.answerSeconds(),
                v.slotMinutes(), v.passThreshold(), recipients, v.followUps(), v.invitationWindowDays(),
                v.retentionDays(), v.capture(), v.retakesPerQuestion(), v.integritySignals(), v.timeZone());
    }

    @Test
    void aRoleTitleWithALineBreakOrABidirectionalOverrideIsRefused() {
        for (String title : List.of("Backend\nEngineer", "Backend \u202Eevil", "Back\u0007end")) {
            PlanInput input = new PlanInput(title, "backend-engineer", "en-US", null, bank(1, 3, 5, 9, 13, 14, 16, 17),
                    120, 25, 60, List.of("hiring@acme.example"), new PlanInput.FollowUpsInput(true, 2), 7, 90, null, null,
                    null, null);
            assertThat(errors(input)).as(title).extracting(FieldError::field).containsExactly("roleTitle");
        }
    }

    private static PlanInput answering(String capture, Integer retakes, Boolean integrity, String timeZone) {
        PlanInput v = valid();
        return new PlanInput(v.roleTitle(), v.bankRole(), v.language(), v.reportLanguage(), v.questions(),
                v.answerSeconds(), v.slotMinutes(), v.passThreshold(), v.recipients(), v.followUps(),
                v.invitationWindowDays(), v.retentionDays(), capture, retakes, integrity, timeZone);
    }

    @Test
    void aPlanRecordsSoundWithoutRetakesWithIntegritySignalsInUtcUnlessItSaysOtherwise() {
        PlanRules.PlanContent content = rules.check(valid());
        assertThat(content.answering()).isEqualTo(Answering.DEFAULT);
        assertThat(content.answering().capture()).isEqualTo(Answering.Capture.AUDIO);
        assertThat(content.timeZone()).isEqualTo("UTC");
        PlanRules.PlanContent video = rules.check(answering("video", 2, false, "America/New_York"));
        assertThat(video.answering()).isEqualTo(new Answering(Answering.Capture.VIDEO, 2, false));
        assertThat(video.answering().takesPerQuestion()).isEqualTo(3);
        assertThat(video.timeZone()).isEqualTo("America/New_York");
    }

    @Test
    void captureRetakesAndTimeZoneAreCheckedAndNamed() {
        List<FieldError> errors = errors(answering("film", 3, null, "Mars/Olympus"));
        assertThat(errors).extracting(FieldError::field).containsExactly("capture", "retakesPerQuestion", "timeZone");
        assertThat(errors.get(0).reason()).isEqualTo("must be audio or video");
        assertThat(errors.get(1).reason()).isEqualTo("must be from 0 to 2");
        assertThat(errors(answering(null, -1, null, "+02:00"))).extracting(FieldError::field)
                .containsExactly("retakesPerQuestion", "timeZone");
    }
}
