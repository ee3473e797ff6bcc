package dev.prescreen.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    void namesAreOneLineWithoutDirectionalTricks() {
        assertThat(Text.nameProblem("Zoë Ångström-Łukasz 李")).isEmpty();
        assertThat(Text.nameProblem("Bob\r\nBcc: x@y")).hasValueSatisfying(r -> assertThat(r).contains("control"));
        assertThat(Text.nameProblem("Eve \u202Egpj.exe")).hasValueSatisfying(r -> assertThat(r).contains("bidirectional"));
        assertThat(Text.nameProblem("a\ud800")).hasValueSatisfying(r -> assertThat(r).contains("surrogate"));
    }

    @Test
    void freeTextKeepsLinesButNotNulOrBrokenUnicode() {
        assertThat(Text.problem("line one\nline two\t😀")).isEmpty();
        assertThat(Text.problem("a\u0000b")).isPresent();
        assertThat(Text.problem("\udc00")).isPresent();
    }

    @Test
    void aSubjectLineLosesControlsAndOverrides() {
        assertThat(Text.oneLine("Bob\r\n\u202E Smith")).isEqualTo("Bob Smith");
    }
}
