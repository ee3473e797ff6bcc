package dev.prescreen.local.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.prescreen.domain.interview.Answer;
import dev.prescreen.domain.interview.AnswerState;
import dev.prescreen.domain.interview.InvitationTokens;
import dev.prescreen.domain.plan.Answering;
import dev.prescreen.domain.session.ConsentNotice;
import dev.prescreen.local.cloud.junit.Poll;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Assumptions;

/** Spoken answers for the tests: speech synthesised with espeak-ng, uploaded as a page uploads it, transcribed. */
final class SpokenAnswers {

    /** An answer uploaded through the session API. */
    record Upload(String organisation, String interviewId, String answerId, String token) {
    }

    private SpokenAnswers() {
    }

    /** espeak-ng, ffmpeg and pocketsphinx (the local Transcribe) are needed; CI installs them (.ci/run). */
    static void assumeSpeechTools() {
        boolean present = Files.isExecutable(Path.of("/usr/bin/espeak-ng")) && Files.isExecutable(Path.of("/usr/bin/ffmpeg"))
                && Files.isExecutable(Path.of("/usr/bin/pocketsphinx_continuous"));
        Assumptions.assumeTrue(present || System.getenv("CI") != null,
                "espeak-ng, ffmpeg or pocketsphinx missing: apt-get install espeak-ng ffmpeg pocketsphinx pocketsphinx-en-us");
    }

    /** The text spoken by espeak-ng, as WAV (22,050 Hz mono, 16-bit). */
    static byte[] speech(Path dir, String text) throws Exception {
        Path wav = dir.resolve("speech-" + UUID.randomUUID() + ".wav");
        Process espeak = new ProcessBuilder("espeak-ng", "-s", "150", "-w", wav.toString(), text)
                .redirectErrorStream(true).start();
        assertThat(espeak.waitFor()).isZero();
        return Files.readAllBytes(wav);
    }

    /** A WAV's duration from its header, by the JDK's own reader (not the code under test). */
    static double seconds(byte[] wav) throws Exception {
        AudioFileFormat format = AudioSystem.getAudioFileFormat(new ByteArrayInputStream(wav));
        return format.getFrameLength() / format.getFormat().getFrameRate();
    }

    /** The loudest sample (0..1) of a 16-bit WAV between two moments, in seconds. */
    static double peak(byte[] wav, double fromSeconds, double toSeconds) throws Exception {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(new ByteArrayInputStream(wav))) {
            AudioFormat format = in.getFormat();
            assertThat(format.getSampleSizeInBits()).isEqualTo(16);
            byte[] samples = in.readAllBytes();
            int frame = format.getFrameSize();
            int from = (int) Math.max(0, fromSeconds * format.getFrameRate()) * frame;
            int to = (int) Math.min(samples.length / frame, toSeconds * format.getFrameRate()) * frame;
            int loudest = 0;
            for (int i = from; i + 1 < to; i += 2) {
                int sample = format.isBigEndian() ? (samples[i] << 8) | (samples[i + 1] & 0xff)
                        : (samples[i + 1] << 8) | (samples[i] & 0xff);
                loudest = Math.max(loudest, Math.abs(sample));
            }
            return loudest / 32768.0;
        }
    }

    /** The same WAV with this much digital silence before and after it. */
    static byte[] padded(byte[] wav, double leadSeconds, double trailSeconds) throws Exception {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(new ByteArrayInputStream(wav))) {
            AudioFormat format = in.getFormat();
            int frame = format.getFrameSize();
            byte[] samples = in.readAllBytes();
            byte[] lead = new byte[(int) (leadSeconds * format.getFrameRate()) * frame];
            byte[] trail = new byte[(int) (trailSeconds * format.getFrameRate()) * frame];
            ByteArrayOutputStream pcm = new ByteArrayOutputStream();
            pcm.write(lead);
            pcm.write(samples);
            pcm.write(trail);
            byte[] all = pcm.toByteArray();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(all), format, all.length / frame),
                    AudioFileFormat.Type.WAVE, out);
            return out.toByteArray();
        }
    }

    /** A new interview on a typical plan whose first answer is this WAV, uploaded and submitted as a page does. */
    static Upload upload(LocalRuntime runtime, byte[] audio) throws Exception {
        Fixtures.Invited invited = Fixtures.invitedWithoutFollowUps(runtime);
        String organisation = invited.organisation();
        String token = invited.token();
        ApiClient candidate = new ApiClient(runtime.apiEndpoint(), null);
        candidate.post("/sessions/" + token + "/consent", Map.of("noticeVersion",
                ConsentNotice.version("en-US", Answering.DEFAULT)));
        String answerId = candidate.get("/sessions/" + token + "/question").json().path("answerId").asText();
        JsonNode ticket = candidate.post("/sessions/" + token + "/answers/" + answerId + "/upload-url",
                Map.of("contentType", "audio/wav", "contentLength", audio.length)).json();
        HttpResponse<String> put = SessionApiIT.put(ticket, audio);
        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(candidate.post("/sessions/" + token + "/answers/" + answerId, Map.of("mode", "recording")).status())
                .isEqualTo(200);
        String interviewId = Fixtures.interviews(runtime).findToken(InvitationTokens.hash(token)).orElseThrow()
                .interviewId();
        return new Upload(organisation, interviewId, answerId, token);
    }

    /** The answer once its transcript is in, or its transcription has failed. */
    static Answer transcribed(LocalRuntime runtime, String organisation, String interviewId, String answerId,
            Duration timeout) {
        return Poll.until("the transcription of " + answerId, timeout, () -> Fixtures.interviews(runtime)
                .answer(organisation, interviewId, answerId)
                .filter(a -> a.transcript() != null || a.state() == AnswerState.TRANSCRIPTION_FAILED));
    }
}
