package dev.prescreen.local.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.prescreen.cloud.Bucket;
import dev.prescreen.cloud.Queue;
import dev.prescreen.json.Json;
import dev.prescreen.local.cloud.LocalMailbox;
import dev.prescreen.local.cloud.junit.Poll;
import dev.prescreen.local.runtime.demo.CandidateDriver;
import dev.prescreen.messages.ScoringMessage;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A screening from batch to report through the whole local stack, with typed answers. */
@ExtendWith(LocalRuntimeExtension.class)
class ReportsIT {

    static final Map<Integer, String> STRONG = Map.of(
            1, "Java and Go. Java for eight years at Zalando building order services with Spring Boot, Go for the "
                    + "last two years for our ingestion pipeline. I'm weaker in frontend work; I rarely write TypeScript.",
            2, "At Klarna in 2022 our monolith's checkout deploys took two hours. I proposed splitting payments into a "
                    + "separate service, I wrote the migration plan, built the service in Java with Kafka events, and I "
                    + "ran the cutover myself. Deploy time dropped from two hours to twelve minutes and checkout errors "
                    + "fell by 30 percent. <img src=x onerror=alert(1)>",
            3, "At Spotify I ran our podcast ingestion on AWS for three years: Lambda, SQS, DynamoDB and S3, all in CDK. "
                    + "I moved the transcoding fleet from EC2 to Fargate, which cut our compute bill by 40 percent, and I "
                    + "was promoted to tech lead for that team in 2023.",
            4, "First I reproduce the error and read the logs and traces to find where it starts. Then I form a "
                    + "hypothesis and write a failing test for it. I fix the cause, not the symptom, and verify with the "
                    + "test and in staging. I separate retryable from fatal errors: retries with backoff for timeouts, "
                    + "but fail fast on validation errors, because retrying them only adds load. The trade-off is more "
                    + "code paths to test, so I keep error types few.",
            5, "In 2021 at a startup I built a small HTTP server from scratch in Rust for our IoT gateway because the "
                    + "existing framework was too heavy for the device. I wrote the parser and the connection handling "
                    + "myself and load-tested it with wrk. It served 20,000 requests per second on a Raspberry Pi and "
                    + "memory use dropped from 200 to 15 megabytes.",
            6, "I would first measure: check latency percentiles and error rates in the metrics, then CPU, memory and "
                    + "database load to see where the time goes. If the database is the bottleneck I check slow query "
                    + "logs and explain plans, add an index or cache hot reads in Redis. Caching trades freshness for "
                    + "speed, so I set TTLs carefully. After the fix I verify with the same dashboards and a load test, "
                    + "and add an alert so we catch regressions.",
            7, "I have been on both sides of bad hiring processes. I want to build tools that make screening fairer, "
                    + "and my backend experience with queues and data pipelines at Spotify fits this product directly.");

    static CandidateDriver.Answers strong() {
        return (position, kind, question) -> CandidateDriver.Answer.typed(kind.equals("follow_up")
                ? "I did it myself at Spotify in 2023 and it cut costs by 40 percent." : STRONG.get(position));
    }

    static CandidateDriver.Answers weak() {
        return (position, kind, question) -> CandidateDriver.Answer.typed(position % 2 == 0 ? "I don't know."
                : "Hmm, I guess we would probably do the usual things, it depends.");
    }

    @Test
    void aScreeningEndsInARankedReportOneEscapedEmailAnAuditedOverrideAndAnErasure(LocalRuntime runtime) {
        String organisation = "org-" + UUID.randomUUID();
        String recipient = "hiring-" + UUID.randomUUID() + "@acme.example";
        ApiClient recruiter = ApiClient.recruiter(runtime, organisation);
        ApiClient other = ApiClient.recruiter(runtime, "other-" + UUID.randomUUID());
        LocalMailbox mailbox = new LocalMailbox(runtime.cloud().sesEndpoint());
        Map<String, Object> body = new HashMap<>(PlansApiIT.validPlan());
        body.put("recipients", List.of(recipient));
        body.put("followUps", Map.of("enabled", true, "maxPerInterview", 1));
        String planId = recruiter.post("/plans", body).json().path("planId").asText();
        String adaEmail = "ada-" + UUID.randomUUID() + "@candidates.example";
        String bobEmail = "bob-" + UUID.randomUUID() + "@candidates.example";
        recruiter.post("/plans/" + planId + "/batches", Map.of("candidates", List.of(
                Map.of("name", "Ada <script>alert('x')</script>", "email", adaEmail, "externalId", "=cmd|' /C calc'!A0"),
                Map.of("name", "Bob", "email", bobEmail))));

        for (var entry : Map.of(adaEmail, strong(), bobEmail, weak()).entrySet()) {
            LocalMailbox.Email invitation = Poll.until("the invitation to " + entry.getKey(), Duration.ofSeconds(30),
                    () -> mailbox.to(entry.getKey()).stream().findFirst());
            new CandidateDriver(runtime.apiEndpoint(), invitation.interviewLink().orElseThrow())
                    .run(entry.getValue(), Integer.MAX_VALUE, Duration.ofSeconds(90));
        }
        List<LocalMailbox.Email> reportEmails = Poll.until("two report emails", Duration.ofSeconds(60), () -> {
            List<LocalMailbox.Email> emails = mailbox.to(recipient);
            return emails.size() >= 2 ? Optional.of(emails) : Optional.empty();
        });

        JsonNode ranking = recruiter.get("/plans/" + planId + "/candidates").json().path("items");
        assertThat(ranking).hasSize(2);
        JsonNode ada = ranking.get(0);
        JsonNode bob = ranking.get(1);
        assertThat(ada.path("name").asText()).startsWith("Ada");
        assertThat(ada.path("rank").asInt()).isEqualTo(1);
        assertThat(ada.path("overall").asInt()).isGreaterThan(bob.path("overall").asInt());
        assertThat(ada.path("passed").asBoolean()).isTrue();
        assertThat(bob.path("passed").asBoolean()).isFalse();
        assertThat(bob.path("flags").toString()).contains("no_answer");
        assertThat(recruiter.get("/plans/" + planId + "/candidates?passed=true").json().path("items")).hasSize(1);
        assertThat(recruiter.get("/plans/" + planId + "/candidates?passed=maybe").errorFields()).containsExactly("passed");

        String interviewId = ada.path("interviewId").asText();
        JsonNode view = recruiter.get("/interviews/" + interviewId + "/report").json();
        JsonNode report = view.path("report");
        assertThat(view.path("rank").asInt()).isEqualTo(1);
        assertThat(view.path("percentile").asInt()).isEqualTo(100);
        assertThat(report.path("overall").asInt()).isEqualTo(ada.path("overall").asInt());
        assertThat(report.path("passThreshold").asInt()).isEqualTo(60);
        assertThat(report.path("planVersion").asText()).startsWith("v-");
        assertThat(report.path("scorerVersion").asText()).isNotBlank();
        assertThat(report.path("language").asText()).isEqualTo("en-US");
        assertThat(report.path("questions")).hasSize(7).allSatisfy(q -> {
            assertThat(q.path("score").asInt()).isBetween(1, 5);
            assertThat(q.path("anchor").asText()).isNotBlank();
            assertThat(q.path("transcript").size()).isGreaterThanOrEqualTo(2);
        });
        assertThat(report.path("questions").findValues("evidence").stream().mapToInt(JsonNode::size).sum()).isPositive();

        String csv = recruiter.get("/plans/" + planId + "/candidates.csv").raw();
        assertThat(csv.lines().findFirst().orElseThrow()).startsWith("rank,candidateId,externalId,name,overall,passed");
        assertThat(csv).contains("'=cmd").doesNotContain(",=cmd");
        assertThat(csv.lines().count()).isEqualTo(3);

        LocalMailbox.Email adaReport = reportEmails.stream().filter(e -> e.subject().contains("Ada")).findFirst().orElseThrow();
        assertThat(adaReport.subject()).contains(ada.path("overall").asText() + "/100", "passed");
        assertThat(adaReport.html()).contains("Ada &lt;script&gt;", "&lt;img src=x onerror=alert(1)&gt;")
                .doesNotContain("<script>", "<img src=x");
        assertThat(adaReport.text()).contains("Full transcript", "Klarna");

        // Redelivering the final scoring message finishes nothing twice.
        String scoringQueue = runtime.settings().queueUrl(Queue.SCORING);
        runtime.clients().sqs().sendMessage(r -> r.queueUrl(scoringQueue)
                .messageBody(Json.write(ScoringMessage.interviewSubmitted(organisation, interviewId))));
        String reportingQueue = runtime.settings().queueUrl(Queue.REPORTING);
        Poll.until("the redelivery to pass through scoring and reporting", Duration.ofSeconds(20), () ->
                drained(runtime, scoringQueue) && drained(runtime, reportingQueue) ? Optional.of(true) : Optional.empty());
        assertThat(mailbox.to(recipient)).hasSize(2);

        // A recruiter's override changes the overall and is audited; the automatic score stays.
        int before = report.path("overall").asInt();
        int firstAutomatic = report.path("questions").path(0).path("score").asInt();
        int overridden = firstAutomatic == 1 ? 5 : 1;
        ApiClient.Response reviewed = recruiter.post("/interviews/" + interviewId + "/reviews",
                Map.of("position", 1, "score", overridden, "reason", "checked the recording myself"));
        assertThat(reviewed.status()).as(reviewed.raw()).isEqualTo(200);
        JsonNode after = reviewed.json().path("report");
        assertThat(after.path("overall").asInt()).isNotEqualTo(before);
        assertThat(after.path("questions").path(0).path("score").asInt()).isEqualTo(overridden);
        assertThat(after.path("questions").path(0).path("automaticScore").asInt()).isEqualTo(firstAutomatic);
        assertThat(after.path("reviews").path(0).path("reviewer").asText()).isEqualTo("recruiter@" + organisation + ".example");
        assertThat(after.path("reviews").path(0).path("previousScore").asInt()).isEqualTo(firstAutomatic);
        assertThat(recruiter.post("/interviews/" + interviewId + "/reviews", Map.of("position", 1, "score", 9))
                .errorFields()).containsExactlyInAnyOrder("score", "reason");

        JsonNode usage = recruiter.get("/usage?month=" + YearMonth.now(ZoneOffset.UTC)).json();
        assertThat(usage.path("screenings").asInt()).isEqualTo(2);
        assertThat(usage.path("answers").asInt()).isGreaterThanOrEqualTo(14);
        assertThat(usage.path("emails").asInt()).isEqualTo(4);
        assertThat(recruiter.get("/usage?month=2026-13").errorFields()).containsExactly("month");

        // Another organisation sees none of it.
        String candidateId = ada.path("candidateId").asText();
        assertThat(other.get("/interviews/" + interviewId + "/report").status()).isEqualTo(404);
        assertThat(other.post("/interviews/" + interviewId + "/reviews", Map.of("position", 1, "score", 5,
                "reason", "x")).status()).isEqualTo(404);
        assertThat(other.get("/plans/" + planId + "/candidates").status()).isEqualTo(404);
        assertThat(other.get("/plans/" + planId + "/candidates.csv").status()).isEqualTo(404);
        assertThat(other.delete("/candidates/" + candidateId).status()).isEqualTo(404);
        assertThat(other.get("/usage?month=" + YearMonth.now(ZoneOffset.UTC)).json().path("screenings").asInt()).isZero();

        // Erasure leaves nothing readable about the candidate.
        String link = mailbox.to(adaEmail).get(0).interviewLink().orElseThrow();
        assertThat(recruiter.delete("/candidates/" + candidateId).status()).isEqualTo(204);
        assertThat(recruiter.get("/interviews/" + interviewId + "/report").status()).isEqualTo(404);
        assertThat(new ApiClient(runtime.apiEndpoint(), null).get("/sessions/" + link.replaceFirst(".*#", ""))
                .status()).isEqualTo(404);
        assertThat(recruiter.get("/plans/" + planId + "/candidates").json().path("items")).hasSize(1);
        assertThat(Fixtures.interviews(runtime).answers(organisation, interviewId)).isEmpty();
        assertThat(runtime.clients().s3().listObjectsV2(r -> r.bucket(runtime.settings().bucketName(Bucket.TRANSCRIPTS))
                .prefix("transcripts/" + organisation + "/" + interviewId + "/")).contents()).isEmpty();
        var table = runtime.settings().tableName(dev.prescreen.cloud.Table.MAIN);
        var erased = new dev.prescreen.storage.DynamoCandidateRepository(runtime.clients().dynamoDb(), table)
                .find(organisation, candidateId).orElseThrow();
        assertThat(erased.name()).isNull();
        assertThat(erased.email()).isNull();
        assertThat(recruiter.get("/usage?month=" + YearMonth.now(ZoneOffset.UTC)).json().path("screenings").asInt())
                .as("anonymous counts remain").isEqualTo(2);
    }

    private static boolean drained(LocalRuntime runtime, String queue) {
        return runtime.clients().sqs().getQueueAttributes(r -> r.queueUrl(queue).attributeNamesWithStrings(
                "ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible")).attributesAsStrings()
                .values().stream().allMatch("0"::equals);
    }
}
