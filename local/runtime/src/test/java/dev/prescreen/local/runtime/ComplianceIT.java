package dev.prescreen.local.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.prescreen.cloud.Table;
import dev.prescreen.local.cloud.LocalMailbox;
import dev.prescreen.local.cloud.junit.Poll;
import dev.prescreen.local.runtime.demo.CandidateDriver;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Fairness and compliance over HTTP, as a candidate and a recruiter use it: an alternative-process request and its
 * resolution with extra time, voluntary self-identification kept apart and counted in impact ratios (JSON and CSV),
 * explanations for both sides, the audit trail, subject access, erasure that removes the self-identification, and
 * an organisation that gives advance notice.
 */
@ExtendWith(LocalRuntimeExtension.class)
class ComplianceIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private record Invited(String email, String link, String token, ApiClient session) {
    }

    private static Invited invited(LocalRuntime runtime, LocalMailbox mailbox, String email) {
        LocalMailbox.Email invitation = Poll.until("the invitation to " + email, Duration.ofSeconds(30),
                () -> mailbox.to(email).stream().filter(m -> m.interviewLink().isPresent()).findFirst());
        String link = invitation.interviewLink().orElseThrow();
        String token = link.substring(link.indexOf('#') + 1);
        return new Invited(email, link, token, new ApiClient(runtime.apiEndpoint(), null));
    }

    @Test
    void aCandidatesRightsFromRequestToErasureAndTheAggregateTheTeamSees(LocalRuntime runtime) {
        String organisation = "org-" + UUID.randomUUID();
        String recipient = "hiring-" + UUID.randomUUID() + "@acme.example";
        ApiClient recruiter = ApiClient.recruiter(runtime, organisation);
        ApiClient other = ApiClient.recruiter(runtime, "other-" + UUID.randomUUID());
        LocalMailbox mailbox = new LocalMailbox(runtime.cloud().sesEndpoint());
        Map<String, Object> body = new HashMap<>(PlansApiIT.validPlan());
        body.put("recipients", List.of(recipient));
        body.put("followUps", Map.of("enabled", false));
        JsonNode plan = recruiter.post("/plans", body).json();
        String planId = plan.path("planId").asText();
        int answerSeconds = plan.path("answerSeconds").asInt();
        String ada = "ada-" + UUID.randomUUID() + "@candidates.example";
        String bob = "bob-" + UUID.randomUUID() + "@candidates.example";
        String cy = "cy-" + UUID.randomUUID() + "@candidates.example";
        recruiter.post("/plans/" + planId + "/batches", Map.of("candidates", List.of(
                Map.of("name", "Ada", "email", ada), Map.of("name", "Bob", "email", bob),
                Map.of("name", "Cy", "email", cy))));
        Invited first = invited(runtime, mailbox, ada);
        String sessionPath = "/sessions/" + first.token();

        // the alternative: asked on the notice, before consenting; the hiring team is emailed
        ApiClient.Response asked = first.session().post(sessionPath + "/alternative-requests",
                Map.of("text", "I use a screen reader and would need more time per answer."));
        assertThat(asked.status()).as(asked.raw()).isEqualTo(201);
        String requestId = asked.json().path("requestId").asText();
        assertThat(first.session().post(sessionPath + "/alternative-requests", Map.of("text", "again")).status())
                .isEqualTo(200);
        assertThat(first.session().post(sessionPath + "/alternative-requests", Map.of("text", " ")).errorFields())
                .containsExactly("text");
        assertThat(first.session().get(sessionPath).json().path("alternativeRequest").path("state").asText())
                .isEqualTo("open");
        LocalMailbox.Email toTeam = Poll.until("the hiring team's email", WAIT, () -> mailbox.to(recipient).stream()
                .filter(m -> m.text().contains(requestId)).findFirst());
        assertThat(toTeam.text()).contains("screen reader");
        JsonNode open = recruiter.get("/alternative-requests?status=open").json().path("items");
        assertThat(open).singleElement().satisfies(r -> {
            assertThat(r.path("requestId").asText()).isEqualTo(requestId);
            assertThat(r.path("text").asText()).contains("screen reader");
        });
        assertThat(other.get("/alternative-requests").json().path("items")).isEmpty();
        assertThat(other.get("/alternative-requests/" + requestId).status()).isEqualTo(404);
        assertThat(recruiter.get("/alternative-requests/" + requestId).json().path("status").asText())
                .isEqualTo("open");
        assertThat(other.post("/alternative-requests/" + requestId + "/resolution", Map.of("note", "x")).status())
                .isEqualTo(404);
        ApiClient.Response resolved = recruiter.post("/alternative-requests/" + requestId + "/resolution",
                Map.of("note", "Granted a minute more per answer.", "extraAnswerSeconds", 60));
        assertThat(resolved.status()).as(resolved.raw()).isEqualTo(200);
        assertThat(recruiter.post("/alternative-requests/" + requestId + "/resolution", Map.of("note", "again"))
                .status()).isEqualTo(409);
        JsonNode view = first.session().get(sessionPath).json();
        assertThat(view.path("alternativeRequest").path("state").asText()).isEqualTo("resolved");
        assertThat(view.path("extraAnswerSeconds").asInt()).isEqualTo(60);
        assertThat(view.path("answerSeconds").asInt()).isEqualTo(answerSeconds + 60);

        // self-identification: refused before consent and outside the lists; the interview is the driver's
        assertThat(first.session().post(sessionPath + "/self-identification", Map.of("sex", "female")).status())
                .isEqualTo(409);
        new CandidateDriver(runtime.apiEndpoint(), first.link()).run(ReportsIT.strong(), Integer.MAX_VALUE, WAIT);
        assertThat(first.session().post(sessionPath + "/self-identification", Map.of("sex", "other")).errorFields())
                .containsExactly("sex");
        assertThat(first.session().post(sessionPath + "/self-identification",
                Map.of("sex", "female", "raceEthnicity", "asian")).status()).isEqualTo(204);
        Invited second = invited(runtime, mailbox, bob);
        new CandidateDriver(runtime.apiEndpoint(), second.link()).run(ReportsIT.weak(), Integer.MAX_VALUE, WAIT);
        assertThat(second.session().post("/sessions/" + second.token() + "/self-identification",
                Map.of("sex", "male", "raceEthnicity", "white")).status()).isEqualTo(204);
        Invited third = invited(runtime, mailbox, cy);
        // not yet scored: no explanation
        assertThat(third.session().get("/sessions/" + third.token() + "/explanation").status()).isEqualTo(409);
        // extra answer time granted to one candidate without a request; another organisation cannot
        String cyInterview = Fixtures.interviews(runtime).findToken(dev.prescreen.domain.interview.InvitationTokens
                .hash(third.token())).orElseThrow().interviewId();
        assertThat(other.put("/interviews/" + cyInterview + "/accommodation", Map.of("extraAnswerSeconds", 30))
                .status()).isEqualTo(404);
        assertThat(recruiter.put("/interviews/" + cyInterview + "/accommodation", Map.of("extraAnswerSeconds", 601))
                .errorFields()).containsExactly("extraAnswerSeconds");
        ApiClient.Response granted = recruiter.put("/interviews/" + cyInterview + "/accommodation",
                Map.of("extraAnswerSeconds", 30));
        assertThat(granted.status()).as(granted.raw()).isEqualTo(200);
        assertThat(third.session().get("/sessions/" + third.token()).json().path("answerSeconds").asInt())
                .isEqualTo(answerSeconds + 30);
        new CandidateDriver(runtime.apiEndpoint(), third.link()).run(ReportsIT.strong(), Integer.MAX_VALUE, WAIT);
        assertThat(recruiter.put("/interviews/" + cyInterview + "/accommodation", Map.of("extraAnswerSeconds", 60))
                .status()).isEqualTo(409);

        JsonNode ranking = Poll.until("three reports", WAIT, () -> {
            JsonNode items = recruiter.get("/plans/" + planId + "/candidates").json().path("items");
            return items.size() == 3 ? Optional.of(items) : Optional.empty();
        });
        Map<String, JsonNode> byName = new HashMap<>();
        ranking.forEach(row -> byName.put(row.path("name").asText(), row));
        String adaCandidate = byName.get("Ada").path("candidateId").asText();
        String adaInterview = byName.get("Ada").path("interviewId").asText();
        // nothing a recruiter reads names the self-identification
        assertThat(recruiter.get("/plans/" + planId + "/candidates").raw()).doesNotContain("asian").doesNotContain("female");
        assertThat(recruiter.get("/interviews/" + adaInterview + "/report").raw()).doesNotContain("asian");

        // impact ratios: three scored, one of whom said nothing; with two of known category the categories are
        // withheld, since they would tell who answered what (the figures themselves: ImpactRatioServiceTest)
        ApiClient.Response ratios = recruiter.get("/plans/" + planId + "/impact-ratios");
        assertThat(ratios.status()).as(ratios.raw()).isEqualTo(200);
        JsonNode result = ratios.json().path("result");
        assertThat(result.path("sampleSize").asInt()).isEqualTo(3);
        JsonNode sex = result.path("dimensions").get(0);
        assertThat(sex.path("name").asText()).isEqualTo("sex");
        assertThat(sex.path("knownCandidates").asInt()).isEqualTo(2);
        assertThat(sex.path("unknownCandidates").asInt()).isEqualTo(1);
        assertThat(sex.path("withheld").asBoolean()).isTrue();
        assertThat(sex.path("categories")).isEmpty();
        assertThat(ratios.raw()).doesNotContain("female").doesNotContain("asian");
        ApiClient.Response csv = recruiter.get("/plans/" + planId + "/impact-ratios.csv");
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.raw()).startsWith("scope,planId,from,to,sampleSize").contains(",sex,withheld,")
                .contains(",sexRaceEthnicity,unknown,").doesNotContain("female");
        assertThat(other.get("/plans/" + planId + "/impact-ratios").status()).isEqualTo(404);
        assertThat(other.get("/plans/" + planId + "/impact-ratios.csv").status()).isEqualTo(404);
        assertThat(other.get("/impact-ratios").json().path("result").path("sampleSize").asInt()).isZero();
        JsonNode organisationWide = recruiter.get("/impact-ratios?from=2020-01-01").json().path("result");
        assertThat(organisationWide.path("sampleSize").asInt()).isEqualTo(3);
        assertThat(recruiter.get("/impact-ratios?from=2999-01-01").json().path("result").path("sampleSize").asInt())
                .isZero();
        assertThat(recruiter.get("/impact-ratios?from=yesterday").errorFields()).containsExactly("from");

        // explanations: the candidate's from their link, the team's audited
        ApiClient.Response explanation = first.session().get(sessionPath + "/explanation");
        assertThat(explanation.status()).isEqualTo(200);
        assertThat(explanation.contentType()).startsWith("text/html");
        assertThat(explanation.raw()).contains("What the rubric looks for").contains("hiring-");
        assertThat(first.session().get(sessionPath + "/explanation?format=text").contentType()).startsWith("text/plain");
        assertThat(first.session().get(sessionPath).json().path("explanationAvailable").asBoolean()).isTrue();
        JsonNode teamExplanation = recruiter.get("/interviews/" + adaInterview + "/explanation").json();
        assertThat(teamExplanation.path("text").asText()).contains("Question 1:");
        assertThat(other.get("/interviews/" + adaInterview + "/explanation").status()).isEqualTo(404);

        // subject access: everything, with the consent's notice version, and the export itself on the trail
        ApiClient.Response export = recruiter.get("/candidates/" + adaCandidate + "/export");
        assertThat(export.status()).as(export.raw()).isEqualTo(200);
        JsonNode data = export.json();
        assertThat(data.path("candidate").path("candidate").path("email").asText()).isEqualTo(ada);
        assertThat(data.path("candidate").path("interview").path("consent").path("noticeVersion").asText())
                .startsWith("2026-12-v3/en-US");
        assertThat(data.path("candidate").path("answers").size()).isGreaterThan(0);
        assertThat(data.path("candidate").path("alternativeRequests").get(0).path("text").asText())
                .contains("screen reader");
        assertThat(data.path("report").path("report").path("scorerVersion").asText()).isNotBlank();
        assertThat(data.toString()).doesNotContain("asian");
        assertThat(data.path("candidate").path("audit")).extracting(e -> e.path("action").asText())
                .contains("alternative_resolved", "alternative_requests_read", "report_read", "explanation_read",
                        "candidate_exported");
        assertThat(other.get("/candidates/" + adaCandidate + "/export").status()).isEqualTo(404);

        // the audit trail: ids only, by candidate and by plan
        JsonNode trail = recruiter.get("/audit?candidateId=" + adaCandidate).json().path("items");
        assertThat(trail.toString()).doesNotContain("recruiter@").doesNotContain(ada);
        assertThat(recruiter.get("/audit?planId=" + planId).json().path("items"))
                .extracting(e -> e.path("action").asText()).contains("ranking_read", "impact_ratios_read");
        assertThat(other.get("/audit?candidateId=" + adaCandidate).json().path("items")).isEmpty();
        assertThat(recruiter.get("/audit?candidateId=nope").errorFields()).containsExactly("candidateId");

        // erasure takes the self-identification with it: the table has one interview's left, the aggregate two
        assertThat(recruiter.delete("/candidates/" + adaCandidate).status()).isEqualTo(204);
        String selfIdTable = runtime.settings().tableName(Table.SELF_IDENTIFICATION);
        assertThat(runtime.clients().dynamoDb().scan(r -> r.tableName(selfIdTable)).items())
                .noneMatch(item -> item.get("sk").s().endsWith(adaInterview));
        JsonNode after = recruiter.get("/plans/" + planId + "/impact-ratios").json().path("result");
        assertThat(after.path("sampleSize").asInt()).isEqualTo(2);
        assertThat(after.path("dimensions").get(0).path("knownCandidates").asInt()).isEqualTo(1);
        assertThat(recruiter.get("/audit?candidateId=" + adaCandidate).json().path("items"))
                .extracting(e -> e.path("action").asText()).contains("candidate_erased");
        JsonNode erased = recruiter.get("/candidates/" + adaCandidate + "/export").json();
        assertThat(erased.path("candidate").path("candidate").path("state").asText()).isEqualTo("erased");
        assertThat(erased.path("candidate").path("candidate").path("email").isNull()).isTrue();
        assertThat(erased.path("candidate").path("alternativeRequests").get(0).path("text").isNull()).isTrue();

        // an organisation that does not ask for it (race and ethnicity are special-category data in the EU)
        String bobSession = "/sessions/" + second.token();
        assertThat(second.session().get(bobSession).json().path("selfIdentificationOffered").asBoolean()).isTrue();
        assertThat(recruiter.patch("/organisation/settings", Map.of("selfIdentificationForm", false)).json()
                .path("selfIdentificationForm").asBoolean()).isFalse();
        assertThat(second.session().get(bobSession).json().path("selfIdentificationOffered").asBoolean()).isFalse();
        assertThat(second.session().post(bobSession + "/self-identification", Map.of("sex", "male")).status())
                .isEqualTo(409);
        assertThat(recruiter.get("/audit?from=2020-01-01").json().path("items"))
                .extracting(e -> e.path("action").asText()).contains("settings_changed");
    }

    @Test
    void anOrganisationThatGivesNoticeSendsItAtOnceAndInvitesNoSoonerThanItsLead(LocalRuntime runtime) {
        String organisation = "org-" + UUID.randomUUID();
        ApiClient recruiter = ApiClient.recruiter(runtime, organisation);
        LocalMailbox mailbox = new LocalMailbox(runtime.cloud().sesEndpoint());
        assertThat(recruiter.get("/organisation/settings").json().path("noticeLeadBusinessDays").asInt()).isZero();
        assertThat(recruiter.patch("/organisation/settings", Map.of("noticeLeadBusinessDays", 31)).errorFields())
                .containsExactly("noticeLeadBusinessDays");
        ApiClient.Response set = recruiter.patch("/organisation/settings", Map.of("noticeLeadBusinessDays", 10));
        assertThat(set.status()).as(set.raw()).isEqualTo(200);
        assertThat(ApiClient.recruiter(runtime, "other-" + UUID.randomUUID()).get("/organisation/settings").json()
                .path("noticeLeadBusinessDays").asInt()).isZero();
        String planId = recruiter.post("/plans", PlansApiIT.validPlan()).json().path("planId").asText();
        String email = "nyc-" + UUID.randomUUID() + "@candidates.example";
        ApiClient.Response tooSoon = recruiter.post("/plans/" + planId + "/batches", Map.of("sendAt",
                Instant.now().plus(Duration.ofDays(1)).toString(), "candidates", List.of(
                        Map.of("name", "Nia", "email", email))));
        assertThat(tooSoon.errorFields()).containsExactly("sendAt");
        assertThat(tooSoon.raw()).contains("must be at or after").contains("10 business days");

        ApiClient.Response created = recruiter.post("/plans/" + planId + "/batches", Map.of("candidates", List.of(
                Map.of("name", "Nia", "email", email))));
        assertThat(created.status()).as(created.raw()).isBetween(200, 202);
        Instant sendAt = Instant.parse(created.json().path("sendAt").asText());
        assertThat(sendAt).isAfter(Instant.now().plus(Duration.ofDays(13)));
        LocalMailbox.Email notice = Poll.until("the advance notice", Duration.ofSeconds(30),
                () -> mailbox.to(email).stream().findFirst());
        assertThat(notice.subject()).startsWith("Notice: an automated screening interview");
        assertThat(notice.text()).contains("I would like an alternative or an accommodation")
                .contains("assessed by an automated tool");
        assertThat(notice.interviewLink()).isEmpty();
    }
}
