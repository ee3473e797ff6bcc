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
import dev.prescreen.domain.candidate.Candidate;
import dev.prescreen.domain.candidate.CandidateState;
import dev.prescreen.local.cloud.LocalCloud;
import dev.prescreen.local.cloud.junit.LocalCloudExtension;
import dev.prescreen.storage.DynamoCandidateRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The email-events handler fed SES bounce and complaint events in both envelopes it accepts (fixtures under
 * events/): from the configuration set through EventBridge, and through SNS into the queue.
 */
@ExtendWith(LocalCloudExtension.class)
class EmailEventsHandlerIT {

    private static AwsClients clients;
    private static EmailEventsHandler handler;
    private static DynamoCandidateRepository candidates;

    @BeforeAll
    static void start(LocalCloud cloud) {
        clients = EventFixtures.clients(cloud);
        handler = new EmailEventsHandler(clients, EventFixtures.settings(cloud, LambdaFunction.EMAIL_EVENTS));
        candidates = new DynamoCandidateRepository(clients.dynamoDb(), EventFixtures.table(cloud));
    }

    @AfterAll
    static void stop() {
        clients.close();
    }

    private record Invited(Candidate candidate, String sesMessageId) {
        Map<String, String> values() {
            return Map.of("SES_MESSAGE_ID", sesMessageId, "CANDIDATE_EMAIL", candidate.email());
        }
    }

    /** A candidate whose invitation SES accepted, with the message id remembered as the invitation handler does. */
    private static Invited invited() {
        String organisation = "fixture-" + UUID.randomUUID();
        Clock clock = Clock.systemUTC();
        Instant sent = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Candidate candidate = new Candidate(Ids.newId("cd", clock), organisation, Ids.newId("pl", clock),
                Ids.newId("bt", clock), "Ada Lovelace", "ada@" + organisation + ".example", null, null,
                CandidateState.SENT, Ids.newId("iv", clock), sent, sent, null, null, 4);
        candidates.createCandidates(List.of(candidate));
        String sesMessageId = "0100019a7c8d9e0f-" + UUID.randomUUID() + "-000000";
        candidates.rememberMessage(sesMessageId, organisation, candidate.candidateId());
        return new Invited(candidate, sesMessageId);
    }

    private static Candidate current(Invited invited) {
        return candidates.find(invited.candidate().organisation(), invited.candidate().candidateId()).orElseThrow();
    }

    @Test
    void aPermanentBounceThroughEventBridgeMarksTheAddressUndeliverableOnce() {
        Invited invited = invited();
        SQSEvent event = sqsEvent("email-events-eventbridge-bounce.json", invited.values());

        SQSBatchResponse response = handler.handleRequest(event, null);

        assertThat(failures(response)).isEmpty();
        Candidate bounced = current(invited);
        assertThat(bounced.state()).isEqualTo(CandidateState.UNDELIVERABLE);
        assertThat(bounced.failureReason()).isEqualTo("bounced: General");
        assertThat(bounced.sentAt()).as("kept").isEqualTo(invited.candidate().sentAt());

        assertThat(failures(handler.handleRequest(event, null))).isEmpty();
        assertThat(current(invited).revision()).as("a redelivery changes nothing").isEqualTo(bounced.revision());
    }

    @Test
    void aComplaintThroughSnsMarksTheAddressUndeliverableOnce() {
        Invited invited = invited();
        SQSEvent event = sqsEvent("email-events-sns-complaint.json", invited.values());

        SQSBatchResponse response = handler.handleRequest(event, null);

        assertThat(failures(response)).isEmpty();
        Candidate complained = current(invited);
        assertThat(complained.state()).isEqualTo(CandidateState.UNDELIVERABLE);
        assertThat(complained.failureReason()).isEqualTo("complaint: abuse");

        assertThat(failures(handler.handleRequest(event, null))).isEmpty();
        assertThat(current(invited).revision()).as("a redelivery changes nothing").isEqualTo(complained.revision());
    }

    @Test
    void aMalformedMessageFailsAloneWhileUnknownMessagesTransientBouncesAndDeliveriesChangeNothing() {
        Invited invited = invited();
        SQSEvent event = sqsEvent("email-events-malformed-and-unknown.json", invited.values());

        SQSBatchResponse response = handler.handleRequest(event, null);

        assertThat(failures(response)).containsExactly(event.getRecords().get(0).getMessageId());
        Candidate unchanged = current(invited);
        assertThat(unchanged.state()).isEqualTo(CandidateState.SENT);
        assertThat(unchanged.revision()).isEqualTo(invited.candidate().revision());
    }
}
