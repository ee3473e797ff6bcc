package dev.prescreen.domain.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prescreen.domain.DomainException;
import dev.prescreen.domain.interview.Consent;
import dev.prescreen.domain.interview.Interview;
import dev.prescreen.domain.interview.InterviewRepository;
import dev.prescreen.domain.interview.InterviewState;
import dev.prescreen.domain.interview.InvitationTokens;
import dev.prescreen.domain.organisation.OrganisationSettingsService;
import dev.prescreen.domain.plan.FollowUps;
import dev.prescreen.testing.InMemoryInterviewRepository;
import dev.prescreen.testing.InMemoryOrganisationSettings;
import dev.prescreen.testing.InMemoryPlanRepository;
import dev.prescreen.testing.InMemorySelfIdentifications;
import dev.prescreen.testing.MutableClock;
import dev.prescreen.testing.Screenings;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The form is stored apart once the candidate has consented, where the organisation asks for it, and only there. */
class VoluntarySelfIdentificationTest {

    private static final Instant AT = Instant.parse("2026-12-01T09:00:00Z");
    private final MutableClock clock = new MutableClock(AT);
    private final InMemoryInterviewRepository interviews = new InMemoryInterviewRepository();
    private final InMemoryPlanRepository plans = new InMemoryPlanRepository();
    private final InMemorySelfIdentifications store = new InMemorySelfIdentifications();
    private final OrganisationSettingsService organisations = new OrganisationSettingsService(
            new InMemoryOrganisationSettings(), clock);
    private final VoluntarySelfIdentification form = new VoluntarySelfIdentification(interviews, plans, store,
            organisations, clock);
    private final String token = InvitationTokens.newToken();

    @BeforeEach
    void invited() {
        plans.create(Screenings.plan(AT, FollowUps.DEFAULT));
        Interview interview = Screenings.interview("iv_1", "cd_1", InterviewState.INVITED, AT);
        interviews.create(interview, new InterviewRepository.TokenRecord(InvitationTokens.hash(token),
                Screenings.ORG, "iv_1", interview.expiresAt()));
    }

    private void consent() {
        Interview interview = interviews.find(Screenings.ORG, "iv_1").orElseThrow();
        interviews.replace(interview.withConsent(new Consent(AT, "v")), interview.revision());
    }

    @Test
    void storedApartAfterConsentAndReplacedWhenSentAgain() {
        assertThatThrownBy(() -> form.give(token, SelfIdentification.checked("female", "asian")))
                .isInstanceOf(DomainException.Conflict.class);
        consent();
        form.give(token, SelfIdentification.checked("female", "asian"));
        form.give(token, SelfIdentification.checked("female", null));
        assertThat(store.ofPlan(Screenings.ORG, Screenings.PLAN_ID)).containsOnlyKeys("iv_1")
                .containsValue(new SelfIdentification(Sex.FEMALE, RaceEthnicity.DECLINE));
        assertThatThrownBy(() -> SelfIdentification.checked("female", "martian"))
                .isInstanceOfSatisfying(DomainException.InvalidInput.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("raceEthnicity"));
    }

    @Test
    void anOrganisationThatDoesNotAskForItStoresNothing() {
        consent();
        organisations.update(Screenings.ORG, null, false, "sub");
        assertThatThrownBy(() -> form.give(token, SelfIdentification.checked("male", "white")))
                .isInstanceOfSatisfying(DomainException.Conflict.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("selfIdentification"));
        assertThat(store.size()).isZero();
    }
}
