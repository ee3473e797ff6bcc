package dev.prescreen.domain.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prescreen.domain.DomainException;
import dev.prescreen.domain.FieldError;
import dev.prescreen.domain.interview.Answer;
import dev.prescreen.domain.interview.IntegritySignals;
import dev.prescreen.domain.interview.Interview;
import dev.prescreen.domain.interview.InterviewRepository;
import dev.prescreen.domain.interview.InterviewState;
import dev.prescreen.domain.interview.InvitationTokens;
import dev.prescreen.domain.plan.Answering;
import dev.prescreen.domain.plan.Plan;
import dev.prescreen.testing.InMemoryInterviewRepository;
import dev.prescreen.testing.InMemoryPlanRepository;
import dev.prescreen.testing.InMemoryRecordings;
import dev.prescreen.testing.MutableClock;
import dev.prescreen.testing.Screenings;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** How a plan's candidates answer: video or sound, retakes, integrity signals; and the page's view of them. */
class SessionAnsweringTest {

    private static final Instant AT = Instant.parse("2026-11-20T09:00:00Z");

    private final InMemoryInterviewRepository interviews = new InMemoryInterviewRepository();
    private final InMemoryPlanRepository plans = new InMemoryPlanRepository();
    private final MutableClock clock = new MutableClock(AT);

    private SessionService sessions(Answering answering) {
        Plan plan = Screenings.plan(AT, "en-US", "en-US", answering, "Europe/Madrid");
        plans.create(plan);
        return new SessionService(interviews, plans, new InMemoryRecordings(), new PipelineEvents() {
            @Override
            public void answerReadyForScoring(String organisation, String interviewId, String answerId) {
            }

            @Override
            public void interviewSubmitted(String organisation, String interviewId) {
            }
        }, event -> { },
                new dev.prescreen.domain.organisation.OrganisationSettingsService(
                        new dev.prescreen.testing.InMemoryOrganisationSettings(), clock), clock, Duration.ofSeconds(20));
    }

    /** An invited candidate of interview {@code interviewId} who has consented; returns their token. */
    private String consented(SessionService sessions, String interviewId, Answering answering) {
        String token = InvitationTokens.newToken();
        Interview interview = Screenings.interview(interviewId, "cd_" + interviewId, InterviewState.INVITED, AT);
        interviews.create(interview, new InterviewRepository.TokenRecord(InvitationTokens.hash(token), "acme",
                interviewId, interview.expiresAt()));
        sessions.consent(token, ConsentNotice.version("en-US", answering));
        return token;
    }

    private static FieldError error(Throwable thrown) {
        return ((DomainException) thrown).errors().get(0);
    }

    @Test
    void theSessionTellsThePageHowToRecordAndWhereTheExpiryIsShown() {
        Answering video = new Answering(Answering.Capture.VIDEO, 2, false);
        SessionService sessions = sessions(video);
        String token = consented(sessions, "iv_1", video);
        SessionView view = sessions.view(token);
        assertThat(view.capture()).isEqualTo("video");
        assertThat(view.retakesPerQuestion()).isEqualTo(2);
        assertThat(view.integritySignals()).isFalse();
        assertThat(view.timeZone()).isEqualTo("Europe/Madrid");
        assertThat(view.recordingLimits()).containsOnly(java.util.Map.entry("audio", RecordingFormats.MAX_WAV_BYTES),
                java.util.Map.entry("video", RecordingFormats.MAX_VIDEO_BYTES));
        assertThat(view.notice().version()).isEqualTo(ConsentNotice.VERSION + "/en-US/video");
        Step first = sessions.current(token);
        assertThat(first.take()).isEqualTo(1);
        assertThat(first.takesAllowed()).isEqualTo(3);
    }

    @Test
    void retakesAreCountedAndOneBeyondThePlansLimitIsAConflictNamingIt() {
        Answering one = new Answering(Answering.Capture.AUDIO, 1, true);
        SessionService sessions = sessions(one);
        String token = consented(sessions, "iv_1", one);
        Step first = sessions.current(token);
        TakeView second = sessions.retake(token, first.answerId());
        assertThat(second.take()).isEqualTo(2);
        assertThat(second.takesAllowed()).isEqualTo(2);
        assertThatThrownBy(() -> sessions.retake(token, first.answerId()))
                .isInstanceOf(DomainException.Conflict.class)
                .satisfies(e -> assertThat(error(e).field()).isEqualTo("retakesPerQuestion"));
        assertThat(interviews.answer("acme", "iv_1", first.answerId()).orElseThrow().takes()).isEqualTo(2);
        // the page that reloads is told which take it is on
        assertThat(sessions.current(token).take()).isEqualTo(2);
    }

    @Test
    void aPlanWithoutRetakesRefusesTheFirstOne() {
        SessionService sessions = sessions(Answering.DEFAULT);
        String token = consented(sessions, "iv_1", Answering.DEFAULT);
        Step first = sessions.current(token);
        assertThatThrownBy(() -> sessions.retake(token, first.answerId()))
                .satisfies(e -> assertThat(error(e).field()).isEqualTo("retakesPerQuestion"));
    }

    @Test
    void integrityTotalsOnlyGrowAndAnotherSessionsAnswerIsNotFound() {
        SessionService sessions = sessions(Answering.DEFAULT);
        String token = consented(sessions, "iv_1", Answering.DEFAULT);
        String other = consented(sessions, "iv_2", Answering.DEFAULT);
        Step first = sessions.current(token);
        sessions.integrity(token, first.answerId(), new IntegritySignals(40, 10, 1, 3));
        // an older total arriving late changes nothing that grew
        sessions.integrity(token, first.answerId(), new IntegritySignals(12, 25, 0, 1));
        assertThat(interviews.answer("acme", "iv_1", first.answerId()).orElseThrow().integrity())
                .isEqualTo(new IntegritySignals(40, 25, 1, 3));
        assertThatThrownBy(() -> sessions.integrity(other, first.answerId(), IntegritySignals.NONE))
                .isInstanceOf(DomainException.NotFound.class);
        assertThatThrownBy(() -> sessions.retake(other, first.answerId()))
                .isInstanceOf(DomainException.NotFound.class);
    }

    @Test
    void aPlanThatDoesNotCollectIntegritySignalsRefusesThem() {
        Answering off = new Answering(Answering.Capture.AUDIO, 0, false);
        SessionService sessions = sessions(off);
        String token = consented(sessions, "iv_1", off);
        Step first = sessions.current(token);
        assertThatThrownBy(() -> sessions.integrity(token, first.answerId(), IntegritySignals.NONE))
                .isInstanceOf(DomainException.Conflict.class)
                .satisfies(e -> assertThat(error(e).field()).isEqualTo("integritySignals"));
    }

    @Test
    void integrityTotalsOutOfRangeNameTheirField() {
        assertThatThrownBy(() -> IntegritySignals.checked(1, -1, null, IntegritySignals.MAX_COUNT + 1))
                .isInstanceOfSatisfying(DomainException.InvalidInput.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("typedCharacters", "focusLosses", "secondsAway"));
    }

    @Test
    void videoIsAcceptedOnlyWhenThePlanRecordsItAndSoundOnlyRecordsWhy() {
        Answering video = new Answering(Answering.Capture.VIDEO, 0, true);
        SessionService sessions = sessions(video);
        String token = consented(sessions, "iv_1", video);
        String answerId = sessions.current(token).answerId();

        sessions.uploadUrl(token, answerId, "video/webm;codecs=vp9,opus", 50L * 1024 * 1024, null);
        Answer filmed = interviews.answer("acme", "iv_1", answerId).orElseThrow();
        assertThat(filmed.recordingKey()).endsWith(".webm");
        assertThat(filmed.recordingContentType()).isEqualTo("video/webm");
        assertThat(filmed.videoFallback()).isNull();

        sessions.uploadUrl(token, answerId, "audio/webm", 1000L, "camera_denied");
        assertThat(interviews.answer("acme", "iv_1", answerId).orElseThrow().videoFallback()).isEqualTo("camera_denied");
        sessions.uploadUrl(token, answerId, "video/mp4", 1000L, null);
        assertThat(interviews.answer("acme", "iv_1", answerId).orElseThrow().recordingKey()).endsWith(".mp4");

        assertThatThrownBy(() -> sessions.uploadUrl(token, answerId, "video/webm", RecordingFormats.MAX_VIDEO_BYTES + 1, null))
                .satisfies(e -> assertThat(error(e).field()).isEqualTo("contentLength"));
        assertThatThrownBy(() -> sessions.uploadUrl(token, answerId, "audio/webm", RecordingFormats.MAX_AUDIO_BYTES + 1, null))
                .satisfies(e -> assertThat(error(e).field()).isEqualTo("contentLength"));
        assertThatThrownBy(() -> sessions.uploadUrl(token, answerId, "audio/webm", 1000L, "camera_broken"))
                .satisfies(e -> assertThat(error(e).field()).isEqualTo("videoFallback"));
        assertThatThrownBy(() -> sessions.uploadUrl(token, answerId, "video/webm", 1000L, "declined"))
                .satisfies(e -> assertThat(error(e).field()).isEqualTo("videoFallback"));
    }

    @Test
    void anAudioPlanRefusesVideo() {
        SessionService sessions = sessions(Answering.DEFAULT);
        String token = consented(sessions, "iv_1", Answering.DEFAULT);
        String answerId = sessions.current(token).answerId();
        assertThatThrownBy(() -> sessions.uploadUrl(token, answerId, "video/webm", 1000L, null))
                .isInstanceOfSatisfying(DomainException.InvalidInput.class, e -> {
                    assertThat(error(e).field()).isEqualTo("contentType");
                    assertThat(error(e).reason()).doesNotContain("video/");
                });
        assertThatThrownBy(() -> sessions.uploadUrl(token, answerId, "audio/webm", 1000L, "declined"))
                .satisfies(e -> assertThat(error(e).field()).isEqualTo("videoFallback"));
        assertThat(interviews.answer("acme", "iv_1", answerId).orElseThrow().recordingKey()).isNull();
    }
}
