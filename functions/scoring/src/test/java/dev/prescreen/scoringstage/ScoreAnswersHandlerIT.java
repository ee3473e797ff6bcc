package dev.prescreen.scoringstage;

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
import dev.prescreen.domain.Transcript;
import dev.prescreen.domain.interview.Answer;
import dev.prescreen.domain.interview.AnswerKind;
import dev.prescreen.domain.interview.AnswerState;
import dev.prescreen.domain.interview.Interview;
import dev.prescreen.domain.interview.InterviewState;
import dev.prescreen.domain.interview.Invitations;
import dev.prescreen.domain.plan.Plan;
import dev.prescreen.domain.plan.PlanQuestion;
import dev.prescreen.json.Json;
import dev.prescreen.local.cloud.LocalCloud;
import dev.prescreen.local.cloud.junit.LocalCloudExtension;
import dev.prescreen.scoring.RubricScorer;
import dev.prescreen.scoring.ScoreCard;
import dev.prescreen.storage.DynamoInterviewRepository;
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
 * The score-answers handler (OpenNLP and the ONNX embedding model, loaded once here) fed the scoring queue's
 * message for a typed answer (fixtures under events/): the answer is scored, the interview completes once and is
 * handed to reporting.
 */
@ExtendWith(LocalCloudExtension.class)
class ScoreAnswersHandlerIT {

    private static final String ANSWER = "Mostly Java and Go. At my last job I built the payment service in Java 17 "
            + "with Spring Boot, and I wrote our deployment tooling in Go. I also use Python for data scripts.";

    private static AwsClients clients;
    private static String table;
    private static String reportingQueue;
    private static ScoreAnswersHandler handler;
    private static DynamoInterviewRepository interviews;

    @BeforeAll
    static void start(LocalCloud cloud) {
        clients = EventFixtures.clients(cloud);
        table = EventFixtures.table(cloud);
        reportingQueue = new Settings(cloud.settings()).queueUrl(Queue.REPORTING);
        handler = new ScoreAnswersHandler(clients, EventFixtures.settings(cloud, LambdaFunction.SCORE_ANSWERS));
        interviews = new DynamoInterviewRepository(clients.dynamoDb(), table);
    }

    @AfterAll
    static void stop() {
        clients.close();
    }

    /** A submitted interview whose first answer waits for its score and whose others are final (skipped). */
    private static Interview submitted(String organisation) {
        Plan plan = EventFixtures.plan(clients, table, organisation);
        plan = EventFixtures.planService(clients, table).freeze(organisation, plan.planId());
        Clock clock = Clock.systemUTC();
        Instant now = clock.instant();
        Interview invited = new Invitations(interviews, clock).open(plan, null, Ids.newId("cd", clock),
                Ids.newId("bt", clock)).interview();
        Interview interview = invited.withState(InterviewState.SUBMITTED, now);
        assertThat(interviews.replace(interview, invited.revision())).isTrue();
        for (PlanQuestion q : plan.questions()) {
            Answer served = Answer.served(AnswerKind.MAIN.answerId(interview.interviewId(), q.position()),
                    interview.interviewId(), organisation, plan.planId(), q.position(), AnswerKind.MAIN, q.text(), q.type(),
                    q.concepts(), plan.language(), now.minusSeconds(600));
            interviews.createAnswer(served.change(b -> {
                b.submittedAt = now.minusSeconds(500);
                b.followUpClosed = true;
                if (q.position() == 1) {
                    b.mode = Answer.TYPED;
                    b.transcript = Transcript.typed(ANSWER);
                    b.state = AnswerState.AWAITING_SCORE;
                } else {
                    b.state = AnswerState.NO_ANSWER;
                }
                return b;
            }));
        }
        return interview;
    }

    private static List<JsonNode> reportingMessagesOf(String organisation) {
        return drain(clients, reportingQueue).stream().map(m -> Json.read(m.body(), JsonNode.class))
                .filter(m -> organisation.equals(m.path("organisation").asText())).toList();
    }

    @Test
    void theAnswerIsScoredOnceTheInterviewCompletesOnceAndBadOrUnknownMessagesBehaveAsDocumented() {
        String organisation = "fixture-" + UUID.randomUUID();
        Interview interview = submitted(organisation);
        String answerId = AnswerKind.MAIN.answerId(interview.interviewId(), 1);
        SQSEvent event = sqsEvent("answer-ready.json", Map.of("ORG_ID", organisation,
                "INTERVIEW_ID", interview.interviewId(), "ANSWER_ID", answerId));
        reportingMessagesOf(organisation);

        SQSBatchResponse response = handler.handleRequest(event, null);

        assertThat(failures(response)).isEmpty();
        Answer scored = interviews.answer(organisation, interview.interviewId(), answerId).orElseThrow();
        assertThat(scored.state()).isEqualTo(AnswerState.SCORED);
        ScoreCard card = scored.scoreCard();
        assertThat(card.score()).isBetween(1, 5);
        assertThat(card.rule()).isNotBlank();
        assertThat(card.evidence()).isNotEmpty();
        assertThat(card.scorerVersion()).startsWith(RubricScorer.VERSION);
        assertThat(scored.followUp()).as("the session had moved on").isNull();
        Interview completed = interviews.find(organisation, interview.interviewId()).orElseThrow();
        assertThat(completed.state()).isEqualTo(InterviewState.COMPLETED);
        assertThat(completed.completedAt()).isNotNull();
        List<JsonNode> handedOn = reportingMessagesOf(organisation);
        assertThat(handedOn).hasSize(1);
        assertThat(handedOn.get(0).path("interviewId").asText()).isEqualTo(interview.interviewId());

        SQSBatchResponse redelivered = handler.handleRequest(event, null);

        assertThat(failures(redelivered)).isEmpty();
        assertThat(interviews.answer(organisation, interview.interviewId(), answerId).orElseThrow().revision())
                .as("scored once").isEqualTo(scored.revision());
        assertThat(interviews.find(organisation, interview.interviewId()).orElseThrow().revision())
                .as("completed once").isEqualTo(completed.revision());
        // Documented: a completed interview is handed to reporting again (reporting is idempotent).
        assertThat(reportingMessagesOf(organisation)).hasSize(1);

        SQSEvent bad = sqsEvent("scoring-malformed-and-unknown.json", Map.of("ORG_ID", organisation,
                "INTERVIEW_ID", interview.interviewId(), "ANSWER_ID", answerId));

        SQSBatchResponse mixed = handler.handleRequest(bad, null);

        assertThat(failures(mixed)).as("only the message of an unknown type is retried")
                .containsExactly(bad.getRecords().get(0).getMessageId());
        assertThat(reportingMessagesOf(organisation)).as("unknown interviews complete nothing").isEmpty();
        assertThat(interviews.answer(organisation, interview.interviewId(), answerId).orElseThrow().revision())
                .isEqualTo(scored.revision());
    }
}
