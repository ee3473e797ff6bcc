package dev.prescreen.domain.bank;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prescreen.scoring.QuestionType;
import java.util.EnumSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class QuestionBanksTest {

    @Test
    void backendEngineerBankHasTwentyQuestionsOfEveryType() {
        QuestionBank bank = QuestionBanks.builtIn().find("backend-engineer", "en-US").orElseThrow();
        assertThat(bank.title()).isEqualTo("Backend Engineer");
        assertThat(bank.language()).isEqualTo("en-US");
        assertThat(bank.questions()).hasSize(20);
        assertThat(bank.questions().stream().map(BankQuestion::number))
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 20).boxed().collect(Collectors.toList()));
        assertThat(bank.questions().stream().map(BankQuestion::type).collect(Collectors.toSet()))
                .isEqualTo(EnumSet.allOf(QuestionType.class));
        assertThat(bank.types().keySet()).isEqualTo(EnumSet.allOf(QuestionType.class));
        assertThat(bank.questions()).allSatisfy(q -> {
            assertThat(q.text()).isNotBlank();
            assertThat(q.concepts()).hasSizeBetween(5, 15);
        });
        assertThat(bank.question(16)).get().extracting(BankQuestion::type).isEqualTo(QuestionType.SITUATIONAL);
        assertThat(bank.question(21)).isEmpty();
    }

    @Test
    void theBankIsWrittenInEveryInterviewLanguageWithTheSameNumbersTypesAndOwnConcepts() {
        QuestionBank english = QuestionBanks.builtIn().find("backend-engineer", "en-US").orElseThrow();
        assertThat(QuestionBanks.builtIn().languages("backend-engineer"))
                .containsExactlyInAnyOrderElementsOf(dev.prescreen.domain.Languages.SUPPORTED);
        for (String language : dev.prescreen.domain.Languages.SUPPORTED) {
            QuestionBank bank = QuestionBanks.builtIn().find("backend-engineer", language).orElseThrow();
            assertThat(bank.language()).isEqualTo(language);
            assertThat(bank.types().keySet()).as(language).isEqualTo(EnumSet.allOf(QuestionType.class));
            assertThat(bank.questions()).as(language).hasSameSizeAs(english.questions());
            for (BankQuestion q : english.questions()) {
                BankQuestion translated = bank.question(q.number()).orElseThrow();
                assertThat(translated.type()).as(language + " " + q.number()).isEqualTo(q.type());
                assertThat(translated.concepts()).as(language + " " + q.number()).hasSizeGreaterThanOrEqualTo(5);
                if (!language.equals("en-US")) {
                    assertThat(translated.text()).as(language + " " + q.number()).isNotEqualTo(q.text());
                }
            }
        }
        assertThat(QuestionBanks.builtIn().find("backend-engineer", "en-GB")).isEmpty();
    }

    @Test
    void aBankAskedForIsRefusedByNameWhenItsRoleOrLanguageIsUnknown() {
        QuestionBanks banks = QuestionBanks.builtIn();
        assertThat(banks.require("backend-engineer", "sv-SE").language()).isEqualTo("sv-SE");
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(dev.prescreen.domain.DomainException.InvalidInput.class,
                () -> banks.require("backend-engineer", "en-GB")).errors()).extracting(dev.prescreen.domain.FieldError::field)
                .containsExactly("language");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> banks.require("astronaut", "en-US"))
                .isInstanceOf(dev.prescreen.domain.DomainException.NotFound.class);
    }

    @Test
    void loadsOnce() {
        assertThat(QuestionBanks.builtIn()).isSameAs(QuestionBanks.builtIn());
        assertThat(QuestionBanks.builtIn().all()).isNotEmpty();
    }
}
