package dev.prescreen.reporting;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.prescreen.aws.AwsClients;
import dev.prescreen.cloud.Bucket;
import dev.prescreen.cloud.Table;
import dev.prescreen.config.Settings;
import dev.prescreen.domain.report.RetentionSweeper;
import dev.prescreen.observability.Log;
import dev.prescreen.storage.DynamoPlanRepository;
import java.time.Clock;
import java.util.Map;

/** Daily: deletes recordings kept longer than their plan's retention period. */
public final class RetentionSweeperHandler implements RequestHandler<Map<String, Object>, String> {

    private final RetentionSweeper sweeper;

    public RetentionSweeperHandler() {
        this(AwsClients.forLambda(), Settings.fromProcessEnvironment());
    }

    public RetentionSweeperHandler(AwsClients clients, Settings settings) {
        this.sweeper = new RetentionSweeper(ReportingFunctions.recordings(clients, settings, Bucket.RECORDINGS),
                new DynamoPlanRepository(clients.dynamoDb(), settings.tableName(Table.MAIN)), Clock.systemUTC());
    }

    @Override
    public String handleRequest(Map<String, Object> input, Context context) {
        int deleted = sweeper.sweep();
        Log.info("retention.swept", Map.of("deleted", deleted));
        return "deleted " + deleted;
    }
}
