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
        QuestionBank bank = QuestionBanks.builtIn().find("backend-engineer").orElseThrow();
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
    void loadsOnce() {
        assertThat(QuestionBanks.builtIn()).isSameAs(QuestionBanks.builtIn());
        assertThat(QuestionBanks.builtIn().all()).isNotEmpty();
    }
}
