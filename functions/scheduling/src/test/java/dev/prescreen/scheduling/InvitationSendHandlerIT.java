package dev.prescreen.scheduling;

import static dev.prescreen.local.cloud.junit.EventFixtures.failures;
import static dev.prescreen.local.cloud.junit.EventFixtures.sqsEvent;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.prescreen.local.cloud.junit.EventFixtures;
import dev.prescreen.aws.AwsClients;
import dev.prescreen.cloud.LambdaFunction;
import dev.prescreen.domain.Ids;
import dev.prescreen.domain.candidate.Batch;
import dev.prescreen.domain.candidate.Candidate;
import dev.prescreen.domain.candidate.CandidateState;
import dev.prescreen.domain.interview.Interview;
import dev.prescreen.domain.interview.InterviewState;
import dev.prescreen.domain.interview.InvitationTokens;
import dev.prescreen.domain.plan.Plan;
import dev.prescreen.local.cloud.LocalCloud;
import dev.prescreen.local.cloud.LocalMailbox;
import dev.prescreen.local.cloud.junit.LocalCloudExtension;
import dev.prescreen.storage.DynamoCandidateRepository;
import dev.prescreen.storage.DynamoInterviewRepository;
import dev.prescreen.storage.DynamoPlanRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The invitation handler fed the invitations message the batch sender writes (fixtures under events/): the plan
 * freezes, the interview opens, one email reaches the local SES, and a redelivery sends nothing more.
 */
@ExtendWith(LocalCloudExtension.class)
class InvitationSendHandlerIT {

    private static AwsClients clients;
    private static LocalMailbox mailbox;
    private static String table;
    private static InvitationSendHandler handler;
    private static DynamoCandidateRepository candidates;

    @BeforeAll
    static void start(LocalCloud cloud) {
        clients = EventFixtures.clients(cloud);
        table = EventFixtures.table(cloud);
        mailbox = new LocalMailbox(cloud.sesEndpoint());
        handler = new InvitationSendHandler(clients, EventFixtures.settings(cloud, LambdaFunction.INVITATION_SEND));
        candidates = new DynamoCandidateRepository(clients.dynamoDb(), table);
    }

    @AfterAll
    static void stop() {
        clients.close();
    }

    /** A scheduled candidate of a batch being sent, on a plan not yet frozen. */
    private static Candidate scheduledCandidate(String organisation, Plan plan) {
        Clock clock = Clock.systemUTC();
        Instant now = clock.instant();
        Batch batch = new Batch(Ids.newId("bt", clock), organisation, plan.planId(), now, Batch.BatchStatus.SENDING, 1, 0,
                now, 2);
        candidates.createBatch(batch);
        Candidate candidate = new Candidate(Ids.newId("cd", clock), organisation, plan.planId(), batch.batchId(),
                "Ada Lovelace", "ada@" + organisation + ".example", null, null, CandidateState.SCHEDULED,
                Ids.newId("iv", clock), null, null, null, null, 1);
        candidates.createCandidates(List.of(candidate));
        return candidate;
    }

    @Test
    void theCandidateIsInvitedOnceWithAPersonalLinkAndARedeliverySendsNothing() {
        String organisation = "fixture-" + UUID.randomUUID();
        Plan plan = EventFixtures.plan(clients, table, organisation);
        Candidate candidate = scheduledCandidate(organisation, plan);
        SQSEvent event = sqsEvent("invitation-send.json", Map.of("ORG_ID", organisation,
                "CANDIDATE_ID", candidate.candidateId()));

        SQSBatchResponse response = handler.handleRequest(event, null);

        assertThat(failures(response)).isEmpty();
        Candidate sent = candidates.find(organisation, candidate.candidateId()).orElseThrow();
        assertThat(sent.state()).isEqualTo(CandidateState.SENT);
        assertThat(sent.sendIntentAt()).isNotNull();
        assertThat(sent.sentAt()).isNotNull();
        Plan frozen = new DynamoPlanRepository(clients.dynamoDb(), table).find(organisation, plan.planId()).orElseThrow();
        assertThat(frozen.frozen()).as("the first invitation freezes the plan").isTrue();
        DynamoInterviewRepository interviews = new DynamoInterviewRepository(clients.dynamoDb(), table);
        Interview interview = interviews.find(organisation, candidate.interviewId()).orElseThrow();
        assertThat(interview.state()).isEqualTo(InterviewState.INVITED);
        assertThat(interview.candidateId()).isEqualTo(candidate.candidateId());
        assertThat(interview.batchId()).isEqualTo(candidate.batchId());
        assertThat(interview.planVersion()).isEqualTo(frozen.version());

        List<LocalMailbox.Email> emails = mailbox.to(candidate.email());
        assertThat(emails).hasSize(1);
        LocalMailbox.Email email = emails.get(0);
        assertThat(email.from()).isEqualTo(EventFixtures.SENDER);
        assertThat(email.subject()).contains("Backend Engineer");
        String link = email.interviewLink().orElseThrow();
        assertThat(link).startsWith(EventFixtures.CANDIDATE_PAGE_URL + "#");
        String token = link.substring(link.indexOf('#') + 1);
        assertThat(interviews.findToken(InvitationTokens.hash(token)).orElseThrow().interviewId())
                .as("the link opens the candidate's interview").isEqualTo(candidate.interviewId());

        SQSBatchResponse redelivered = handler.handleRequest(event, null);

        assertThat(failures(redelivered)).isEmpty();
        assertThat(mailbox.to(candidate.email())).hasSize(1);
        assertThat(candidates.find(organisation, candidate.candidateId()).orElseThrow().revision())
                .isEqualTo(sent.revision());
    }

    @Test
    void aMalformedMessageFailsAloneAndAnUnknownCandidateIsANoOp() {
        String organisation = "fixture-" + UUID.randomUUID();
        Plan plan = EventFixtures.plan(clients, table, organisation);
        Candidate bystander = scheduledCandidate(organisation, plan);
        SQSEvent event = sqsEvent("invitation-send-malformed-and-unknown.json", Map.of("ORG_ID", organisation,
                "CANDIDATE_ID", bystander.candidateId()));

        SQSBatchResponse response = handler.handleRequest(event, null);

        assertThat(failures(response)).containsExactly(event.getRecords().get(0).getMessageId());
        assertThat(candidates.find(organisation, bystander.candidateId()).orElseThrow().state())
                .isEqualTo(CandidateState.SCHEDULED);
        assertThat(mailbox.all()).noneMatch(email -> email.to().stream().anyMatch(to -> to.endsWith(organisation + ".example")));
        assertThat(new DynamoPlanRepository(clients.dynamoDb(), table).find(organisation, plan.planId()).orElseThrow()
                .frozen()).as("nothing was sent, so nothing froze the plan").isFalse();
    }
}
