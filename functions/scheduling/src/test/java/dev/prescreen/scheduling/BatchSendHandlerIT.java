package dev.prescreen.scheduling;

import static dev.prescreen.local.cloud.junit.EventFixtures.drain;
import static dev.prescreen.local.cloud.junit.EventFixtures.failures;
import static dev.prescreen.local.cloud.junit.EventFixtures.sqsEvent;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.prescreen.local.cloud.junit.EventFixtures;
import dev.prescreen.aws.AwsClients;
import dev.prescreen.cloud.LambdaFunction;
import dev.prescreen.cloud.Queue;
import dev.prescreen.config.Settings;
import dev.prescreen.domain.Ids;
import dev.prescreen.domain.candidate.Batch;
import dev.prescreen.domain.candidate.Candidate;
import dev.prescreen.domain.candidate.CandidateState;
import dev.prescreen.domain.plan.Plan;
import dev.prescreen.json.Json;
import dev.prescreen.local.cloud.LocalCloud;
import dev.prescreen.local.cloud.LocalMailbox;
import dev.prescreen.local.cloud.junit.LocalCloudExtension;
import dev.prescreen.storage.DynamoCandidateRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The batch-send handler fed the batch-sends message as EventBridge Scheduler delivers it (fixtures under
 * events/), with the batch and its candidates in DynamoDB on the local cloud: it fans out to the invitations queue.
 */
@ExtendWith(LocalCloudExtension.class)
class BatchSendHandlerIT {

    private static AwsClients clients;
    private static LocalCloud cloud;
    private static String table;
    private static String invitationsQueue;
    private static BatchSendHandler handler;
    private static DynamoCandidateRepository candidates;

    @BeforeAll
    static void start(LocalCloud localCloud) {
        cloud = localCloud;
        clients = EventFixtures.clients(cloud);
        table = EventFixtures.table(cloud);
        invitationsQueue = new Settings(cloud.settings()).queueUrl(Queue.INVITATIONS);
        handler = new BatchSendHandler(clients, EventFixtures.settings(cloud, LambdaFunction.BATCH_SEND));
        candidates = new DynamoCandidateRepository(clients.dynamoDb(), table);
    }

    @AfterAll
    static void stop() {
        clients.close();
    }

    private record Scheduled(String organisation, Plan plan, Batch batch, List<Candidate> members) {
    }

    /** A plan and a batch whose send time has come, written through the repositories as the batches API writes them. */
    private static Scheduled scheduled(Batch.BatchStatus status, CandidateState... states) {
        String organisation = "fixture-" + UUID.randomUUID();
        Plan plan = EventFixtures.plan(clients, table, organisation);
        Clock clock = Clock.systemUTC();
        Instant now = clock.instant();
        Batch batch = new Batch(Ids.newId("bt", clock), organisation, plan.planId(), now, status, states.length, 0, now, 1);
        candidates.createBatch(batch);
        List<Candidate> members = new ArrayList<>();
        for (int i = 0; i < states.length; i++) {
            members.add(new Candidate(Ids.newId("cd", clock), organisation, plan.planId(), batch.batchId(),
                    "Candidate " + i, "candidate" + i + "@" + organisation + ".example", null, null, states[i],
                    Ids.newId("iv", clock), null, null, null, null, 1));
        }
        candidates.createCandidates(members);
        return new Scheduled(organisation, plan, batch, members);
    }

    private static SQSEvent batchSend(Scheduled s) {
        return sqsEvent("batch-send.json", Map.of("ORG_ID", s.organisation(), "PLAN_ID", s.plan().planId(),
                "BATCH_ID", s.batch().batchId()));
    }

    private static List<Message> invitationsOf(String organisation) {
        return drain(clients, invitationsQueue).stream()
                .filter(m -> organisation.equals(Json.read(m.body(), JsonNode.class).path("organisation").asText()))
                .toList();
    }

    private static List<String> invitedIds(List<Message> messages) {
        return messages.stream().map(m -> Json.read(m.body(), JsonNode.class).path("candidateId").asText()).toList();
    }

    private static Batch batchOf(Scheduled s) {
        return candidates.findBatch(s.organisation(), s.plan().planId(), s.batch().batchId()).orElseThrow();
    }

    @Test
    void theDueBatchFansOutOneInvitationPerScheduledCandidateAndRedeliveriesEmailNoOneTwice() {
        Scheduled s = scheduled(Batch.BatchStatus.SCHEDULED, CandidateState.SCHEDULED, CandidateState.SCHEDULED,
                CandidateState.SCHEDULED);
        Candidate erased = s.members().get(2);
        // erased on request before the send time: not invited
        candidates.replace(erased.erased(), erased.revision());
        List<String> scheduledIds = List.of(s.members().get(0).candidateId(), s.members().get(1).candidateId());
        drain(clients, invitationsQueue);

        SQSBatchResponse response = handler.handleRequest(batchSend(s), null);

        assertThat(failures(response)).isEmpty();
        assertThat(batchOf(s).status()).isEqualTo(Batch.BatchStatus.SENT);
        List<Message> first = invitationsOf(s.organisation());
        assertThat(invitedIds(first)).containsExactlyInAnyOrderElementsOf(scheduledIds);
        // ids and what to send, nothing personal
        assertThat(first).allSatisfy(m -> assertThat(Json.read(m.body(), JsonNode.class).fieldNames())
                .toIterable().containsExactlyInAnyOrder("organisation", "candidateId", "kind"));

        // Redelivered before the invitations went out: the still-scheduled candidates are handed on again
        // (documented: invitations are idempotent per candidate), the batch stays sent.
        assertThat(failures(handler.handleRequest(batchSend(s), null))).isEmpty();
        List<Message> again = invitationsOf(s.organisation());
        assertThat(invitedIds(again)).isSubsetOf(scheduledIds);
        assertThat(batchOf(s).status()).isEqualTo(Batch.BatchStatus.SENT);

        // The invitation consumer takes every one of those messages: one email per candidate.
        List<Message> all = new ArrayList<>(first);
        all.addAll(again);
        InvitationSendHandler invitations = new InvitationSendHandler(clients,
                EventFixtures.settings(cloud, LambdaFunction.INVITATION_SEND));
        String queueArn = "arn:aws:sqs:" + LocalCloud.REGION + ":" + LocalCloud.ACCOUNT_ID + ":"
                + invitationsQueue.substring(invitationsQueue.lastIndexOf('/') + 1);
        assertThat(failures(invitations.handleRequest(EventFixtures.sqsEvent(all, queueArn), null))).isEmpty();
        LocalMailbox mailbox = new LocalMailbox(cloud.sesEndpoint());
        for (Candidate member : s.members().subList(0, 2)) {
            assertThat(mailbox.to(member.email())).as("emails to " + member.email()).hasSize(1);
            assertThat(candidates.find(s.organisation(), member.candidateId()).orElseThrow().state())
                    .isEqualTo(CandidateState.SENT);
        }
        assertThat(mailbox.to(erased.email())).isEmpty();

        // Redelivered once the invitations are out: nothing more to hand on.
        Batch sent = batchOf(s);
        assertThat(failures(handler.handleRequest(batchSend(s), null))).isEmpty();
        assertThat(invitationsOf(s.organisation())).isEmpty();
        assertThat(batchOf(s).revision()).isEqualTo(sent.revision());
    }

    @Test
    void aMalformedMessageFailsAloneAndUnknownOrCancelledBatchesAreNoOps() {
        Scheduled cancelled = scheduled(Batch.BatchStatus.CANCELLED, CandidateState.CANCELLED);
        drain(clients, invitationsQueue);
        SQSEvent event = sqsEvent("batch-send-malformed-and-unknown.json", Map.of("ORG_ID", cancelled.organisation(),
                "PLAN_ID", cancelled.plan().planId(), "CANCELLED_BATCH_ID", cancelled.batch().batchId()));

        SQSBatchResponse response = handler.handleRequest(event, null);

        assertThat(failures(response)).as("only the malformed message is retried")
                .containsExactly(event.getRecords().get(0).getMessageId());
        assertThat(invitationsOf(cancelled.organisation())).isEmpty();
        assertThat(batchOf(cancelled).status()).isEqualTo(Batch.BatchStatus.CANCELLED);
        assertThat(batchOf(cancelled).revision()).isEqualTo(cancelled.batch().revision());
        assertThat(candidates.find(cancelled.organisation(), cancelled.members().get(0).candidateId()).orElseThrow()
                .state()).isEqualTo(CandidateState.CANCELLED);
    }
}
