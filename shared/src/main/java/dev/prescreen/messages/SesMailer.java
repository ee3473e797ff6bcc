package dev.prescreen.messages;

import dev.prescreen.domain.email.Mailer;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.AccountSuspendedException;
import software.amazon.awssdk.services.sesv2.model.BadRequestException;
import software.amazon.awssdk.services.sesv2.model.LimitExceededException;
import software.amazon.awssdk.services.sesv2.model.MessageRejectedException;
import software.amazon.awssdk.services.sesv2.model.SendingPausedException;
import software.amazon.awssdk.services.sesv2.model.TooManyRequestsException;

/** Email through SES v2, HTML with a plain-text part, through the configuration set that reports bounces. */
public final class SesMailer implements Mailer {

    private final SesV2Client ses;
    private final String sender;
    private final String configurationSet;

    public SesMailer(SesV2Client ses, String sender, String configurationSet) {
        this.ses = ses;
        this.sender = sender;
        this.configurationSet = configurationSet;
    }

    @Override
    public String send(OutgoingEmail email) {
        try {
            return ses.sendEmail(r -> {
                r.fromEmailAddress(sender)
                        .destination(d -> d.toAddresses(email.to()))
                        .content(c -> c.simple(m -> m.subject(s -> s.data(email.subject()).charset("UTF-8"))
                                .body(b -> b.html(h -> h.data(email.html()).charset("UTF-8"))
                                        .text(t -> t.data(email.text()).charset("UTF-8")))));
                if (configurationSet != null && !configurationSet.isBlank()) {
                    r.configurationSetName(configurationSet);
                }
            }).messageId();
        } catch (TooManyRequestsException | LimitExceededException | SendingPausedException
                | AccountSuspendedException e) {
            throw new Throttled("SES is not accepting mail now: " + e.getClass().getSimpleName(), e);
        } catch (MessageRejectedException | BadRequestException e) {
            throw new Rejected("SES rejected the message: " + e.getClass().getSimpleName(), e);
        }
    }
}
