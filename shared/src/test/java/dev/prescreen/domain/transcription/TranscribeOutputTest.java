package dev.prescreen.domain.transcription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.prescreen.domain.Transcript;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TranscribeOutputTest {

    static String fixture(String name) throws IOException {
        try (InputStream in = TranscribeOutputTest.class.getResourceAsStream("/transcribe/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void readsTextWordTimingsConfidencesAndPunctuation() throws IOException {
        Transcript transcript = TranscribeOutput.parse(fixture("completed-job-output.json"));
        assertThat(transcript.text()).startsWith("I migrated our billing service to Kubernetes,");
        assertThat(transcript.words()).hasSize(15);
        Transcript.Word kubernetes = transcript.words().get(6);
        assertThat(kubernetes.content()).isEqualTo("Kubernetes");
        assertThat(kubernetes.startSeconds()).isCloseTo(1.81, within(1e-9));
        assertThat(kubernetes.endSeconds()).isCloseTo(2.55, within(1e-9));
        assertThat(kubernetes.confidence()).isCloseTo(0.942, within(1e-9));
        assertThat(transcript.words().get(7).punctuation()).isTrue();
        assertThat(transcript.spoken()).isTrue();
        assertThat(TranscribeOutput.spokenSeconds(transcript)).isCloseTo(4.62, within(1e-9));
    }

    @Test
    void anEmptyResultIsAnEmptySpokenTranscript() throws IOException {
        Transcript transcript = TranscribeOutput.parse(fixture("silent-job-output.json"));
        assertThat(transcript.text()).isEmpty();
        assertThat(transcript.words()).isEmpty();
        assertThat(TranscribeOutput.spokenSeconds(transcript)).isZero();
    }
}
