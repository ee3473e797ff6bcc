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
    private final Clock clock;

    public VoluntarySelfIdentification(InterviewRepository interviews, PlanRepository plans,
            SelfIdentifications.Writer store, Clock clock) {
        this.interviews = interviews;
        this.plans = plans;
        this.store = store;
        this.clock = clock;
    }

    /** Stores what the candidate chose; sending the form again replaces it. Only after consent (409 before). */
    public void give(String token, SelfIdentification value) {
        OpenSession session = OpenSession.of(token, interviews, plans, clock.instant());
        if (session.interview().consent() == null) {
            throw new DomainException.Conflict("consent", "the form is offered after the interview");
        }
        store.put(session.interview().organisation(), session.interview().planId(),
                session.interview().interviewId(), value, clock.instant());
    }
}
