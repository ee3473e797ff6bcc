package dev.prescreen.local.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prescreen.cloud.Table;
import dev.prescreen.domain.bank.QuestionBanks;
import dev.prescreen.domain.interview.Invitations;
import dev.prescreen.domain.plan.Plan;
import dev.prescreen.domain.plan.PlanRules;
import dev.prescreen.domain.plan.PlanService;
import dev.prescreen.storage.DynamoInterviewRepository;
import dev.prescreen.storage.DynamoPlanRepository;
import java.time.Clock;
import java.util.Map;

/** Plans and invitations made through the domain, as the scheduling stage makes them. */
final class Fixtures {

    private Fixtures() {
    }

    static DynamoPlanRepository plans(LocalRuntime runtime) {
        return new DynamoPlanRepository(runtime.clients().dynamoDb(), runtime.settings().tableName(Table.MAIN));
    }

    static DynamoInterviewRepository interviews(LocalRuntime runtime) {
        return new DynamoInterviewRepository(runtime.clients().dynamoDb(), runtime.settings().tableName(Table.MAIN));
    }

    /** Creates a plan through the API and freezes it, as its first invitation does. */
    static Plan frozenPlan(LocalRuntime runtime, ApiClient recruiter, String organisation, Map<String, Object> body) {
        ApiClient.Response created = recruiter.post("/plans", body);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return new PlanService(plans(runtime), new PlanRules(QuestionBanks.builtIn()), Clock.systemUTC())
                .freeze(organisation, created.json().path("planId").asText());
    }

    /** A candidate invited to a new organisation's typical plan without follow-ups: what a page test starts from. */
    record Invited(String organisation, Plan plan, String token) {
    }

    static Invited invitedWithoutFollowUps(LocalRuntime runtime) {
        String organisation = "org-" + java.util.UUID.randomUUID();
        ApiClient recruiter = ApiClient.recruiter(runtime, organisation);
        Map<String, Object> body = new java.util.HashMap<>(PlansApiIT.validPlan());
        body.put("followUps", Map.of("enabled", false));
        Plan plan = frozenPlan(runtime, recruiter, organisation, body);
        return new Invited(organisation, plan, invite(runtime, plan, Clock.systemUTC()));
    }

    /** Opens an interview on the plan and returns the candidate's token. */
    static String invite(LocalRuntime runtime, Plan plan, Clock clock) {
        return new Invitations(interviews(runtime), clock).open(plan, null, "cand-" + System.nanoTime(), null).token();
    }
}
