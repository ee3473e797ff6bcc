package dev.prescreen.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConcurrentWritesTest {

    @Test
    void aLostWriteIsTriedAgainFromTheRead() {
        AtomicInteger attempts = new AtomicInteger();
        String outcome = ConcurrentWrites.retry("report", "the report",
                () -> attempts.incrementAndGet() < 3 ? Optional.empty() : Optional.of("written"));
        assertThat(outcome).isEqualTo("written");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void aWriteThatKeepsLosingFailsLoudlyWithTheFieldNamed() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> ConcurrentWrites.retry("report", "the report", () -> {
            attempts.incrementAndGet();
            return false;
        })).isInstanceOfSatisfying(DomainException.WriteConflict.class, e -> {
            assertThat(e.errors()).extracting(FieldError::field).containsExactly("report");
            assertThat(e.getMessage()).contains("the report");
        });
        assertThat(attempts).hasValue(ConcurrentWrites.ATTEMPTS);
    }
}
