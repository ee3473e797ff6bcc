package dev.prescreen.local.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prescreen.cloud.Bucket;
import dev.prescreen.domain.interview.Answer;
import dev.prescreen.domain.interview.InterviewState;
import dev.prescreen.domain.interview.InvitationTokens;
import dev.prescreen.domain.plan.Plan;
import dev.prescreen.local.cloud.ProjectLayout;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The candidate page in real headless Chromium (driven by playwright-core) with a fake microphone fed from
 * a WAV file: two answers by voice, the rest typed.
 */
@ExtendWith(LocalRuntimeExtension.class)
class CandidatePageIT {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

    @Test
    void aCandidateCompletesTheInterviewInTheBrowserAndTheRecordingsArriveInS3(LocalRuntime runtime, @org.junit.jupiter.api.io.TempDir Path temp)
            throws Exception {
        // CI installs Chromium (.ci/run); a developer machine without it skips this one test, saying why.
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) || System.getenv("CI") != null,
                "Chromium not installed at " + CHROMIUM + ": browser test skipped (apt-get install chromium)");
        String organisation = "org-" + UUID.randomUUID();
        ApiClient recruiter = ApiClient.recruiter(runtime, organisation);
        Map<String, Object> body = new HashMap<>(PlansApiIT.validPlan());
        body.put("followUps", Map.of("enabled", false));
        Plan plan = Fixtures.frozenPlan(runtime, recruiter, organisation, body);
        String token = Fixtures.invite(runtime, plan, Clock.systemUTC());
        Path wav = temp.resolve("voice.wav");
        Files.write(wav, toneWav(4));
        Path screenshot = temp.resolve("page.png");

        Process node = new ProcessBuilder("node", "e2e/candidate-page.mjs",
                runtime.apiEndpoint() + "/interview/#" + token, wav.toString(), "2", screenshot.toString())
                .directory(ProjectLayout.root().toFile()).redirectErrorStream(true).start();
        boolean exited = node.waitFor(180, TimeUnit.SECONDS);
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!exited) {
            node.destroyForcibly();
        }
        assertThat(exited).as("browser run finished: " + output).isTrue();
        assertThat(node.exitValue()).as(output).isZero();
        assertThat(output).contains("\"voice\":2", "\"typed\":5", "\"done\":true");
        assertThat(Files.size(screenshot)).isPositive();

        var interviews = Fixtures.interviews(runtime);
        String interviewId = interviews.findToken(InvitationTokens.hash(token)).orElseThrow().interviewId();
        assertThat(interviews.find(organisation, interviewId).orElseThrow().state())
                .isIn(InterviewState.SUBMITTED, InterviewState.COMPLETED);
        List<Answer> answers = interviews.answers(organisation, interviewId);
        List<Answer> spoken = answers.stream().filter(a -> Answer.RECORDING.equals(a.mode())).toList();
        assertThat(spoken).hasSize(2);
        String bucket = runtime.settings().bucketName(Bucket.RECORDINGS);
        for (Answer answer : spoken) {
            var head = runtime.clients().s3().headObject(r -> r.bucket(bucket).key(answer.recordingKey()));
            assertThat(head.contentLength()).isGreaterThan(1000);
            assertThat(head.contentType()).startsWith("audio/webm");
        }
    }

    /** A WAV file of a few seconds of a 440 Hz tone, as the fake microphone's input. */
    static byte[] toneWav(int seconds) throws IOException {
        int rate = 16000;
        int samples = rate * seconds;
        ByteBuffer pcm = ByteBuffer.allocate(samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < samples; i++) {
            pcm.putShort((short) (Math.sin(2 * Math.PI * 440 * i / rate) * 8000));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        header.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + samples * 2)
                .put("WAVE".getBytes(StandardCharsets.US_ASCII)).put("fmt ".getBytes(StandardCharsets.US_ASCII))
                .putInt(16).putShort((short) 1).putShort((short) 1).putInt(rate).putInt(rate * 2)
                .putShort((short) 2).putShort((short) 16).put("data".getBytes(StandardCharsets.US_ASCII))
                .putInt(samples * 2);
        out.write(header.array());
        out.write(pcm.array());
        return out.toByteArray();
    }
}
