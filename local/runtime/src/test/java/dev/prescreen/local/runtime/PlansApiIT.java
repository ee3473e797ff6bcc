package dev.prescreen.local.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.prescreen.aws.AwsClients;
import dev.prescreen.cloud.Table;
import dev.prescreen.domain.bank.QuestionBanks;
import dev.prescreen.domain.plan.PlanRules;
import dev.prescreen.domain.plan.PlanService;
import dev.prescreen.storage.DynamoPlanRepository;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalRuntimeExtension.class)
class PlansApiIT {

    private LocalRuntime runtime;
    private ApiClient acme;
    private ApiClient globex;
    private String acmeOrg;

    @BeforeEach
    void setUp(LocalRuntime runtime) {
        this.runtime = runtime;
        // Fresh organisations per test keep tests independent on the shared stack.
        this.acmeOrg = "acme-" + UUID.randomUUID();
        this.acme = ApiClient.recruiter(runtime, acmeOrg);
        this.globex = ApiClient.recruiter(runtime, "globex-" + UUID.randomUUID());
    }

    static Map<String, Object> validPlan() {
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("roleTitle", "Senior Backend Engineer");
        plan.put("bankRole", "backend-engineer");
        plan.put("language", "en-US");
        List<Map<String, Object>> questions = new ArrayList<>();
        for (int n : new int[] {1, 3, 5, 9, 13, 16}) {
            questions.add(Map.of("bankQuestion", n));
        }
        questions.add(Map.of("text", "Why do you want to work on hiring software?", "type", "General"));
        plan.put("questions", questions);
        plan.put("answerSeconds", 120);
        plan.put("slotMinutes", 25);
        plan.put("passThreshold", 60);
        plan.put("recipients", List.of("hiring@acme.example"));
        plan.put("followUps", Map.of("enabled", true, "maxPerInterview", 2));
        plan.put("invitationWindowDays", 7);
        plan.put("retentionDays", 90);
        return plan;
    }

    private String createPlan(ApiClient client) {
        ApiClient.Response created = client.post("/plans", validPlan());
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.json().path("planId").asText();
    }

    @Test
    void aValidPlanIsCreatedAndReadable() {
        ApiClient.Response created = acme.post("/plans", validPlan());
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        JsonNode plan = created.json();
        String planId = plan.path("planId").asText();
        assertThat(created.location()).contains("/plans/" + planId);
        assertThat(plan.path("questions")).hasSize(7);
        assertThat(plan.path("questions").path(1).path("type").asText()).isEqualTo("Behavioral");
        assertThat(plan.path("questions").path(6).path("bankQuestion").isNull()).isTrue();
        assertThat(plan.path("frozen").asBoolean()).isFalse();
        assertThat(plan.path("version").asText()).startsWith("v-");

        ApiClient.Response read = acme.get("/plans/" + planId);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(plan);
        assertThat(acme.get("/plans").json().path("items").findValuesAsText("planId")).contains(planId);
    }

    @Test
    void eachValidationRuleFailsWithItsField() {
        Map<String, Object> noThreshold = validPlan();
        noThreshold.remove("passThreshold");
        assertThat(acme.post("/plans", noThreshold).errorFields()).containsExactly("passThreshold");

        Map<String, Object> badMix = validPlan();
        badMix.put("questions", List.of(Map.of("bankQuestion", 1), Map.of("bankQuestion", 2),
                Map.of("bankQuestion", 4), Map.of("bankQuestion", 5), Map.of("bankQuestion", 7), Map.of("bankQuestion", 13)));
        ApiClient.Response mix = acme.post("/plans", badMix);
        assertThat(mix.status()).isEqualTo(400);
        assertThat(mix.json().path("errors").findValuesAsText("reason")).contains(
                "need at least two Behavioral questions (specific past examples)",
                "need at least one Situational question");

        Map<String, Object> many = validPlan();
        many.put("answerSeconds", 20);
        many.put("slotMinutes", 40);
        many.put("recipients", List.of("nope"));
        many.put("language", "xx-XX");
        assertThat(acme.post("/plans", many).errorFields())
                .contains("answerSeconds", "slotMinutes", "recipients.0", "language");

        Map<String, Object> tooLong = validPlan();
        tooLong.put("answerSeconds", 300);
        tooLong.put("slotMinutes", 15);
        assertThat(acme.post("/plans", tooLong).errorFields()).containsExactly("slotMinutes");
    }

    @Test
    void badInputIsAProblemNeverA500() {
        assertThat(acme.send("POST", "/plans", "{not json", "application/json").status()).isEqualTo(400);
        assertThat(acme.send("POST", "/plans", "[1,2]", "application/json").errorFields()).containsExactly("body");
        Map<String, Object> unknown = validPlan();
        unknown.put("salary", 100000);
        assertThat(acme.post("/plans", unknown).errorFields()).containsExactly("salary");
        Map<String, Object> wrongType = validPlan();
        wrongType.put("passThreshold", "sixty");
        assertThat(acme.post("/plans", wrongType).errorFields()).containsExactly("passThreshold");
        String huge = "{\"roleTitle\":\"" + "x".repeat(300_000) + "\"}";
        assertThat(acme.send("POST", "/plans", huge, "application/json").errorFields()).containsExactly("body");
        assertThat(acme.send("POST", "/plans", "roleTitle=x", "text/plain").errorFields()).containsExactly("content-type");
        assertThat(acme.get("/plans/not-an-id").status()).isEqualTo(404);
        assertThat(acme.get("/plans?limit=abc").errorFields()).containsExactly("limit");
        assertThat(acme.get("/plans?limit=1000").errorFields()).containsExactly("limit");
        assertThat(acme.get("/plans?cursor=bm90LWEtY3Vyc29y").status()).isEqualTo(400);
    }

    @Test
    void listingsArePaginatedWithAnOpaqueCursor() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(createPlan(acme));
        }
        ApiClient.Response first = acme.get("/plans?limit=2");
        assertThat(first.json().path("items")).hasSize(2);
        String cursor = first.json().path("nextCursor").asText();
        assertThat(cursor).isNotBlank();
        ApiClient.Response second = acme.get("/plans?limit=2&cursor=" + cursor);
        List<String> seen = new ArrayList<>(first.json().path("items").findValuesAsText("planId"));
        seen.addAll(second.json().path("items").findValuesAsText("planId"));
        java.util.Collections.reverse(ids);
        assertThat(seen).containsExactlyElementsOf(ids);
        // Another organisation cannot use the cursor to read on.
        assertThat(globex.get("/plans?limit=2&cursor=" + cursor).status()).isEqualTo(400);
    }

    @Test
    void patchChangesAPlanUntilItsFirstInvitationFreezesIt() {
        String planId = createPlan(acme);
        ApiClient.Response changed = acme.patch("/plans/" + planId, Map.of("passThreshold", 70, "roleTitle", "Backend"));
        assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
        assertThat(changed.json().path("passThreshold").asInt()).isEqualTo(70);
        String versionBefore = changed.json().path("version").asText();
        assertThat(acme.patch("/plans/" + planId, Map.of("passThreshold", 101)).errorFields())
                .containsExactly("passThreshold");

        // What the invitation sender does when it sends the plan's first invitation.
        freeze(planId);

        ApiClient.Response frozenThreshold = acme.patch("/plans/" + planId, Map.of("passThreshold", 50));
        assertThat(frozenThreshold.status()).isEqualTo(409);
        assertThat(frozenThreshold.errorFields()).containsExactly("passThreshold");
        assertThat(frozenThreshold.json().path("detail").asText()).contains("frozen");
        assertThat(acme.patch("/plans/" + planId, Map.of("questions", List.of(Map.of("bankQuestion", 2)))).status())
                .isEqualTo(409);
        assertThat(acme.patch("/plans/" + planId, Map.of("answerSeconds", 90)).status()).isEqualTo(409);
        // how candidates answer is frozen with the questions (the notice names it); the time zone is not
        for (Map.Entry<String, Object> answering : Map.<String, Object>of("capture", "video", "retakesPerQuestion", 1,
                "integritySignals", false).entrySet()) {
            ApiClient.Response refused = acme.patch("/plans/" + planId, Map.of(answering.getKey(), answering.getValue()));
            assertThat(refused.status()).as(answering.getKey()).isEqualTo(409);
            assertThat(refused.errorFields()).containsExactly(answering.getKey());
        }
        ApiClient.Response zone = acme.patch("/plans/" + planId, Map.of("timeZone", "Europe/Stockholm"));
        assertThat(zone.status()).as(zone.raw()).isEqualTo(200);
        assertThat(zone.json().path("timeZone").asText()).isEqualTo("Europe/Stockholm");
        assertThat(acme.patch("/plans/" + planId, Map.of("timeZone", "Europe/Atlantis")).errorFields())
                .containsExactly("timeZone");

        ApiClient.Response recipients = acme.patch("/plans/" + planId,
                Map.of("recipients", List.of("lead@acme.example", "hr@acme.example"), "invitationWindowDays", 14));
        assertThat(recipients.status()).as(recipients.raw()).isEqualTo(200);
        assertThat(recipients.json().path("frozen").asBoolean()).isTrue();
        assertThat(recipients.json().path("version").asText()).isEqualTo(versionBefore);
        assertThat(recipients.json().path("invitationWindowDays").asInt()).isEqualTo(14);
    }

    @Test
    void deleteArchivesAndKeepsThePlan() {
        String planId = createPlan(acme);
        ApiClient.Response archived = acme.delete("/plans/" + planId);
        assertThat(archived.status()).isEqualTo(200);
        assertThat(archived.json().path("status").asText()).isEqualTo("archived");
        assertThat(acme.get("/plans/" + planId).json().path("status").asText()).isEqualTo("archived");
        assertThat(acme.patch("/plans/" + planId, Map.of("roleTitle", "x")).status()).isEqualTo(409);
    }

    @Test
    void anotherOrganisationsPlanIsIndistinguishableFromAMissingOne() {
        String planId = createPlan(acme);
        ApiClient.Response missing = acme.get("/plans/pl_01ARZ3NDEKTSV4RRFFQ69G5FAV");
        for (ApiClient.Response response : List.of(
                globex.get("/plans/" + planId),
                globex.patch("/plans/" + planId, Map.of("roleTitle", "stolen")),
                globex.delete("/plans/" + planId))) {
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.json()).isEqualTo(missing.json());
        }
        assertThat(globex.get("/plans").json().path("items").findValuesAsText("planId")).doesNotContain(planId);
        assertThat(acme.get("/plans/" + planId).json().path("roleTitle").asText()).isEqualTo("Senior Backend Engineer");
    }

    @Test
    void questionBanksAreListedAndReadable() {
        ApiClient.Response banks = acme.get("/question-banks");
        assertThat(banks.json().path("items").findValuesAsText("role")).contains("backend-engineer");
        JsonNode bank = acme.get("/question-banks/backend-engineer").json();
        assertThat(bank.path("questions")).hasSize(20);
        assertThat(bank.path("types").path("Behavioral").path("redFlag").asText()).isNotBlank();
        assertThat(acme.get("/question-banks/astronaut").status()).isEqualTo(404);
    }

    private void freeze(String planId) {
        AwsClients clients = runtime.clients();
        new PlanService(new DynamoPlanRepository(clients.dynamoDb(), runtime.settings().tableName(Table.MAIN)),
                new PlanRules(QuestionBanks.builtIn()), Clock.systemUTC()).freeze(acmeOrg, planId);
    }
}
