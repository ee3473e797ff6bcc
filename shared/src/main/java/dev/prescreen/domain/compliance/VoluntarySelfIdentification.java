package dev.prescreen.domain.compliance;

import dev.prescreen.domain.DomainException;
import dev.prescreen.domain.interview.InterviewRepository;
import dev.prescreen.domain.plan.PlanRepository;
import dev.prescreen.domain.session.OpenSession;
import java.time.Clock;

/**
 * The optional form after the last answer: stored through a writer that cannot read, in a table nothing but the
 * impact-ratio aggregate reads. Nothing about it is written on the interview, so no report or listing can tell who
 * answered what.
 */
public final class VoluntarySelfIdentification {

    private final InterviewRepository interviews;
    private final PlanRepository plans;
    private final SelfIdentifications.Writer store;
    private final dev.prescreen.domain.organisation.OrganisationSettingsService organisations;
    private final Clock clock;

    public VoluntarySelfIdentification(InterviewRepository interviews, PlanRepository plans,
            SelfIdentifications.Writer store, dev.prescreen.domain.organisation.OrganisationSettingsService organisations,
            Clock clock) {
        this.organisations = organisations;
        this.interviews = interviews;
        this.plans = plans;
        this.store = store;
        this.clock = clock;
    }

    /**
     * Stores what the candidate chose; sending the form again replaces it. Only after consent, and only where the
     * organisation asks for it (409 otherwise).
     */
    public void give(String token, SelfIdentification value) {
        OpenSession session = OpenSession.of(token, interviews, plans, clock.instant());
        if (session.interview().consent() == null) {
            throw new DomainException.Conflict("consent", "the form is offered after the interview");
        }
        if (!organisations.get(session.interview().organisation()).offersSelfIdentification()) {
            throw new DomainException.Conflict("selfIdentification", "this organisation does not ask for it");
        }
        store.put(session.interview().organisation(), session.interview().planId(),
                session.interview().interviewId(), value, clock.instant());
    }
}
