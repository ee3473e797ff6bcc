package dev.prescreen.scheduling;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.prescreen.aws.AwsClients;
import dev.prescreen.config.Settings;
import dev.prescreen.domain.candidate.InvitationService;
import dev.prescreen.observability.Log;
import java.util.Map;

/** Hourly: one reminder to candidates who have not started and whose link expires within a day. */
public final class ReminderHandler implements RequestHandler<Map<String, Object>, String> {

    private final InvitationService invitations;

    public ReminderHandler() {
        this(AwsClients.forLambda(), Settings.fromProcessEnvironment());
    }

    public ReminderHandler(AwsClients clients, Settings settings) {
        this.invitations = SchedulingFunctions.invitations(clients, settings);
    }

    @Override
    public String handleRequest(Map<String, Object> input, Context context) {
        int reminded = invitations.remind();
        Log.info("reminders.sent", Map.of("reminded", reminded));
        return "reminded " + reminded;
    }
}
