package dev.prescreen.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class QuestionTypeTest {

    @Test
    void readsTheSeedsLabelsAndTheEnumNames() {
        assertThat(QuestionType.fromLabel("Behavioral")).isEqualTo(QuestionType.BEHAVIORAL);
        assertThat(QuestionType.fromLabel("situational")).isEqualTo(QuestionType.SITUATIONAL);
        assertThat(QuestionType.fromLabel("EXPERIENCE")).isEqualTo(QuestionType.EXPERIENCE);
    }

    @Test
    void rejectsAnUnknownType() {
        assertThatThrownBy(() -> QuestionType.fromLabel("Motivation"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Motivation");
    }
}
