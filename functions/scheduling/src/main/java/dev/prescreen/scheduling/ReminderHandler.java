package dev.prescreen.scheduling;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.prescreen.lambda.Priming;
import dev.prescreen.aws.AwsClients;
import dev.prescreen.config.Settings;
import dev.prescreen.domain.candidate.InvitationService;
import dev.prescreen.observability.Log;
import java.util.Map;

/**
 * Hourly: one reminder to candidates who have not started and whose link expires within a day; and the hiring teams
 * of alternative-process requests whose email could not go out at once are emailed.
 */
public final class ReminderHandler implements RequestHandler<Map<String, Object>, String> {

    /** Held here: the CRaC context keeps its resources only weakly. */
    @SuppressWarnings("unused")
    private Priming<?> priming;

    private final InvitationService invitations;
    private final dev.prescreen.domain.compliance.AlternativeRequests alternatives;

    /** Lambda's constructor: configured from the environment, and primed (see {@link Priming}). */
    public ReminderHandler() {
        this(AwsClients.forLambda(), Settings.fromProcessEnvironment());
        this.priming = Priming.atInitialisation(this);
    }

    public ReminderHandler(AwsClients clients, Settings settings) {
        this.invitations = SchedulingFunctions.invitations(clients, settings);
        String table = settings.tableName(dev.prescreen.cloud.Table.MAIN);
        this.alternatives = new dev.prescreen.domain.compliance.AlternativeRequests(
                new dev.prescreen.storage.DynamoInterviewRepository(clients.dynamoDb(), table),
                new dev.prescreen.storage.DynamoPlanRepository(clients.dynamoDb(), table),
                new dev.prescreen.storage.DynamoAlternativeRequests(clients.dynamoDb(), table),
                SchedulingFunctions.mailer(clients, settings), event -> { }, null, java.time.Clock.systemUTC());
    }

    @Override
    public String handleRequest(Map<String, Object> input, Context context) {
        if (Priming.requested(input)) {
            // the same reminder run as of 1970, when no link was due; the hiring teams' queue has no such bound
            return "primed: reminded " + invitations.remind(java.time.Instant.EPOCH);
        }
        int reminded = invitations.remind();
        int notified = alternatives.notifyPending();
        Log.info("reminders.sent", Map.of("reminded", reminded, "alternativeRequestsNotified", notified));
        return "reminded " + reminded + ", alternative requests notified " + notified;
    }
}
