package dev.prescreen.local.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.prescreen.config.Settings;
import dev.prescreen.domain.interview.Answer;
import dev.prescreen.domain.interview.AnswerState;
import dev.prescreen.domain.interview.InterviewState;
import dev.prescreen.domain.plan.Plan;
import dev.prescreen.domain.session.ConsentNotice;
import dev.prescreen.json.Json;
import dev.prescreen.local.cloud.LocalCloud;
import dev.prescreen.local.cloud.junit.Poll;
import dev.prescreen.scoring.ScoreCard;
import dev.prescreen.scoring.followup.FollowUpPolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The session API on a cloud of its own, whose scoring queue is held by the test: scoring is "slow"
 * here, so the test decides when a follow-up is proposed.
 */
class SessionApiIT {

    /** A short follow-up wait, so the "move on when scoring is slow" rule can be seen within a test. */
    private static final int FOLLOW_UP_WAIT_SECONDS = 3;
    private static LocalRuntime runtime;
    private static LocalCloud cloud;
    private ApiClient recruiter;
    private ApiClient candidate;
    private String organisation;

    @BeforeAll
    static void start() {
        cloud = LocalCloud.builder().start();
        runtime = LocalRuntime.builder().cloud(cloud)
                .setting(Settings.FOLLOW_UP_WAIT_SECONDS, Integer.toString(FOLLOW_UP_WAIT_SECONDS))
                .consumer(dev.prescreen.cloud.Queue.SCORING, (com.amazonaws.services.lambda.runtime.events.SQSEvent event,
                        com.amazonaws.services.lambda.runtime.Context context) ->
                        new com.amazonaws.services.lambda.runtime.events.SQSBatchResponse(List.of()))
                .start();
    }

    @AfterAll
    static void stop() {
        runtime.close();
        cloud.close();
    }

    @BeforeEach
    void setUp() {
        organisation = "org-" + UUID.randomUUID();
        recruiter = ApiClient.recruiter(runtime, organisation);
        candidate = new ApiClient(runtime.apiEndpoint(), null);
    }

    private Plan plan(boolean followUps) {
        Map<String, Object> body = new HashMap<>(PlansApiIT.validPlan());
        body.put("followUps", Map.of("enabled", followUps, "maxPerInterview", followUps ? 2 : 0));
        return Fixtures.frozenPlan(runtime, recruiter, organisation, body);
    }

    private String inviteAndConsent(Plan plan) {
        String token = Fixtures.invite(runtime, plan, Clock.systemUTC());
        ApiClient.Response consent = candidate.post("/sessions/" + token + "/consent",
                Map.of("noticeVersion", ConsentNotice.version("en-US", dev.prescreen.domain.plan.Answering.DEFAULT)));
        assertThat(consent.status()).as(consent.raw()).isEqualTo(200);
        return token;
    }

    private JsonNode question(String token) {
        ApiClient.Response response = candidate.get("/sessions/" + token + "/question");
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response.json();
    }

    private ApiClient.Response type(String token, String answerId, String text) {
        return candidate.post("/sessions/" + token + "/answers/" + answerId, Map.of("mode", "typed", "text", text));
    }

    @Test
    void theSessionShowsTheNoticeAndNothingCanBeAnsweredBeforeConsent() {
        Plan plan = plan(false);
        String token = Fixtures.invite(runtime, plan, Clock.systemUTC());
        JsonNode session = candidate.get("/sessions/" + token).json();
        assertThat(session.path("consented").asBoolean()).isFalse();
        assertThat(session.path("questionCount").asInt()).isEqualTo(7);
        String notice = session.path("notice").path("text").asText();
        assertThat(notice).contains("automated", "recorded", "scored by software", "90 days", "deleted",
                "with a person", "hiring@acme.example");

        ApiClient.Response early = candidate.get("/sessions/" + token + "/question");
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.errorFields()).containsExactly("consent");
        assertThat(candidate.post("/sessions/" + token + "/consent", Map.of("noticeVersion", "old")).errorFields())
                .containsExactly("noticeVersion");

        candidate.post("/sessions/" + token + "/consent", Map.of("noticeVersion", ConsentNotice.version("en-US", dev.prescreen.domain.plan.Answering.DEFAULT)));
        var interview = Fixtures.interviews(runtime).find(organisation, interviewIdOf(token)).orElseThrow();
        assertThat(interview.consent().noticeVersion()).isEqualTo(ConsentNotice.version("en-US", dev.prescreen.domain.plan.Answering.DEFAULT));
        assertThat(interview.consent().at()).isCloseTo(Instant.now(), org.assertj.core.api.Assertions.within(
                Duration.ofSeconds(30)));
        assertThat(interview.state()).isEqualTo(InterviewState.IN_PROGRESS);
    }

    @Test
    void wrongAndExpiredTokensRevealNothing() {
        ApiClient.Response wrong = candidate.get("/sessions/" + "A".repeat(43));
        assertThat(wrong.status()).isEqualTo(404);
        assertThat(candidate.get("/sessions/short").status()).isEqualTo(404);
        Plan plan = plan(false);
        Clock eightDaysAgo = Clock.offset(Clock.systemUTC(), Duration.ofDays(-8));
        String expired = Fixtures.invite(runtime, plan, eightDaysAgo);
        ApiClient.Response gone = candidate.get("/sessions/" + expired);
        assertThat(gone.status()).isEqualTo(410);
        assertThat(gone.raw()).doesNotContain(plan.planId(), plan.roleTitle(), organisation);
        assertThat(wrong.raw()).doesNotContain(plan.planId(), organisation);
    }

    @Test
    void aCandidateAnswersEveryQuestionInOrderAndTheInterviewIsSubmitted() {
        Plan plan = plan(false);
        String token = inviteAndConsent(plan);
        for (int position = 1; position <= plan.questions().size(); position++) {
            JsonNode step = question(token);
            assertThat(step.path("status").asText()).isEqualTo("question");
            assertThat(step.path("position").asInt()).isEqualTo(position);
            assertThat(step.path("text").asText()).isEqualTo(plan.questions().get(position - 1).text());
            assertThat(step.path("answerSeconds").asInt()).isEqualTo(120);
            ApiClient.Response next = type(token, step.path("answerId").asText(), "My answer number " + position);
            assertThat(next.status()).as(next.raw()).isEqualTo(200);
        }
        JsonNode done = question(token);
        assertThat(done.path("status").asText()).isEqualTo("done");
        assertThat(done.path("answered").asInt()).isEqualTo(7);
        var interview = Fixtures.interviews(runtime).find(organisation, interviewIdOf(token)).orElseThrow();
        assertThat(interview.state()).isIn(InterviewState.SUBMITTED, InterviewState.COMPLETED);
        assertThat(Fixtures.interviews(runtime).answers(organisation, interview.interviewId()))
                .hasSize(7).allSatisfy(a -> assertThat(a.transcript().text()).startsWith("My answer number"));
    }

    @Test
    void reconnectingResumesTheSameQuestionWithItsClockRunningAndAnAnswerIsAcceptedOnce() {
        Plan plan = plan(false);
        String token = inviteAndConsent(plan);
        JsonNode first = question(token);
        JsonNode again = question(token);
        assertThat(again.path("answerId").asText()).isEqualTo(first.path("answerId").asText());
        assertThat(again.path("servedAt").asText()).isEqualTo(first.path("servedAt").asText());

        String answerId = first.path("answerId").asText();
        ApiClient.Response once = type(token, answerId, "I built the billing service in Go.");
        ApiClient.Response twice = type(token, answerId, "I built the billing service in Go.");
        assertThat(once.status()).isEqualTo(200);
        assertThat(twice.status()).isEqualTo(200);
        assertThat(twice.json().path("answerId").asText()).isEqualTo(once.json().path("answerId").asText());
        Answer stored = Fixtures.interviews(runtime).answer(organisation, interviewIdOf(token), answerId).orElseThrow();
        assertThat(stored.revision()).as("the repeat changed nothing").isEqualTo(2);

        ApiClient.Response changed = type(token, answerId, "Actually, something else.");
        assertThat(changed.status()).isEqualTo(409);
        assertThat(question(token).path("position").asInt()).isEqualTo(2);
    }

    @Test
    void anAnswerAfterItsTimeAndGraceIsAcceptedButMarkedLate() {
        Plan plan = plan(false);
        String token = inviteAndConsent(plan);
        String answerId = question(token).path("answerId").asText();
        var interviews = Fixtures.interviews(runtime);
        Answer served = interviews.answer(organisation, interviewIdOf(token), answerId).orElseThrow();
        // The candidate opened the question ten minutes ago (e.g. left the tab open).
        interviews.replaceAnswer(served.change(b -> {
            b.servedAt = Instant.now().minus(Duration.ofMinutes(10));
            return b;
        }), served.revision());
        assertThat(type(token, answerId, "Sorry, I was away.").status()).isEqualTo(200);
        assertThat(interviews.answer(organisation, interviewIdOf(token), answerId).orElseThrow().late()).isTrue();

        String onTime = question(token).path("answerId").asText();
        type(token, onTime, "Right away.");
        assertThat(interviews.answer(organisation, interviewIdOf(token), onTime).orElseThrow().late()).isFalse();
    }

    @Test
    void aFollowUpProposedByTheScorerBecomesTheNextQuestion() {
        Plan plan = plan(true);
        String token = inviteAndConsent(plan);
        String q1 = question(token).path("answerId").asText();
        type(token, q1, "We would probably use some language.");
        assertThat(question(token).path("status").asText()).isEqualTo("processing");

        // What the scoring stage writes: a score card and the proposed probe.
        var interviews = Fixtures.interviews(runtime);
        Answer main = interviews.answer(organisation, interviewIdOf(token), q1).orElseThrow();
        var probe = FollowUpPolicy.builtIn().probes().get(0);
        interviews.replaceAnswer(main.change(b -> {
            b.scoreCard = new ScoreCard(2, "anchor", "vague", List.of(), Set.of(), Map.of(), "test", "test.rule");
            b.followUp = probe;
            b.state = AnswerState.SCORED;
            return b;
        }), main.revision());

        JsonNode followUp = question(token);
        assertThat(followUp.path("kind").asText()).isEqualTo("follow_up");
        assertThat(followUp.path("position").asInt()).isEqualTo(1);
        assertThat(followUp.path("text").asText()).isEqualTo(probe.text());
        type(token, followUp.path("answerId").asText(), "I wrote Java at Acme for three years.");
        assertThat(interviews.find(organisation, interviewIdOf(token)).orElseThrow().followUpsAsked()).isEqualTo(1);
    }

    @Test
    void whenScoringIsSlowThePageMovesOnToTheNextPlannedQuestion() {
        Plan plan = plan(true);
        String token = inviteAndConsent(plan);
        String q1 = question(token).path("answerId").asText();
        type(token, q1, "Some answer that is never scored in this test.");
        JsonNode next = Poll.until("the next planned question", Duration.ofSeconds(FOLLOW_UP_WAIT_SECONDS + 10), () -> {
            JsonNode step = question(token);
            return step.path("status").asText().equals("question") ? Optional.of(step) : Optional.empty();
        });
        assertThat(next.path("position").asInt()).isEqualTo(2);
        assertThat(next.path("kind").asText()).isEqualTo("question");
        assertThat(Fixtures.interviews(runtime).answer(organisation, interviewIdOf(token), q1).orElseThrow()
                .followUpClosed()).isTrue();
    }

    @Test
    void aRecordingIsUploadedWithTheSignedUrlAndSubmittedOnce() throws Exception {
        Plan plan = plan(false);
        String token = inviteAndConsent(plan);
        String answerId = question(token).path("answerId").asText();
        String uploadPath = "/sessions/" + token + "/answers/" + answerId + "/upload-url";
        assertThat(candidate.post(uploadPath, Map.of("contentType", "application/pdf", "contentLength", 10))
                .errorFields()).containsExactly("contentType");
        assertThat(candidate.post(uploadPath, Map.of("contentType", "audio/webm", "contentLength", 26L * 1024 * 1024))
                .errorFields()).containsExactly("contentLength");
        // uncompressed speech has room for the longest answer an accommodation allows, and not a byte more
        assertThat(candidate.post(uploadPath, Map.of("contentType", "audio/wav",
                "contentLength", dev.prescreen.domain.session.RecordingFormats.MAX_WAV_BYTES + 1)).errorFields())
                .containsExactly("contentLength");
        ApiClient.Response early = candidate.post("/sessions/" + token + "/answers/" + answerId, Map.of("mode", "recording"));
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.errorFields()).containsExactly("recording");

        byte[] audio = new byte[2048];
        JsonNode ticket = candidate.post(uploadPath, Map.of("contentType", "audio/wav", "contentLength", audio.length)).json();
        assertThat(Instant.parse(ticket.path("expiresAt").asText())).isBefore(Instant.now().plus(Duration.ofMinutes(6)));
        assertThat(ticket.path("headers").path("If-None-Match").asText()).isEqualTo("*");
        HttpResponse<String> wrongLength = put(ticket, new byte[audio.length + 1]);
        assertThat(wrongLength.statusCode()).as("the signed length is enforced").isGreaterThanOrEqualTo(400);
        HttpResponse<String> put = put(ticket, audio);
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        byte[] other = new byte[audio.length];
        java.util.Arrays.fill(other, (byte) 7);
        assertThat(put(ticket, other).statusCode()).as("the recording cannot be replaced through its URL")
                .isEqualTo(412);

        assertThat(candidate.post("/sessions/" + token + "/answers/" + answerId, Map.of("mode", "recording")).status())
                .isEqualTo(200);
        assertThat(candidate.post("/sessions/" + token + "/answers/" + answerId, Map.of("mode", "recording")).status())
                .isEqualTo(200);
        Answer stored = Fixtures.interviews(runtime).answer(organisation, interviewIdOf(token), answerId).orElseThrow();
        assertThat(stored.recordingKey()).matches(java.util.regex.Pattern.quote("recordings/" + organisation + "/"
                + plan.planId() + "/" + interviewIdOf(token) + "/" + answerId + ".") + "[A-Za-z0-9_-]{12}\\.wav");
        assertThat(ticket.path("url").asText()).contains(stored.recordingKey().substring(stored.recordingKey()
                .lastIndexOf('/') + 1));
        assertThat(stored.state()).isIn(AnswerState.TRANSCRIBING, AnswerState.AWAITING_SCORE, AnswerState.SCORED,
                AnswerState.TRANSCRIPT_UNRELIABLE, AnswerState.TRANSCRIPTION_FAILED, AnswerState.NO_ANSWER);
        // The upload is announced to the transcription stage, which starts a job for this answer.
        Answer transcribing = Poll.until("the transcription job for the upload", Duration.ofSeconds(15), () ->
                Fixtures.interviews(runtime).answer(organisation, interviewIdOf(token), answerId)
                        .filter(a -> a.transcription() != null));
        // the first job is named after the answer; a retry of an internal failure adds its attempt ("-r2")
        assertThat(transcribing.transcription().jobName()).matches("prescreen-" + answerId + "(-r\\d+)?");
    }

    @Test
    void aVideoPlanTakesVideoWithinItsCapAndItsSignedTypeRetakesWithinItsLimitAndIntegrityTotals() throws Exception {
        Map<String, Object> body = new HashMap<>(PlansApiIT.validPlan());
        body.putAll(Map.of("capture", "video", "retakesPerQuestion", 1, "followUps", Map.of("enabled", false)));
        Plan plan = Fixtures.frozenPlan(runtime, recruiter, organisation, body);
        String token = Fixtures.invite(runtime, plan, Clock.systemUTC());
        JsonNode session = candidate.get("/sessions/" + token).json();
        assertThat(session.path("capture").asText()).isEqualTo("video");
        assertThat(session.path("recordingLimits").path("video").asLong()).isEqualTo(200L * 1024 * 1024);
        assertThat(candidate.post("/sessions/" + token + "/consent", Map.of("noticeVersion",
                session.path("notice").path("version").asText())).status()).isEqualTo(200);
        String answerId = question(token).path("answerId").asText();
        String answerPath = "/sessions/" + token + "/answers/" + answerId;

        assertThat(candidate.post(answerPath + "/upload-url", Map.of("contentType", "video/webm",
                "contentLength", 201L * 1024 * 1024)).errorFields()).containsExactly("contentLength");
        JsonNode ticket = candidate.post(answerPath + "/upload-url", Map.of("contentType", "video/webm;codecs=vp8,opus",
                "contentLength", 4096)).json();
        // the URL is signed for its type: a PUT of another type is refused by storage
        HttpRequest.Builder wrongType = HttpRequest.newBuilder(URI.create(ticket.path("url").asText()));
        ticket.path("headers").fields().forEachRemaining(h -> {
            if (!h.getKey().equals("Content-Type")) {
                wrongType.header(h.getKey(), h.getValue().asText());
            }
        });
        wrongType.header("Content-Type", "application/pdf");
        assertThat(HttpClient.newHttpClient().send(wrongType.PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[4096]))
                .build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isGreaterThanOrEqualTo(400);
        assertThat(put(ticket, new byte[4096]).statusCode()).isEqualTo(200);

        ApiClient.Response retake = candidate.send("POST", answerPath + "/retake", null, null);
        assertThat(retake.status()).as(retake.raw()).isEqualTo(200);
        assertThat(retake.json().path("take").asInt()).isEqualTo(2);
        ApiClient.Response beyond = candidate.send("POST", answerPath + "/retake", null, null);
        assertThat(beyond.status()).isEqualTo(409);
        assertThat(beyond.errorFields()).containsExactly("retakesPerQuestion");
        assertThat(beyond.contentType()).startsWith("application/problem+json");

        Map<String, Object> totals = Map.of("pastedCharacters", 12, "typedCharacters", 30, "focusLosses", 2,
                "secondsAway", 9);
        assertThat(candidate.put(answerPath + "/integrity", totals).status()).isEqualTo(204);
        assertThat(candidate.put(answerPath + "/integrity", Map.of("pastedCharacters", -1, "typedCharacters", 0,
                "focusLosses", 0)).errorFields()).containsExactly("pastedCharacters", "secondsAway");
        String other = inviteAndConsent(plan(false));
        assertThat(candidate.put("/sessions/" + other + "/answers/" + answerId + "/integrity", totals).status())
                .as("another session's answer").isEqualTo(404);
        assertThat(candidate.send("POST", "/sessions/" + other + "/answers/" + answerId + "/retake", null, null).status())
                .isEqualTo(404);
        Answer stored = Fixtures.interviews(runtime).answer(organisation, interviewIdOf(token), answerId).orElseThrow();
        assertThat(stored.takes()).isEqualTo(2);
        assertThat(stored.recordingContentType()).isEqualTo("video/webm");
        assertThat(stored.integrity().focusLosses()).isEqualTo(2);
    }

    @Test
    void oneCandidatesTokenCannotTouchAnotherCandidatesAnswers() {
        Plan plan = plan(false);
        String alice = inviteAndConsent(plan);
        String bob = inviteAndConsent(plan);
        String aliceAnswer = question(alice).path("answerId").asText();
        assertThat(type(bob, aliceAnswer, "hijack").status()).isEqualTo(404);
        assertThat(candidate.post("/sessions/" + bob + "/answers/" + aliceAnswer + "/upload-url",
                Map.of("contentType", "audio/webm", "contentLength", 100)).status()).isEqualTo(404);
        assertThat(Fixtures.interviews(runtime).answer(organisation, interviewIdOf(alice), aliceAnswer).orElseThrow()
                .submitted()).isFalse();
    }

    @Test
    void finishingEarlyMarksTheRestUnansweredAndEndsTheSession() {
        Plan plan = plan(false);
        String token = inviteAndConsent(plan);
        type(token, question(token).path("answerId").asText(), "Java, mostly.");
        ApiClient.Response finished = candidate.post("/sessions/" + token + "/finish", null);
        assertThat(finished.status()).as(finished.raw()).isEqualTo(200);
        assertThat(finished.json().path("state").asText()).isEqualTo("submitted");
        assertThat(question(token).path("status").asText()).isEqualTo("done");
        List<Answer> answers = Fixtures.interviews(runtime).answers(organisation, interviewIdOf(token));
        assertThat(answers).hasSize(7);
        assertThat(answers.stream().filter(a -> a.state() == AnswerState.NO_ANSWER)).hasSize(6);
        assertThat(candidate.post("/sessions/" + token + "/finish", null).status()).isEqualTo(200);
    }

    private String interviewIdOf(String token) {
        return Fixtures.interviews(runtime).findToken(dev.prescreen.domain.interview.InvitationTokens.hash(token))
                .orElseThrow().interviewId();
    }



    /** PUTs the recording the way the page does: with every header the URL was signed with. */
    static HttpResponse<String> put(JsonNode ticket, byte[] body) throws java.io.IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(ticket.path("url").asText()));
        ticket.path("headers").fields().forEachRemaining(h -> request.header(h.getKey(), h.getValue().asText()));
        return HttpClient.newHttpClient().send(request.PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
