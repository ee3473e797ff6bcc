package dev.prescreen.scoringstage;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
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

    private final ScoringStage stage;

    public ScoreAnswersHandler() {
        this(AwsClients.forLambda(), Settings.fromProcessEnvironment());
    }

    public ScoreAnswersHandler(AwsClients clients, Settings settings) {
        String table = settings.tableName(Table.MAIN);
        String reportingQueue = settings.queueUrl(Queue.REPORTING);
        this.stage = new ScoringStage(new DynamoInterviewRepository(clients.dynamoDb(), table),
                new DynamoPlanRepository(clients.dynamoDb(), table),
                new ThreadConfinedScorer(RubricScorer::new),
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
