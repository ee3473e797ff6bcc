package dev.prescreen.domain.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prescreen.domain.DomainException;
import dev.prescreen.domain.interview.AnswerState;
import dev.prescreen.domain.interview.Interview;
import dev.prescreen.domain.interview.InterviewRepository;
import dev.prescreen.domain.interview.InterviewState;
import dev.prescreen.domain.interview.InvitationTokens;
import dev.prescreen.domain.plan.FollowUps;
import dev.prescreen.testing.InMemoryInterviewRepository;
import dev.prescreen.testing.InMemoryPlanRepository;
import dev.prescreen.testing.InMemoryRecordings;
import dev.prescreen.testing.MutableClock;
import dev.prescreen.testing.Screenings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The candidate's session with a fixed clock and injected write conflicts. */
class SessionServiceTest {

    private static final Instant AT = Instant.parse("2026-11-20T09:00:00Z");

    private final InMemoryInterviewRepository interviews = new InMemoryInterviewRepository();
    private final InMemoryPlanRepository plans = new InMemoryPlanRepository();
    private final MutableClock clock = new MutableClock(AT);
    private final List<String> handedOn = new ArrayList<>();
    private final String token = InvitationTokens.newToken();
    private SessionService sessions;

    @BeforeEach
    void invited() {
        plans.create(Screenings.plan(AT, new FollowUps(false, 0)));
        Interview interview = Screenings.interview("iv_1", "cd_1", InterviewState.INVITED, AT);
        interviews.create(interview, new InterviewRepository.TokenRecord(InvitationTokens.hash(token), "acme", "iv_1",
                interview.expiresAt()));
        sessions = new SessionService(interviews, plans, new InMemoryRecordings(), new PipelineEvents() {
            @Override
            public void answerReadyForScoring(String organisation, String interviewId, String answerId) {
                handedOn.add("score " + answerId);
            }

            @Override
            public void interviewSubmitted(String organisation, String interviewId) {
                handedOn.add("submitted " + interviewId);
            }
        }, event -> handedOn.add(event.type().wireName() + " " + event.eventId()),
                new dev.prescreen.domain.organisation.OrganisationSettingsService(
                        new dev.prescreen.testing.InMemoryOrganisationSettings(), clock), clock, Duration.ofSeconds(20));
    }

    @Test
    void lostWritesAreRetriedThroughoutTheInterview() {
        interviews.loseNextWrites(2);
        sessions.consent(token, ConsentNotice.version("en-US", dev.prescreen.domain.plan.Answering.DEFAULT));
        interviews.loseNextWrites(2);
        Step first = sessions.current(token);
        interviews.loseNextWrites(2);
        Step second = sessions.submit(token, first.answerId(), new Submission("typed", "kotlin, six years"));
        interviews.loseNextWrites(2);
        sessions.submit(token, second.answerId(), new Submission("typed", "i split the billing module"));

        assertThat(interviews.find("acme", "iv_1").orElseThrow().state()).isEqualTo(InterviewState.SUBMITTED);
        assertThat(interviews.answers("acme", "iv_1")).extracting(a -> a.state())
                .containsOnly(AnswerState.AWAITING_SCORE);
        assertThat(handedOn).filteredOn(h -> !h.startsWith("interview.started"))
                .containsExactly("score " + first.answerId(), "score " + second.answerId(), "submitted iv_1");
        assertThat(handedOn).filteredOn(h -> h.startsWith("interview.started")).hasSize(1);
    }

    @Test
    void aSubmissionThatCannotBeWrittenIsAConflictAndNothingIsHandedOn() {
        sessions.consent(token, ConsentNotice.version("en-US", dev.prescreen.domain.plan.Answering.DEFAULT));
        Step first = sessions.current(token);
        interviews.loseNextWrites(1000);
        assertThatThrownBy(() -> sessions.submit(token, first.answerId(), new Submission("typed", "kotlin")))
                .isInstanceOfSatisfying(DomainException.WriteConflict.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("session"));
        assertThat(handedOn).filteredOn(h -> !h.startsWith("interview.started")).isEmpty();
        assertThat(interviews.answer("acme", "iv_1", first.answerId()).orElseThrow().submitted()).isFalse();
    }

    @Test
    void consentStartsTheInterviewAndAnnouncesItOnceWhateverTheRepeats() {
        sessions.consent(token, ConsentNotice.version("en-US", dev.prescreen.domain.plan.Answering.DEFAULT));
        sessions.consent(token, ConsentNotice.version("en-US", dev.prescreen.domain.plan.Answering.DEFAULT));
        assertThat(handedOn).hasSize(2).allMatch(h -> h.startsWith("interview.started ev_"));
        assertThat(handedOn.get(0)).as("the same event id: a receiver gets it once").isEqualTo(handedOn.get(1));
    }

    @Test
    void theSameSubmissionTwiceHasOneEffect() {
        sessions.consent(token, ConsentNotice.version("en-US", dev.prescreen.domain.plan.Answering.DEFAULT));
        Step first = sessions.current(token);
        sessions.submit(token, first.answerId(), new Submission("typed", "kotlin"));
        sessions.submit(token, first.answerId(), new Submission("typed", "kotlin"));
        assertThat(handedOn).filteredOn(h -> h.startsWith("score")).containsExactly("score " + first.answerId());
        assertThatThrownBy(() -> sessions.submit(token, first.answerId(), new Submission("typed", "java")))
                .isInstanceOf(DomainException.Conflict.class);
    }

    @Test
    void finishingSkipsWhatWasNotAnsweredAndHandsTheInterviewOnOnce() {
        sessions.consent(token, ConsentNotice.version("en-US", dev.prescreen.domain.plan.Answering.DEFAULT));
        sessions.current(token);
        interviews.loseNextWrites(1);
        sessions.finish(token);
        sessions.finish(token);
        assertThat(interviews.answers("acme", "iv_1")).extracting(a -> a.state()).containsOnly(AnswerState.NO_ANSWER);
        assertThat(handedOn).filteredOn(h -> !h.startsWith("interview.started")).containsExactly("submitted iv_1");
    }
}
