package dev.prescreen.local.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.prescreen.cloud.Queue;
import dev.prescreen.cloud.RecurringSchedule;
import dev.prescreen.domain.candidate.CandidateState;
import dev.prescreen.json.Json;
import dev.prescreen.local.cloud.LocalMailbox;
import dev.prescreen.local.cloud.junit.Poll;
import dev.prescreen.messages.SqsBatchDispatch;
import dev.prescreen.storage.DynamoCandidateRepository;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalRuntimeExtension.class)
class BatchesIT {

    private LocalRuntime runtime;
    private ApiClient recruiter;
    private LocalMailbox mailbox;
    private String organisation;
    private String unique;

    @BeforeEach
    void setUp(LocalRuntime runtime) {
        this.runtime = runtime;
        organisation = "org-" + UUID.randomUUID();
        recruiter = ApiClient.recruiter(runtime, organisation);
        mailbox = new LocalMailbox(runtime.cloud().sesEndpoint());
        unique = UUID.randomUUID().toString().substring(0, 8);
    }

    private String plan(int windowDays) {
        Map<String, Object> body = new HashMap<>(PlansApiIT.validPlan());
        body.put("invitationWindowDays", windowDays);
        ApiClient.Response created = recruiter.post("/plans", body);
        assertThat(created.status()).isEqualTo(201);
        return created.json().path("planId").asText();
    }

    private String email(String who) {
        return who + "." + unique + "@candidates.example";
    }

    private static Map<String, Object> row(String name, String email) {
        Map<String, Object> row = new HashMap<>();
        row.put("name", name);
        row.put("email", email);
        return row;
    }

    private List<LocalMailbox.Email> awaitMail(String address, int count) {
        return Poll.until(count + " email(s) to " + address, Duration.ofSeconds(30), () -> {
            List<LocalMailbox.Email> emails = mailbox.to(address);
            return emails.size() >= count ? Optional.of(emails) : Optional.empty();
        });
    }

    @Test
    void badRowsAreRejectedWithTheirRowNumbersAndTheGoodRowsAreInvited() {
        String planId = plan(7);
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(row("Ada <script>alert(1)</script>", email("ada")));
        rows.add(row("", email("nameless")));
        rows.add(row("Bad Email", "not-an-email"));
        rows.add(row("Ada Again", email("ADA")));
        rows.add(row("Grace", email("grace")));
        ApiClient.Response created = recruiter.post("/plans/" + planId + "/batches", Map.of("candidates", rows));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        JsonNode batch = created.json();
        assertThat(batch.path("accepted").asInt()).isEqualTo(2);
        assertThat(batch.path("rejected").findValuesAsText("row")).containsExactly("2", "3", "4");
        assertThat(batch.path("rejected").findValuesAsText("field")).containsExactly("name", "email", "email");
        assertThat(batch.path("rejected").path(2).path("reason").asText()).isEqualTo("appears twice in this batch");

        LocalMailbox.Email invitation = awaitMail(email("ada"), 1).get(0);
        assertThat(invitation.subject()).isEqualTo("Your screening interview for Senior Backend Engineer");
        assertThat(invitation.html()).contains("Ada &lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>");
        assertThat(invitation.interviewLink()).isPresent();
        assertThat(invitation.text()).contains("7 questions", "hiring@acme.example");
        awaitMail(email("grace"), 1);

        // The first invitation froze the plan.
        assertThat(recruiter.get("/plans/" + planId).json().path("frozen").asBoolean()).isTrue();
        // Everyone the plan invited is refused in a later batch.
        ApiClient.Response again = recruiter.post("/plans/" + planId + "/batches",
                Map.of("candidates", List.of(row("Grace", email("grace")), row("Linus", email("linus")))));
        assertThat(again.json().path("rejected").path(0).path("reason").asText()).isEqualTo("is already invited to this plan");
        String batchId = batch.path("batchId").asText();
        JsonNode status = Poll.until("the batch to be sent", Duration.ofSeconds(20), () -> Optional.of(
                recruiter.get("/plans/" + planId + "/batches/" + batchId).json())
                .filter(b -> b.path("counts").path("sent").asInt() == 2));
        assertThat(status.path("status").asText()).isEqualTo("sent");

        // Invited but not started: listed by state, with their names, unranked.
        JsonNode invited = recruiter.get("/plans/" + planId + "/candidates?state=invited").json().path("items");
        assertThat(invited.findValuesAsText("name")).contains("Ada <script>alert(1)</script>", "Grace");
        assertThat(invited.path(0).path("overall").isNull()).isTrue();
        assertThat(recruiter.get("/plans/" + planId + "/candidates?state=completed").json().path("items")).isEmpty();
        assertThat(recruiter.get("/plans/" + planId + "/candidates?state=asleep").errorFields()).containsExactly("state");
    }

    @Test
    void csvUploadsAreParsedWithCommonsCsvAndRejectRowsByNumber() {
        String planId = plan(7);
        String csv = "email,Name,phone,external_id\n"
                + email("csv1") + ",\"Lovelace, Ada\",+44 20 7946 0000,ATS-1\n"
                + "broken-address,Bob,,\n"
                + email("csv3") + ",Carol,not a phone!,ATS-3\n";
        ApiClient.Response created = recruiter.send("POST", "/plans/" + planId + "/batches", csv, "text/csv");
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        assertThat(created.json().path("accepted").asInt()).isEqualTo(1);
        assertThat(created.json().path("rejected").findValuesAsText("row")).containsExactly("2", "3");
        assertThat(created.json().path("rejected").findValuesAsText("field")).containsExactly("email", "phone");
        assertThat(awaitMail(email("csv1"), 1).get(0).text()).startsWith("Hello Lovelace, Ada");

        ApiClient.Response noHeader = recruiter.send("POST", "/plans/" + planId + "/batches", "a,b\nc,d\n", "text/csv");
        assertThat(noHeader.errorFields()).containsExactly("header");
        ApiClient.Response allBad = recruiter.post("/plans/" + planId + "/batches",
                Map.of("candidates", List.of(row("X", "nope"))));
        assertThat(allBad.status()).isEqualTo(400);
        assertThat(allBad.errorFields()).containsExactly("row 1.email");
        assertThat(recruiter.post("/plans/" + planId + "/batches", Map.of("candidates", List.of(row("X", email("x"))),
                "sendAt", "tomorrow")).errorFields()).containsExactly("sendAt");
        assertThat(recruiter.post("/plans/" + planId + "/batches", Map.of("candidates", List.of(row("X", email("x"))),
                "sendAt", Instant.now().plus(Duration.ofDays(91)).toString())).errorFields()).containsExactly("sendAt");
    }

    @Test
    void aFutureBatchIsScheduledAndFiresAtItsTime() {
        String planId = plan(7);
        Instant sendAt = Instant.now().plusSeconds(8).truncatedTo(ChronoUnit.SECONDS);
        ApiClient.Response created = recruiter.post("/plans/" + planId + "/batches",
                Map.of("candidates", List.of(row("Future", email("future"))), "sendAt", sendAt.toString()));
        assertThat(created.json().path("status").asText()).isEqualTo("scheduled");
        String batchId = created.json().path("batchId").asText();
        assertThat(runtime.clients().scheduler().getSchedule(r -> r.name("batch-" + batchId)
                .groupName(LocalRuntime.SCHEDULE_GROUP)).scheduleExpression()).startsWith("at(");
        assertThat(mailbox.to(email("future"))).as("nothing before the send time").isEmpty();
        awaitMail(email("future"), 1);
        assertThat(Instant.now()).isAfterOrEqualTo(sendAt);
    }

    @Test
    void aBatchIsCancelledBeforeItsTimeAndItsAddressesAreFreeAgain() {
        String planId = plan(7);
        ApiClient.Response created = recruiter.post("/plans/" + planId + "/batches", Map.of("candidates",
                List.of(row("Later", email("later"))), "sendAt", Instant.now().plus(Duration.ofDays(1)).toString()));
        String batchId = created.json().path("batchId").asText();
        ApiClient.Response cancelled = recruiter.delete("/plans/" + planId + "/batches/" + batchId);
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().path("status").asText()).isEqualTo("cancelled");
        assertThat(cancelled.json().path("counts").path("cancelled").asInt()).isEqualTo(1);
        assertThat(recruiter.post("/plans/" + planId + "/batches", Map.of("candidates", List.of(row("Later", email("later"))),
                "sendAt", Instant.now().plus(Duration.ofDays(1)).toString())).json().path("accepted").asInt()).isEqualTo(1);
        // A batch already sent cannot be cancelled; another organisation sees no batch at all.
        String sentBatch = recruiter.post("/plans/" + planId + "/batches", Map.of("candidates",
                List.of(row("Now", email("now"))))).json().path("batchId").asText();
        awaitMail(email("now"), 1);
        assertThat(recruiter.delete("/plans/" + planId + "/batches/" + sentBatch).status()).isEqualTo(409);
        ApiClient other = ApiClient.recruiter(runtime, "other-" + UUID.randomUUID());
        assertThat(other.get("/plans/" + planId + "/batches/" + sentBatch).status()).isEqualTo(404);
        assertThat(other.delete("/plans/" + planId + "/batches/" + sentBatch).status()).isEqualTo(404);
        assertThat(other.post("/plans/" + planId + "/batches", Map.of("candidates", List.of(row("Z", email("z")))))
                .status()).isEqualTo(404);
    }

    @Test
    void aBatchOfFiveThousandCandidatesIsAcceptedInOneRequest() {
        String planId = plan(7);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            rows.add(row("Candidate Number " + i, "candidate" + i + "." + unique + "@candidates.example"));
        }
        rows.add(row("Too Many", email("c0")));
        rows.set(5000, row("Duplicate", "candidate0." + unique + "@candidates.example"));
        ApiClient.Response created = recruiter.post("/plans/" + planId + "/batches",
                Map.of("candidates", rows, "sendAt", Instant.now().plus(Duration.ofDays(1)).toString()));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        assertThat(created.json().path("accepted").asInt()).isEqualTo(5000);
        assertThat(created.json().path("rejected").path(0).path("row").asInt()).isEqualTo(5001);
        String batchId = created.json().path("batchId").asText();
        assertThat(recruiter.delete("/plans/" + planId + "/batches/" + batchId).json().path("counts")
                .path("cancelled").asInt()).isEqualTo(5000);
    }

    @Test
    void aRedeliveredInvitationMessageSendsNoSecondEmail() {
        String planId = plan(7);
        ApiClient.Response created = recruiter.post("/plans/" + planId + "/batches",
                Map.of("candidates", List.of(row("Once", email("once")))));
        awaitMail(email("once"), 1);
        var candidates = new DynamoCandidateRepository(runtime.clients().dynamoDb(),
                runtime.settings().tableName(dev.prescreen.cloud.Table.MAIN));
        // the email goes out before the candidate is marked sent: wait for the mark, not only the mail
        var candidate = Poll.until("the candidate marked sent", Duration.ofSeconds(10), () -> candidates
                .inBatch(organisation, created.json().path("batchId").asText()).stream()
                .filter(c -> c.state() == CandidateState.SENT).findFirst());
        String queue = runtime.settings().queueUrl(Queue.INVITATIONS);
        String message = Json.write(new SqsBatchDispatch.InvitationDue(organisation, candidate.candidateId(), null));
        runtime.clients().sqs().sendMessage(r -> r.queueUrl(queue).messageBody(message));
        runtime.clients().sqs().sendMessage(r -> r.queueUrl(queue).messageBody(message));
        Poll.until("the redelivered invitations to be consumed", Duration.ofSeconds(20), () -> {
            var attributes = runtime.clients().sqs().getQueueAttributes(r -> r.queueUrl(queue).attributeNamesWithStrings(
                    "ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible")).attributesAsStrings();
            return attributes.values().stream().allMatch("0"::equals) ? Optional.of(true) : Optional.empty();
        });
        assertThat(mailbox.to(email("once"))).hasSize(1);
    }

    @Test
    void candidatesWhoseLinkExpiresWithinADayGetOneReminderAndBouncesMarkThemUndeliverable() throws Exception {
        String planId = plan(1);
        String batchId = recruiter.post("/plans/" + planId + "/batches", Map.of("candidates",
                List.of(row("Rita", email("rita")), row("Bounce", email("bounce"))))).json().path("batchId").asText();
        LocalMailbox.Email invitation = awaitMail(email("rita"), 1).get(0);
        LocalMailbox.Email bounced = awaitMail(email("bounce"), 1).get(0);

        runtime.fire(RecurringSchedule.REMINDERS);
        runtime.fire(RecurringSchedule.REMINDERS);
        List<LocalMailbox.Email> ritas = mailbox.to(email("rita"));
        assertThat(ritas).hasSize(2);
        LocalMailbox.Email reminder = ritas.get(1);
        assertThat(reminder.subject()).startsWith("Reminder:");
        assertThat(reminder.interviewLink()).isPresent().isNotEqualTo(invitation.interviewLink());
        // The reminder's link opens the same interview.
        String token = reminder.interviewLink().orElseThrow().replaceFirst(".*#", "");
        assertThat(new ApiClient(runtime.apiEndpoint(), null).get("/sessions/" + token).status()).isEqualTo(200);

        // The SES event as the stack delivers it (EventBridge), and as an SNS subscription would.
        String queue = runtime.settings().queueUrl(Queue.EMAIL_EVENTS);
        for (String fixture : List.of("/ses/bounce-via-eventbridge.json", "/ses/bounce-via-sns.json")) {
            String event;
            try (InputStream in = BatchesIT.class.getResourceAsStream(fixture)) {
                event = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                        .replace("MESSAGE_ID", bounced.messageId()).replace("RECIPIENT", email("bounce"));
            }
            runtime.clients().sqs().sendMessage(r -> r.queueUrl(queue).messageBody(event));
        }
        JsonNode counts = Poll.until("the bounce to be recorded", Duration.ofSeconds(20), () -> Optional.of(
                recruiter.get("/plans/" + planId + "/batches/" + batchId).json().path("counts"))
                .filter(c -> c.path("undeliverable").asInt() == 1));
        assertThat(counts.path("sent").asInt()).isEqualTo(1);
    }
}
