package dev.prescreen.local.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.prescreen.aws.AwsClients;
import dev.prescreen.cloud.Queue;
import dev.prescreen.cloud.RecurringSchedule;
import dev.prescreen.config.Settings;
import dev.prescreen.domain.interview.Answer;
import dev.prescreen.domain.interview.AnswerKind;
import dev.prescreen.domain.interview.AnswerState;
import dev.prescreen.domain.interview.InvitationTokens;
import dev.prescreen.local.cloud.LocalCloud;
import dev.prescreen.local.cloud.LocalMailbox;
import dev.prescreen.local.cloud.junit.Poll;
import dev.prescreen.local.runtime.demo.CandidateDriver;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crash of the local stack loses nothing: the stack runs in a JVM of its own on a data folder (as
 * {@code ./prescreen up} keeps one in .prescreen/), is killed with SIGKILL at the worst moment (no shutdown hook,
 * no drain of the pollers, messages in flight), and a new stack started on the same folder, with the pipeline
 * reconciler told to take everything at once, ends the interview in a report and its email.
 *
 * <p>The stack after the crash runs in this JVM, so the test can fire the reconciler's schedule and read the
 * tables. The mailbox (aws-ses-v2-local) keeps mail in memory, so the invitation is read from the first stack's
 * and the report email from the second's.
 */
class CrashRecoveryIT {

    private static final Duration START = Duration.ofSeconds(120);
    private static final Duration PIPELINE = Duration.ofSeconds(90);

    @TempDir
    Path state;

    @Test
    void aCrashRightAfterTheCandidateFinishedStillEndsInAReportAndItsEmail() {
        String organisation = "org-" + UUID.randomUUID();
        String recipient = "hiring-" + UUID.randomUUID() + "@acme.example";
        String candidateEmail = "ada-" + UUID.randomUUID() + "@candidates.example";
        Map<String, Integer> ports = StackProcess.freePorts();
        String token;
        try (StackProcess up = StackProcess.up(state, ports)) {
            up.awaitOutput("prescreen is up", START);
            URI api = URI.create("http://127.0.0.1:" + ports.get("api-port"));
            ApiClient recruiter = recruiter(api, organisation);
            String planId = createPlan(recruiter, recipient);
            ApiClient.Response batch = recruiter.post("/plans/" + planId + "/batches",
                    Map.of("candidates", List.of(Map.of("name", "Ada Lovelace", "email", candidateEmail))));
            assertThat(batch.status()).as(batch.raw()).isLessThan(300);
            String link = invitationLink(URI.create("http://127.0.0.1:" + ports.get("ses-port")), candidateEmail);
            CandidateDriver candidate = new CandidateDriver(api, link);
            token = candidate.token();
            // Six of the seven questions answered, then "finish": the seventh counts as not answered.
            assertThat(candidate.run(ReportsIT.strong(), 6, PIPELINE)).isEqualTo(6);
            ApiClient.Response finished = new ApiClient(api, null).post("/sessions/" + token + "/finish", null);
            assertThat(finished.status()).as(finished.raw()).isEqualTo(200);
            List<ProcessHandle> children = up.descendants();
            up.kill();
            StackProcess.awaitAllGone(children, Duration.ofSeconds(15));
        }

        try (Restarted stack = Restarted.on(state)) {
            String interviewId = interviewId(stack.runtime, token);
            stack.runtime.fire(RecurringSchedule.PIPELINE_RECONCILER);
            ApiClient recruiter = recruiter(stack.runtime.apiEndpoint(), organisation);
            JsonNode report = Poll.until("the report after the crash", PIPELINE, () -> {
                ApiClient.Response response = recruiter.get("/interviews/" + interviewId + "/report");
                return response.status() == 200 ? Optional.of(response.json().path("report")) : Optional.empty();
            });
            assertThat(report.path("questions")).hasSize(7);
            assertThat(report.path("questions").path(0).path("score").asInt()).isBetween(1, 5);
            LocalMailbox.Email email = Poll.until("the report email after the crash", PIPELINE,
                    () -> stack.mailbox().to(recipient).stream().findFirst());
            assertThat(email.subject()).contains("Ada Lovelace", report.path("overall").asText() + "/100");
        }
    }

    @Test
    void aCrashRightAfterAnAnswerWasSubmittedLosesNeitherTheAnswerNorItsScore() {
        String organisation = "org-" + UUID.randomUUID();
        String recipient = "hiring-" + UUID.randomUUID() + "@acme.example";
        String candidateEmail = "grace-" + UUID.randomUUID() + "@candidates.example";
        String link;
        try (StackProcess stack = StackProcess.start(HeldScoringStack.class, List.of(state.toString()),
                state.resolve("held-scoring.out"))) {
            stack.awaitOutput("stack is up", START);
            URI api = stack.printedUri("api");
            ApiClient recruiter = recruiter(api, organisation);
            String planId = createPlan(recruiter, recipient);
            recruiter.post("/plans/" + planId + "/batches",
                    Map.of("candidates", List.of(Map.of("name", "Grace Hopper", "email", candidateEmail))));
            link = invitationLink(stack.printedUri("mailbox"), candidateEmail);
            assertThat(new CandidateDriver(api, link).run(ReportsIT.strong(), 1, PIPELINE)).isEqualTo(1);
            // The answer's scoring message was received and is being handled (held, in fact) when the stack dies.
            stack.awaitOutput("holding a scoring message", PIPELINE);
            List<ProcessHandle> children = stack.descendants();
            stack.kill();
            StackProcess.awaitAllGone(children, Duration.ofSeconds(15));
        }

        try (Restarted stack = Restarted.on(state)) {
            String token = link.substring(link.indexOf('#') + 1);
            String interviewId = interviewId(stack.runtime, token);
            List<Answer> before = Fixtures.interviews(stack.runtime).answers(organisation, interviewId);
            Answer first = before.stream().filter(a -> a.position() == 1 && a.kind() == AnswerKind.MAIN).findFirst().orElseThrow();
            assertThat(first.state()).as("the answer was kept, its score never came").isEqualTo(AnswerState.AWAITING_SCORE);
            // Its message is still in flight (invisible for the queue's visibility timeout, as in SQS): only the
            // reconciler can hand the answer on within this test's deadline.
            stack.runtime.fire(RecurringSchedule.PIPELINE_RECONCILER);
            Answer scored = Poll.until("the reconciler's rescoring of the answer", PIPELINE, () -> Fixtures
                    .interviews(stack.runtime).answer(organisation, interviewId, first.answerId())
                    .filter(a -> a.state() == AnswerState.SCORED));
            assertThat(scored.scoreCard()).isNotNull();

            new CandidateDriver(stack.runtime.apiEndpoint(), link).run(ReportsIT.strong(), Integer.MAX_VALUE, PIPELINE);
            ApiClient recruiter = recruiter(stack.runtime.apiEndpoint(), organisation);
            JsonNode report = Poll.until("the report", PIPELINE, () -> {
                ApiClient.Response response = recruiter.get("/interviews/" + interviewId + "/report");
                return response.status() == 200 ? Optional.of(response.json().path("report")) : Optional.empty();
            });
            assertThat(report.path("questions").path(0).path("score").asInt())
                    .isEqualTo(scored.scoreCard().score());
            assertThat(report.path("questions").path(0).path("transcript").toString()).contains("Zalando");
            assertThat(Poll.until("the report email", PIPELINE, () -> stack.mailbox().to(recipient).stream().findFirst())
                    .subject()).contains("Grace Hopper");
        }
    }

    @Test
    void everyMessageSqsAcknowledgedBeforeTheCrashIsThereAfterIt() {
        Map<String, Integer> ports = StackProcess.freePorts();
        String queueName = "prescreen-" + Queue.SCORING.deadLetterName();
        int count = 200;
        List<String> sent = new java.util.ArrayList<>();
        try (StackProcess up = StackProcess.up(state, ports)) {
            up.awaitOutput("prescreen is up", START);
            try (AwsClients clients = new AwsClients(new Settings(Map.of("AWS_REGION", LocalCloud.REGION,
                    "AWS_ACCESS_KEY_ID", "local", "AWS_SECRET_ACCESS_KEY", "local-secret",
                    "AWS_ENDPOINT_URL_SQS", "http://127.0.0.1:" + ports.get("sqs-port"))))) {
                // A dead-letter queue: nothing consumes it, so every message must still be there.
                String url = clients.sqs().getQueueUrl(r -> r.queueName(queueName)).queueUrl();
                for (int i = 0; i < count; i++) {
                    String body = "message-" + i + "-" + UUID.randomUUID();
                    clients.sqs().sendMessage(r -> r.queueUrl(url).messageBody(body));
                    sent.add(body);
                }
            }
            // Killed the moment the last send was acknowledged: nothing had time to be flushed later.
            List<ProcessHandle> children = up.descendants();
            up.kill();
            StackProcess.awaitAllGone(children, Duration.ofSeconds(15));
        }

        try (Restarted stack = Restarted.on(state)) {
            String url = stack.runtime.clients().sqs().getQueueUrl(r -> r.queueName(queueName)).queueUrl();
            List<String> received = new java.util.ArrayList<>();
            Poll.until("all " + count + " messages", PIPELINE, () -> {
                stack.runtime.clients().sqs().receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10)
                        .waitTimeSeconds(1)).messages().forEach(m -> {
                            received.add(m.body());
                            stack.runtime.clients().sqs().deleteMessage(r -> r.queueUrl(url).receiptHandle(m.receiptHandle()));
                        });
                return received.size() >= count ? Optional.of(true) : Optional.empty();
            });
            assertThat(received).containsExactlyInAnyOrderElementsOf(sent);
        }
    }

    /** A recruiter's client; every stack of a test signs with the key kept in the state folder. */
    private ApiClient recruiter(URI api, String organisation) {
        return new ApiClient(api, LocalJwt.fromFolder(state).mint(organisation, "recruiter@" + organisation + ".example",
                Duration.ofMinutes(30)));
    }

    private static String createPlan(ApiClient recruiter, String recipient) {
        Map<String, Object> body = new HashMap<>(PlansApiIT.validPlan());
        body.put("recipients", List.of(recipient));
        body.put("followUps", Map.of("enabled", false));
        ApiClient.Response created = recruiter.post("/plans", body);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.json().path("planId").asText();
    }

    private static String invitationLink(URI mailbox, String candidateEmail) {
        return Poll.until("the invitation to " + candidateEmail, PIPELINE,
                () -> new LocalMailbox(mailbox).to(candidateEmail).stream().findFirst())
                .interviewLink().orElseThrow();
    }

    private static String interviewId(LocalRuntime runtime, String token) {
        return Fixtures.interviews(runtime).findToken(InvitationTokens.hash(token)).orElseThrow().interviewId();
    }

    /** The stack started again on the crashed one's folder, in this JVM, reconciling without delay. */
    private record Restarted(LocalCloud cloud, LocalRuntime runtime) implements AutoCloseable {
        static Restarted on(Path state) {
            Path data = state.resolve("data");
            LocalCloud cloud = LocalCloud.builder().dataDir(data).start();
            try {
                return new Restarted(cloud, LocalRuntime.builder().cloud(cloud).dataDir(data)
                        .jwt(LocalJwt.fromFolder(state))
                        .setting(Settings.PIPELINE_RECONCILE_AFTER_SECONDS, "0")
                        .start());
            } catch (RuntimeException e) {
                cloud.close();
                throw e;
            }
        }

        LocalMailbox mailbox() {
            return new LocalMailbox(cloud.sesEndpoint());
        }

        @Override
        public void close() {
            runtime.close();
            cloud.close();
        }
    }

    /**
     * A stack like {@code up}'s (data kept under {@code STATE/data}) whose scoring consumer takes a message and then
     * holds it forever, so that the test can kill the stack while an answer's scoring is under way. It prints its
     * endpoints, and exits when its stdin ends (the test JVM is gone).
     */
    static final class HeldScoringStack {
        public static void main(String[] args) throws IOException {
            Path state = Path.of(args[0]);
            Path data = state.resolve("data");
            CountDownLatch never = new CountDownLatch(1);
            LocalCloud cloud = LocalCloud.builder().dataDir(data).start();
            LocalRuntime runtime = LocalRuntime.builder().cloud(cloud).dataDir(data).jwt(LocalJwt.fromFolder(state))
                    .consumer(Queue.SCORING, (SQSEvent event, com.amazonaws.services.lambda.runtime.Context context) -> {
                        System.out.println("holding a scoring message: " + event.getRecords().get(0).getBody());
                        try {
                            never.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return new SQSBatchResponse(List.of());
                    })
                    .start();
            System.out.println("stack is up api=" + runtime.apiEndpoint() + " mailbox=" + cloud.sesEndpoint());
            InputStream in = System.in;
            while (in.read() >= 0) {
                // wait for end of input
            }
            System.exit(0);
        }
    }
}
