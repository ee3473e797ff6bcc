package dev.prescreen.scheduling;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.prescreen.lambda.Priming;
import dev.prescreen.aws.AwsClients;
import dev.prescreen.config.Settings;
import dev.prescreen.domain.candidate.InvitationService;
import dev.prescreen.json.Json;
import dev.prescreen.messages.SqsBatch;

/**
 * SES bounce and complaint events (configuration set → EventBridge → queue, or through SNS): the
 * candidate's address is marked undeliverable, so no reminder goes to it.
 */
public final class EmailEventsHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    /** Held here: the CRaC context keeps its resources only weakly. */
    @SuppressWarnings("unused")
    private Priming<?> priming;

    private final InvitationService invitations;

    /** Lambda's constructor: configured from the environment, and primed (see {@link Priming}). */
    public EmailEventsHandler() {
        this(AwsClients.forLambda(), Settings.fromProcessEnvironment());
        this.priming = Priming.atInitialisation(this);
    }

    public EmailEventsHandler(AwsClients clients, Settings settings) {
        this.invitations = SchedulingFunctions.invitations(clients, settings);
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return SqsBatch.process("email.events", event, message -> {
            JsonNode body = Json.read(message.getBody(), JsonNode.class);
            // Through EventBridge the SES event is the detail; through SNS, the envelope's Message string.
            JsonNode sesEvent = body.has("detail") ? body.path("detail")
                    : body.has("Message") ? Json.read(body.path("Message").asText(), JsonNode.class) : body;
            String type = sesEvent.path("eventType").asText(sesEvent.path("notificationType").asText());
            String messageId = sesEvent.path("mail").path("messageId").asText();
            if (type.equals("Bounce") && "Permanent".equals(sesEvent.path("bounce").path("bounceType").asText())) {
                invitations.undeliverable(messageId, "bounced: "
                        + sesEvent.path("bounce").path("bounceSubType").asText("permanent"));
            } else if (type.equals("Complaint")) {
                invitations.undeliverable(messageId, "complaint: "
                        + sesEvent.path("complaint").path("complaintFeedbackType").asText("abuse"));
            }
        });
    }
}
