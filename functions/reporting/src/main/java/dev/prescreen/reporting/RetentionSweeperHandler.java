package dev.prescreen.reporting;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.prescreen.lambda.Priming;
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

    /** Held here: the CRaC context keeps its resources only weakly. */
    @SuppressWarnings("unused")
    private Priming<?> priming;

    private final RetentionSweeper sweeper;

    /** Lambda's constructor: configured from the environment, and primed (see {@link Priming}). */
    public RetentionSweeperHandler() {
        this(AwsClients.forLambda(), Settings.fromProcessEnvironment());
        this.priming = Priming.atInitialisation(this);
    }

    public RetentionSweeperHandler(AwsClients clients, Settings settings) {
        this.sweeper = new RetentionSweeper(ReportingFunctions.recordings(clients, settings, Bucket.RECORDINGS),
                new DynamoPlanRepository(clients.dynamoDb(), settings.tableName(Table.MAIN)), Clock.systemUTC());
    }

    @Override
    public String handleRequest(Map<String, Object> input, Context context) {
        // priming: the same sweep over the reserved organisation's recordings, of which there are none
        String prefix = RetentionSweeper.RECORDINGS + (Priming.requested(input) ? Priming.ORGANISATION + "/" : "");
        int deleted = sweeper.sweep(prefix);
        Log.info("retention.swept", Map.of("deleted", deleted));
        return "deleted " + deleted;
    }
}
