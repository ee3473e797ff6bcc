package dev.prescreen.scoringstage;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.prescreen.lambda.Priming;
import java.util.List;
import dev.prescreen.scoring.QuestionType;
import dev.prescreen.scoring.ScoringInput;
import dev.prescreen.aws.AwsClients;
import dev.prescreen.cloud.Queue;
import dev.prescreen.cloud.Table;
import dev.prescreen.config.Settings;
import dev.prescreen.domain.pipeline.ScoringStage;
import dev.prescreen.json.Json;
import dev.prescreen.messages.SqsReportingQueue;
import dev.prescreen.messages.ScoringMessage;
import dev.prescreen.messages.SqsBatch;
import dev.prescreen.scoring.RubricScorer;
import dev.prescreen.scoring.ThreadConfinedScorer;
import dev.prescreen.scoring.followup.FollowUpPolicy;
import dev.prescreen.storage.DynamoInterviewRepository;
import dev.prescreen.storage.DynamoPlanRepository;
import java.time.Clock;

/** Scores answers from the scoring queue and finishes interviews whose answers are all final. */
public final class ScoreAnswersHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    /** Held here: the CRaC context keeps its resources only weakly. */
    @SuppressWarnings("unused")
    private Priming<?> priming;

    private final ScoringStage stage;
    private final ThreadConfinedScorer scorer;

    /** Lambda's constructor: configured from the environment, and primed (see {@link Priming}). */
    public ScoreAnswersHandler() {
        this(AwsClients.forLambda(), Settings.fromProcessEnvironment());
        // the scorer is reached only for an answer that exists: score a sample one, in memory
        this.priming = Priming.atInitialisation(this, () -> scorer.score(ScoringInput.of(
                "Tell me about a time you improved the performance of a service.", QuestionType.BEHAVIORAL, List.of(),
                "At my last job I profiled our order service, found an N+1 query and batched it, which cut the p99 "
                        + "latency from 800 to 120 milliseconds.")));
    }

    public ScoreAnswersHandler(AwsClients clients, Settings settings) {
        String table = settings.tableName(Table.MAIN);
        this.scorer = new ThreadConfinedScorer(RubricScorer::new);
        String reportingQueue = settings.queueUrl(Queue.REPORTING);
        this.stage = new ScoringStage(new DynamoInterviewRepository(clients.dynamoDb(), table),
                new DynamoPlanRepository(clients.dynamoDb(), table),
                scorer,
                FollowUpPolicy.builtIn(),
                new SqsReportingQueue(clients.sqs(), reportingQueue),
                Clock.systemUTC());
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return SqsBatch.process("scoring", event, message -> {
            ScoringMessage scoring = Json.read(message.getBody(), ScoringMessage.class);
            switch (scoring.type()) {
                case ANSWER_READY -> stage.answerReady(scoring.organisation(), scoring.interviewId(), scoring.answerId());
                case INTERVIEW_SUBMITTED -> stage.tryComplete(scoring.organisation(), scoring.interviewId());
                default -> throw new IllegalArgumentException("unknown scoring message " + scoring.type());
            }
        });
    }
}
