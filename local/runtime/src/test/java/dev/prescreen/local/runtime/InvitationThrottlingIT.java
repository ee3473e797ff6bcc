package dev.prescreen.local.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.prescreen.cloud.LambdaFunction;
import dev.prescreen.cloud.Table;
import dev.prescreen.config.Settings;
import dev.prescreen.domain.bank.QuestionBanks;
import dev.prescreen.domain.candidate.CandidateState;
import dev.prescreen.domain.candidate.InvitationService;
import dev.prescreen.domain.email.Mailer;
import dev.prescreen.domain.plan.PlanRules;
import dev.prescreen.domain.plan.PlanService;
import dev.prescreen.json.Json;
import dev.prescreen.local.cloud.LocalCloud;
import dev.prescreen.local.cloud.LocalMailbox;
import dev.prescreen.local.cloud.junit.Poll;
import dev.prescreen.messages.SesMailer;
import dev.prescreen.messages.SqsBatch;
import dev.prescreen.messages.SqsBatchDispatch;
import dev.prescreen.storage.DynamoCandidateRepository;
import dev.prescreen.storage.DynamoInterviewRepository;
import dev.prescreen.storage.DynamoPlanRepository;
import dev.prescreen.storage.DynamoUsageMeter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** SES throttling: the send is given back to the queue and retried later, never dropped, never doubled. */
class InvitationThrottlingIT {

    @Test
    void aThrottledInvitationIsRetriedThroughTheQueueAndSentOnce() {
        AtomicInteger attempts = new AtomicInteger();
        try (LocalCloud cloud = LocalCloud.builder().start()) {
            Settings settings = new Settings(cloud.settings());
            String table = settings.tableName(Table.MAIN);
            Mailer ses = new SesMailer(cloud.clients().sesV2(), "prescreen@prescreen.local", null);
            // SES answers "too many requests" to the first attempt.
            Mailer throttledOnce = email -> {
                if (attempts.incrementAndGet() == 1) {
                    throw new Mailer.Throttled("Maximum sending rate exceeded", null);
                }
                return ses.send(email);
            };
            DynamoCandidateRepository candidates = new DynamoCandidateRepository(cloud.clients().dynamoDb(), table);
            InvitationService invitations = new InvitationService(candidates,
                    new PlanService(new DynamoPlanRepository(cloud.clients().dynamoDb(), table),
                            new PlanRules(QuestionBanks.builtIn()), Clock.systemUTC()),
                    new DynamoInterviewRepository(cloud.clients().dynamoDb(), table), throttledOnce,
                    new DynamoUsageMeter(cloud.clients().dynamoDb(), table), "http://127.0.0.1/interview/",
                    event -> { }, Clock.systemUTC());
            try (LocalRuntime runtime = LocalRuntime.builder().cloud(cloud).handler(LambdaFunction.INVITATION_SEND,
                    (SQSEvent event, Context context) -> SqsBatch.process("invitation.send", event, message -> {
                        SqsBatchDispatch.InvitationDue due = Json.read(message.getBody(), SqsBatchDispatch.InvitationDue.class);
                        invitations.invite(due.organisation(), due.candidateId());
                    })).start()) {
                String organisation = "org-" + UUID.randomUUID();
                ApiClient recruiter = ApiClient.recruiter(runtime, organisation);
                String planId = recruiter.post("/plans", PlansApiIT.validPlan()).json().path("planId").asText();
                String email = "throttled-" + UUID.randomUUID() + "@candidates.example";
                String batchId = recruiter.post("/plans/" + planId + "/batches",
                        Map.of("candidates", List.of(Map.of("name", "Tess", "email", email)))).json().path("batchId").asText();

                LocalMailbox mailbox = new LocalMailbox(cloud.sesEndpoint());
                Poll.until("the retried invitation", Duration.ofSeconds(30),
                        () -> mailbox.to(email).isEmpty() ? Optional.empty() : Optional.of(true));
                assertThat(attempts.get()).isEqualTo(2);
                assertThat(mailbox.to(email)).hasSize(1);
                assertThat(candidates.inBatch(organisation, batchId).get(0).state()).isEqualTo(CandidateState.SENT);
            }
        }
    }
}
