package dev.prescreen.domain.session;

import dev.prescreen.domain.DomainException;
import dev.prescreen.domain.interview.Interview;
import dev.prescreen.domain.interview.InterviewRepository;
import dev.prescreen.domain.interview.InterviewState;
import dev.prescreen.domain.interview.InvitationTokens;
import dev.prescreen.domain.plan.Plan;
import dev.prescreen.domain.plan.PlanRepository;
import java.time.Instant;

/**
 * The interview a candidate's link opens, with its plan: the one way every candidate route finds it. An unknown,
 * malformed or erased link is not found (404); an expired link of an interview not finished is gone (410).
 */
public record OpenSession(Interview interview, Plan plan) {

    public static OpenSession of(String token, InterviewRepository interviews, PlanRepository plans, Instant now) {
        if (!InvitationTokens.wellFormed(token)) {
            throw new DomainException.NotFound("session");
        }
        InterviewRepository.TokenRecord record = interviews.findToken(InvitationTokens.hash(token))
                .orElseThrow(() -> new DomainException.NotFound("session"));
        Interview interview = interviews.find(record.organisation(), record.interviewId())
                .filter(i -> i.state() != InterviewState.ERASED)
                .orElseThrow(() -> new DomainException.NotFound("session"));
        if (!interview.finished() && (interview.state() == InterviewState.EXPIRED || interview.expiredAt(now))) {
            throw new DomainException.Gone("this interview link has expired");
        }
        Plan plan = plans.find(interview.organisation(), interview.planId())
                .orElseThrow(() -> new DomainException.NotFound("session"));
        return new OpenSession(interview, plan);
    }
}
