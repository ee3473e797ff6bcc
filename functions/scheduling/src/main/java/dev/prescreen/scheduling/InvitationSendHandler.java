package dev.prescreen.scheduling;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.prescreen.lambda.Priming;
import dev.prescreen.aws.AwsClients;
import dev.prescreen.config.Settings;
import dev.prescreen.domain.candidate.InvitationService;
import dev.prescreen.json.Json;
import dev.prescreen.messages.SqsBatch;
import dev.prescreen.messages.SqsBatchDispatch;

/** One invitation email (or advance notice) per candidate; throttled sends fail the message so the queue retries them later. */
public final class InvitationSendHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    /** Held here: the CRaC context keeps its resources only weakly. */
    @SuppressWarnings("unused")
    private Priming<?> priming;

    private final InvitationService invitations;

    /** Lambda's constructor: configured from the environment, and primed (see {@link Priming}). */
    public InvitationSendHandler() {
        this(AwsClients.forLambda(), Settings.fromProcessEnvironment());
        this.priming = Priming.atInitialisation(this);
    }

    public InvitationSendHandler(AwsClients clients, Settings settings) {
        this.invitations = SchedulingFunctions.invitations(clients, settings);
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return SqsBatch.process("invitation.send", event, message -> {
            SqsBatchDispatch.InvitationDue due = Json.read(message.getBody(), SqsBatchDispatch.InvitationDue.class);
            if (due.notice()) {
                invitations.giveNotice(due.organisation(), due.candidateId());
            } else {
                invitations.invite(due.organisation(), due.candidateId());
            }
        });
    }
}
