package dev.prescreen.domain.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prescreen.domain.DomainException;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A German plan's session shows the German notice, and a consent records its wording and language. */
class SessionConsentLanguageTest {

    private static final Instant AT = Instant.parse("2026-11-20T09:00:00Z");

    private final InMemoryInterviewRepository interviews = new InMemoryInterviewRepository();
    private final InMemoryPlanRepository plans = new InMemoryPlanRepository();
    private final String token = InvitationTokens.newToken();
    private SessionService sessions;

    @BeforeEach
    void invited() {
        plans.create(ConsentNoticeTest.plan("de-DE", "en-US"));
        Interview interview = Screenings.interview("iv_1", "cd_1", InterviewState.INVITED, AT);
        interviews.create(interview, new InterviewRepository.TokenRecord(InvitationTokens.hash(token), "acme", "iv_1",
                interview.expiresAt()));
        sessions = new SessionService(interviews, plans, new InMemoryRecordings(), new PipelineEvents() {
            @Override
            public void answerReadyForScoring(String organisation, String interviewId, String answerId) {
            }

            @Override
            public void interviewSubmitted(String organisation, String interviewId) {
            }
        }, event -> { }, new dev.prescreen.domain.organisation.OrganisationSettingsService(
                new dev.prescreen.testing.InMemoryOrganisationSettings(), new MutableClock(AT)), new MutableClock(AT),
                Duration.ofSeconds(20));
    }

    @Test
    void theSessionShowsTheNoticeInThePlansLanguage() {
        SessionView view = sessions.view(token);
        assertThat(view.notice().version()).isEqualTo("2026-12-v3/de-DE/audio+signals");
        assertThat(view.notice().text()).startsWith("Dies ist ein automatisiertes Vorauswahlinterview");
    }

    @Test
    void aConsentToTheNoticeShownRecordsItsWordingAndLanguage() {
        sessions.consent(token, sessions.view(token).notice().version());
        assertThat(interviews.find("acme", "iv_1").orElseThrow().consent().noticeVersion()).isEqualTo("2026-12-v3/de-DE/audio+signals");
    }

    @Test
    void aConsentToAnotherLanguagesOrAnOlderNoticeOrOnlyTheWordingIsRefused() {
        for (String other : new String[] {"2026-12-v3/en-US/audio+signals", "2026-11-v1", ConsentNotice.VERSION, null}) {
            assertThatThrownBy(() -> sessions.consent(token, other)).isInstanceOf(DomainException.InvalidInput.class)
                    .satisfies(e -> assertThat(((DomainException) e).errors()).singleElement()
                            .satisfies(error -> assertThat(error.field()).isEqualTo("noticeVersion"))
                            .satisfies(error -> assertThat(error.reason()).contains("2026-12-v3/de-DE/audio+signals")));
        }
        assertThat(interviews.find("acme", "iv_1").orElseThrow().consent()).isNull();
    }
}
