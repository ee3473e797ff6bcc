package dev.prescreen.local.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.prescreen.cloud.Bucket;
import dev.prescreen.domain.Transcript;
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
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The candidate page in real headless Chromium (driven by playwright-core, e2e/candidate-page.mjs) with a fake
 * microphone fed from a WAV file: in English two answers by voice, the rest typed; in other languages every
 * answer typed, with the page's language and texts checked against its catalogue.
 */
@ExtendWith(LocalRuntimeExtension.class)
class CandidatePageIT {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A recruiter-written question in the plan's language (the others come from the language's bank). */
    private static final Map<String, String> OWN_QUESTION = Map.of(
            "en-US", "Why do you want to work on hiring software?",
            "es-ES", "¿Por qué quieres trabajar en software de selección de personal?",
            "de-DE", "Warum möchten Sie an Software für die Personalauswahl arbeiten?");

    private static void assumeChromium() {
        // CI installs Chromium (.ci/run); a developer machine without it skips these tests, saying why.
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) || System.getenv("CI") != null,
                "Chromium not installed at " + CHROMIUM + ": browser test skipped (apt-get install chromium)");
    }

    /** What e2e/candidate-page.mjs did: its exit code and the JSON line it printed, with all its output. */
    private record Run(int exitCode, String output, JsonNode result) {
    }

    /** Screenshots are kept as test output, to look at: {@code local/runtime/target/screenshots/}. */
    private static Path screenshot(String name) throws IOException {
        Path dir = Path.of("target", "screenshots").toAbsolutePath();
        Files.createDirectories(dir);
        return dir.resolve(name);
    }

    private static Run runPage(LocalRuntime runtime, String token, Path wav, int voiceAnswers, Path screenshot,
            String language) throws Exception {
        return runPage(runtime, token, wav, voiceAnswers, screenshot, language, Map.of());
    }

    /** @param scenario e2e/candidate-page.mjs's settings (VIEWPORT, KEYBOARD, CAMERA, RETAKES, …) */
    private static Run runPage(LocalRuntime runtime, String token, Path wav, int voiceAnswers, Path screenshot,
            String language, Map<String, String> scenario) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("node", "e2e/candidate-page.mjs",
                runtime.apiEndpoint() + "/interview/#" + token, wav.toString(), String.valueOf(voiceAnswers),
                screenshot.toString(), language)
                .directory(ProjectLayout.root().toFile()).redirectErrorStream(true);
        builder.environment().putAll(scenario);
        Process node = builder.start();
        boolean exited = node.waitFor(240, TimeUnit.SECONDS);
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!exited) {
            node.destroyForcibly();
        }
        assertThat(exited).as("browser run finished: " + output).isTrue();
        String line = output.lines().filter(l -> l.startsWith("{")).reduce((first, last) -> last).orElse("{}");
        return new Run(node.exitValue(), output, JSON.readTree(line));
    }

    private static String format(String message, Map<String, String> values) {
        String text = message;
        for (Map.Entry<String, String> value : values.entrySet()) {
            text = text.replace("{" + value.getKey() + "}", value.getValue());
        }
        return text;
    }

    @Test
    void aCandidateCompletesTheInterviewInTheBrowserAndTheRecordingsArriveInS3(LocalRuntime runtime, @TempDir Path temp)
            throws Exception {
        assumeChromium();
        Fixtures.Invited invited = Fixtures.invitedWithoutFollowUps(runtime);
        String organisation = invited.organisation();
        String token = invited.token();
        Path wav = temp.resolve("voice.wav");
        Files.write(wav, toneWav(4));
        Path screenshot = screenshot("page-en-US.png");

        Run run = runPage(runtime, token, wav, 2, screenshot, "en-US");
        String output = run.output();
        assertThat(run.exitCode()).as(output).isZero();
        assertThat(output).contains("\"voice\":2", "\"typed\":5", "\"done\":true");
        assertThat(run.result().path("lang").asText()).isEqualTo("en-US");
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
            // the page encodes speech as 16 kHz mono PCM WAV (speech.js)
            assertThat(head.contentType()).isEqualTo("audio/wav");
        }
    }

    @Test
    void aSpokenAnswerIsKeptFromItsFirstWordToItsLastAndTranscribedAsBefore(LocalRuntime runtime, @TempDir Path temp)
            throws Exception {
        assumeChromium();
        SpokenAnswers.assumeSpeechTools();
        byte[] speech = SpokenAnswers.speech(temp, "I moved our ingestion to queues and it cut our costs by forty percent");
        double speechSeconds = SpokenAnswers.seconds(speech);
        // The microphone: two seconds of silence before the candidate speaks and ten after, as when they press record,
        // think, answer, and wait (the fake microphone loops the file).
        byte[] padded = SpokenAnswers.padded(speech, 2, 10);
        double paddedSeconds = SpokenAnswers.seconds(padded);
        Fixtures.Invited invited = Fixtures.invitedWithoutFollowUps(runtime);
        String organisation = invited.organisation();
        String token = invited.token();
        Path wav = temp.resolve("microphone.wav");
        Files.write(wav, padded);

        // The candidate presses record, speaks, falls silent and never presses stop: the page finishes by itself.
        Path shots = Path.of("target", "screenshots", "silence").toAbsolutePath();
        Run run = runPage(runtime, token, wav, 1, screenshot("page-silence.png"), "en-US", Map.of("AUTO_STOP", "1",
                "SCREENSHOTS", shots.toString()));
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.result().path("autoStops").asInt()).as(run.output()).isEqualTo(1);
        assertAccessible(run, "question", "finishing", "done");
        Map<String, String> messages = CandidatePageSources.catalogue("en-US");
        JsonNode texts = run.result().path("texts");
        assertThat(texts.path("listening").asText()).isEqualTo(messages.get("voice.listening"));
        assertThat(texts.path("finishingStatus").asText()).isEqualTo(messages.get("voice.finishingAnnounce"));
        assertThat(texts.path("countdown").asText()).matches(java.util.regex.Pattern.quote(
                messages.get("voice.finishing")).replace("{seconds}", "\\E\\d\\Q"));

        var interviews = Fixtures.interviews(runtime);
        String interviewId = interviews.findToken(InvitationTokens.hash(token)).orElseThrow().interviewId();
        Answer spoken = interviews.answers(organisation, interviewId).stream()
                .filter(a -> Answer.RECORDING.equals(a.mode())).findFirst().orElseThrow();
        Answer trimmed = SpokenAnswers.transcribed(runtime, organisation, interviewId, spoken.answerId(),
                java.time.Duration.ofSeconds(90));
        byte[] stored = runtime.clients().s3().getObjectAsBytes(r -> r.bucket(runtime.settings()
                .bucketName(Bucket.RECORDINGS)).key(trimmed.recordingKey())).asByteArray();
        double kept = SpokenAnswers.seconds(stored);
        // The stored recording: the speech with at most two seconds around it, not the twelve the microphone gave.
        assertThat(trimmed.audioSeconds()).as("metered from the file").isCloseTo(kept,
                org.assertj.core.data.Offset.offset(0.01));
        assertThat(kept).isLessThan(paddedSeconds - 8).isGreaterThan(speechSeconds - 0.5);
        assertThat(kept - speechSeconds).as("silence kept around the speech").isLessThanOrEqualTo(2.0);
        System.out.printf(java.util.Locale.ROOT, "silence trimming: microphone %.2f s, speech %.2f s, kept %.2f s%n",
                paddedSeconds, speechSeconds, kept);

        // Nothing spoken was cut: the kept recording begins and ends in silence (its pre-roll and its tail) ...
        assertThat(SpokenAnswers.peak(stored, 0, 0.2)).as("loudest sample of the first 0.2 s").isLessThan(0.01);
        assertThat(SpokenAnswers.peak(stored, kept - 0.2, kept)).as("loudest sample of the last 0.2 s").isLessThan(0.01);
        // ... and what was left out was only silence: with the microphone's silence put back around it, the recording
        // is transcribed to the same words. (The recogniser here is pocketsphinx, far from Transcribe, and sensitive to
        // the browser's audio processing, so the words are compared with the same audio, not with the synthesised text.)
        SpokenAnswers.Upload whole = SpokenAnswers.upload(runtime, SpokenAnswers.padded(stored, 2, 10));
        Answer reference = SpokenAnswers.transcribed(runtime, whole.organisation(), whole.interviewId(),
                whole.answerId(), java.time.Duration.ofSeconds(90));
        assertThat(words(trimmed)).as("transcript of the trimmed recording").isNotEmpty()
                .isEqualTo(words(reference));
    }

    private static List<String> words(Answer answer) {
        return answer.transcript().words().stream().filter(w -> !w.punctuation()).map(Transcript.Word::content).toList();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"es-ES", "de-DE"})
    void aCandidateTakesTheInterviewInThePlansLanguageTypingEveryAnswer(String language, LocalRuntime runtime,
            @TempDir Path temp) throws Exception {
        assumeChromium();
        String organisation = "org-" + UUID.randomUUID();
        ApiClient recruiter = ApiClient.recruiter(runtime, organisation);
        Map<String, Object> body = new HashMap<>(PlansApiIT.validPlan());
        body.put("language", language);
        List<Object> questions = new java.util.ArrayList<>((List<?>) body.get("questions"));
        questions.set(questions.size() - 1, Map.of("text", OWN_QUESTION.get(language), "type", "General"));
        body.put("questions", questions);
        body.put("followUps", Map.of("enabled", false));
        Plan plan = Fixtures.frozenPlan(runtime, recruiter, organisation, body);
        assertThat(plan.language()).isEqualTo(language);
        String token = Fixtures.invite(runtime, plan, Clock.systemUTC());
        // In Spanish the microphone is silent, in German the browser may not use it: the device check says so.
        boolean silent = language.equals("es-ES");
        Path wav = temp.resolve("silence.wav");
        Files.write(wav, silent ? silenceWav(3) : toneWav(1));
        Path screenshot = screenshot("page-" + language + ".png");

        // In Spanish the candidate skips the self-identification; in German they ask for an alternative on the
        // notice first and send the form at the end.
        Run run = runPage(runtime, token, wav, 0, screenshot, language, silent ? Map.of("SELF_ID", "skip")
                : Map.of("MICROPHONE", "denied", "VIEWPORT", "desktop", "ALTERNATIVE", "1", "SELF_ID", "1"));
        JsonNode result = run.result();
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(result.path("done").asBoolean()).as(run.output()).isTrue();
        assertThat(result.path("typed").asInt()).as(run.output()).isEqualTo(questions.size());
        assertThat(result.path("voice").asInt()).isZero();

        // The page speaks the plan's language, in the words of that language's catalogue.
        Map<String, String> messages = CandidatePageSources.catalogue(language);
        JsonNode texts = result.path("texts");
        assertThat(result.path("lang").asText()).isEqualTo(language);
        assertThat(texts.path("consentButton").asText()).isEqualTo(messages.get("notice.start"));
        assertThat(texts.path("consentLabel").asText()).isEqualTo(messages.get("notice.consent"));
        assertThat(texts.path("typedButton").asText()).isEqualTo(messages.get("typed.send"));
        assertThat(texts.path("title").asText())
                .isEqualTo(format(messages.get("page.titleWithRole"), Map.of("role", plan.roleTitle())));
        assertThat(texts.path("questionLabel").asText()).isEqualTo(format(messages.get("question.label"),
                Map.of("position", "1", "count", String.valueOf(questions.size()))));
        assertThat(texts.path("doneHeading").asText()).isEqualTo(messages.get("done.heading"));
        assertThat(result.path("checkResult").asText()).isEqualTo(silent ? "silent" : "denied");
        assertThat(texts.path("checkStatus").asText()).isEqualTo(messages.get(silent ? "check.silent" : "check.denied"));
        assertAccessible(run, "consent", "device-check", "practice", "question", "done");
        assertThat(texts.path("consentButton").asText())
                .isNotEqualTo(CandidatePageSources.catalogue("en-US").get("notice.start"));
        var interviews0 = Fixtures.interviews(runtime);
        String interview0 = interviews0.findToken(InvitationTokens.hash(token)).orElseThrow().interviewId();
        var selfIds = runtime.clients().dynamoDb().scan(r -> r.tableName(runtime.settings()
                .tableName(dev.prescreen.cloud.Table.SELF_IDENTIFICATION))).items().stream()
                .filter(item -> item.get("sk").s().endsWith(interview0)).toList();
        if (silent) {
            assertThat(result.path("selfIdentification").asText()).isEqualTo("skipped");
            assertThat(selfIds).isEmpty();
        } else {
            assertAccessible(run, "alternative");
            assertThat(result.path("alternativeRequested").asBoolean()).as(run.output()).isTrue();
            assertThat(interviews0.find(organisation, interview0).orElseThrow().accommodation().requestOpen()).isTrue();
            assertThat(result.path("selfIdentification").asText()).isEqualTo("sent");
            assertThat(texts.path("selfIdThanks").asText()).isEqualTo(messages.get("selfId.thanks"));
            assertThat(selfIds).singleElement().satisfies(item -> {
                assertThat(item.get("sex").s()).isEqualTo("female");
                assertThat(item.get("raceEthnicity").s()).isEqualTo("asian");
            });
        }

        // Every typed answer arrived.
        var interviews = Fixtures.interviews(runtime);
        String interviewId = interviews.findToken(InvitationTokens.hash(token)).orElseThrow().interviewId();
        assertThat(interviews.find(organisation, interviewId).orElseThrow().state())
                .isIn(InterviewState.SUBMITTED, InterviewState.COMPLETED);
        List<Answer> answers = interviews.answers(organisation, interviewId);
        assertThat(answers).hasSize(questions.size()).allSatisfy(answer -> {
            assertThat(answer.mode()).isEqualTo(Answer.TYPED);
            assertThat(answer.language()).isEqualTo(language);
        });
        List<String> shown = new java.util.ArrayList<>();
        result.path("questions").forEach(q -> shown.add(q.path("text").asText()));
        assertThat(answers).extracting(Answer::questionText).containsExactlyInAnyOrderElementsOf(shown)
                .contains(OWN_QUESTION.get(language));
    }

    /** A plan as the browser tests use it: the API's valid plan with these settings changed. */
    private static Plan plan(LocalRuntime runtime, String organisation, Map<String, Object> settings) {
        Map<String, Object> body = new HashMap<>(PlansApiIT.validPlan());
        body.put("followUps", Map.of("enabled", false));
        body.putAll(settings);
        return Fixtures.frozenPlan(runtime, ApiClient.recruiter(runtime, organisation), organisation, body);
    }

    private static List<Answer> answers(LocalRuntime runtime, String organisation, String token) {
        var interviews = Fixtures.interviews(runtime);
        String interviewId = interviews.findToken(InvitationTokens.hash(token)).orElseThrow().interviewId();
        return interviews.answers(organisation, interviewId).stream()
                .sorted(java.util.Comparator.comparing(Answer::answerId)).toList();
    }

    private static String interviewId(LocalRuntime runtime, String token) {
        return Fixtures.interviews(runtime).findToken(InvitationTokens.hash(token)).orElseThrow().interviewId();
    }

    /** Every screen the run passed was checked by axe, with no serious or critical violation. */
    private static void assertAccessible(Run run, String... screens) {
        JsonNode result = run.result();
        List<String> seen = new java.util.ArrayList<>();
        result.path("screens").forEach(screen -> seen.add(screen.asText()));
        assertThat(seen).as(run.output()).contains(screens);
        assertThat(result.path("blocking")).as("serious or critical axe violations: " + run.output()).isEmpty();
    }

    @Test
    void aVideoInterviewWithPracticeAndARetakeEndsInAReportWithVideoLinks(LocalRuntime runtime, @TempDir Path temp)
            throws Exception {
        assumeChromium();
        String organisation = "org-" + UUID.randomUUID();
        Plan plan = plan(runtime, organisation, Map.of("capture", "video", "retakesPerQuestion", 1));
        String token = Fixtures.invite(runtime, plan, Clock.systemUTC());
        Path wav = temp.resolve("voice.wav");
        Files.write(wav, toneWav(4));
        Path shots = screenshot("desktop");

        Run run = runPage(runtime, token, wav, 2, screenshot("video-desktop.png"), "en-US", Map.of(
                "VIEWPORT", "desktop", "PRACTICE", "1", "RETAKES", "1", "SCREENSHOTS", shots.toString(),
                "ERROR_SCREEN", "1"));
        JsonNode result = run.result();
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertAccessible(run, "consent", "device-check", "practice", "question", "review", "done", "error");
        // the device check heard the fake microphone and saw the fake camera; the practice played back in the page
        assertThat(result.path("checkResult").asText()).isEqualTo("heard");
        Map<String, String> english = CandidatePageSources.catalogue("en-US");
        assertThat(result.path("texts").path("checkCamera").asText()).isEqualTo(english.get("check.cameraOk"));
        assertThat(result.path("practicePlayback").path("tag").asText()).isEqualTo("video");
        assertThat(result.path("practiceUploads").asInt()).as("nothing of the practice is sent").isZero();
        assertThat(result.path("texts").path("noticeText").asText())
                .contains("recorded on video", "no facial, emotional or body-language analysis");
        assertThat(result.path("retakes").asInt()).isEqualTo(1);

        List<Answer> spoken = answers(runtime, organisation, token).stream()
                .filter(a -> Answer.RECORDING.equals(a.mode())).toList();
        assertThat(spoken).hasSize(2);
        assertThat(spoken).extracting(Answer::takes).containsExactly(2, 1);
        String bucket = runtime.settings().bucketName(Bucket.RECORDINGS);
        for (Answer answer : spoken) {
            assertThat(answer.recordingContentType()).isEqualTo("video/webm");
            assertThat(answer.videoFallback()).isNull();
            var head = runtime.clients().s3().headObject(r -> r.bucket(bucket).key(answer.recordingKey()));
            assertThat(head.contentType()).startsWith("video/webm");
            assertThat(head.contentLength()).isGreaterThan(10_000);
        }

        // The report: each answer's capture and takes, and a short-lived link to each video.
        String interviewId = interviewId(runtime, token);
        ApiClient recruiter = ApiClient.recruiter(runtime, organisation);
        JsonNode report = dev.prescreen.local.cloud.junit.Poll.until("the report", java.time.Duration.ofSeconds(90), () -> {
            ApiClient.Response response = recruiter.get("/interviews/" + interviewId + "/report");
            return response.status() == 200 ? java.util.Optional.of(response.json()) : java.util.Optional.empty();
        });
        // Transcription took the sound track out of the WebM video (locally ffmpeg, in AWS Transcribe).
        assertThat(answers(runtime, organisation, token)).filteredOn(a -> Answer.RECORDING.equals(a.mode()))
                .allSatisfy(answer -> {
                    assertThat(answer.transcription()).isNotNull();
                    assertThat(String.valueOf(answer.failureReason())).doesNotContain("could not be decoded", "Internal");
                });
        JsonNode first = report.path("report").path("questions").get(0).path("deliveries").get(0);
        assertThat(first.path("capture").asText()).isEqualTo("video");
        assertThat(first.path("takes").asInt()).isEqualTo(2);
        JsonNode links = report.path("recordings");
        assertThat(links.size()).isEqualTo(2);
        String link = links.elements().next().asText();
        assertThat(link).contains("X-Amz-Expires=");
        var video = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(link)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(video.statusCode()).isEqualTo(200);
        assertThat(video.body().length).isGreaterThan(10_000);
    }

    @Test
    void aCandidateWhoDeniesTheCameraAnswersBySoundAndTheReportSaysWhy(LocalRuntime runtime, @TempDir Path temp)
            throws Exception {
        assumeChromium();
        String organisation = "org-" + UUID.randomUUID();
        Plan plan = plan(runtime, organisation, Map.of("capture", "video"));
        String token = Fixtures.invite(runtime, plan, Clock.systemUTC());
        Path wav = temp.resolve("voice.wav");
        Files.write(wav, toneWav(4));

        // the first recording is claimed larger than the cap: the server refuses it, the page says why and the
        // candidate types that answer; the second is spoken
        Run run = runPage(runtime, token, wav, 2, screenshot("camera-denied-mobile.png"), "en-US",
                Map.of("CAMERA", "denied", "OVERSIZE", "1"));
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertAccessible(run, "device-check", "question", "done");
        Map<String, String> english = CandidatePageSources.catalogue("en-US");
        assertThat(run.result().path("texts").path("checkCamera").asText()).isEqualTo(english.get("check.cameraDenied"));
        assertThat(run.result().path("checkResult").asText()).isEqualTo("heard");
        assertThat(run.result().path("refusedUpload").asText())
                .isEqualTo(format(english.get("voice.tooLarge"), Map.of("megabytes", String.valueOf(
                        dev.prescreen.domain.session.RecordingFormats.MAX_WAV_BYTES / (1024 * 1024)))));
        Answer spoken = answers(runtime, organisation, token).stream()
                .filter(a -> Answer.RECORDING.equals(a.mode())).findFirst().orElseThrow();
        // sound only: the page keeps the speech as WAV (speech.js)
        assertThat(spoken.recordingContentType()).isEqualTo("audio/wav");
        assertThat(spoken.videoFallback()).isEqualTo("camera_denied");
    }

    @Test
    void aKeyboardOnlyInterviewOnAPhoneReachesEveryScreenAndReportsIntegritySignals(LocalRuntime runtime,
            @TempDir Path temp) throws Exception {
        assumeChromium();
        String organisation = "org-" + UUID.randomUUID();
        // follow-ups on, and vague typed answers, so the follow-up screen is reached too
        Plan plan = plan(runtime, organisation, Map.of("followUps", Map.of("enabled", true, "maxPerInterview", 1),
                "timeZone", "America/New_York"));
        String token = Fixtures.invite(runtime, plan, Clock.systemUTC());
        Path wav = temp.resolve("voice.wav");
        Files.write(wav, toneWav(4));
        Path shots = screenshot("mobile");

        Run run = runPage(runtime, token, wav, 1, screenshot("keyboard-mobile.png"), "en-US", Map.of(
                "KEYBOARD", "1", "PRACTICE", "1", "PASTE", "1", "FOCUS_AWAY", "1", "SCREENSHOTS", shots.toString(),
                "TYPED_ANSWER", "I did some things there, it was fine I guess.", "ERROR_SCREEN", "1",
                "BROWSER_TZ", "Europe/Madrid"));
        JsonNode result = run.result();
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertAccessible(run, "consent", "device-check", "practice", "question", "follow-up", "done", "error");
        assertThat(result.path("focusProblems")).as("controls without a visible focus").isEmpty();
        List<String> reached = new java.util.ArrayList<>();
        result.path("keyboard").forEach(id -> reached.add(id.asText()));
        assertThat(reached).contains("consent-box", "consent-button", "check-button", "check-continue",
                "practice-record", "practice-stop", "practice-finish", "record-button", "stop-button", "typed-summary",
                "typed-text", "typed-button");
        // the expiry in the candidate's time (the browser's, Madrid) and the plan's (New York)
        assertThat(result.path("texts").path("noticeExpires").asText()).contains("America/New_York");

        List<Answer> typed = answers(runtime, organisation, token).stream()
                .filter(a -> Answer.TYPED.equals(a.mode())).toList();
        assertThat(typed).isNotEmpty().allSatisfy(answer -> {
            assertThat(answer.integrity()).isNotNull();
            assertThat(answer.integrity().pastedCharacters()).isEqualTo(answer.transcript().text().length());
            assertThat(answer.integrity().typedCharacters()).isZero();
            assertThat(answer.integrity().focusLosses()).isEqualTo(1);
            assertThat(answer.integrity().secondsAway()).isBetween(1, 5);
        });
    }

    /** A WAV file of a few seconds of silence (every sample zero). */
    static byte[] silenceWav(int seconds) throws IOException {
        byte[] tone = toneWav(seconds);
        java.util.Arrays.fill(tone, 44, tone.length, (byte) 0);
        return tone;
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
