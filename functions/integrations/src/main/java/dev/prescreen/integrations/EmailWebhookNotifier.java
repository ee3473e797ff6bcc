package dev.prescreen.integrations;

import dev.prescreen.domain.email.Html;
import dev.prescreen.domain.email.Mailer;
import dev.prescreen.domain.webhook.WebhookEndpoint;
import dev.prescreen.domain.webhook.WebhookPorts;
import dev.prescreen.observability.Log;
import java.util.Map;

/** Emails an endpoint's alert addresses when it is disabled (and logs it for the operators either way). */
final class EmailWebhookNotifier implements WebhookPorts.Notifier {

    private final Mailer mailer;

    EmailWebhookNotifier(Mailer mailer) {
        this.mailer = mailer;
    }

    @Override
    public void endpointDisabled(WebhookEndpoint endpoint, String reason) {
        Log.warn("webhook.endpoint_disabled", Map.of("endpointId", endpoint.endpointId(), "reason", reason));
        if (endpoint.alertEmails().isEmpty()) {
            return;
        }
        String subject = "prescreen webhook disabled: " + endpoint.endpointId();
        String text = "The webhook endpoint " + endpoint.url() + " (" + endpoint.endpointId() + ") was disabled: "
                + reason + ".\n\nNo more events are sent to it. Fix the receiver, then enable the endpoint again "
                + "(PATCH /webhooks/" + endpoint.endpointId() + " with {\"enabled\": true}) and redeliver what it "
                + "missed from its delivery log (GET /webhooks/" + endpoint.endpointId() + "/deliveries).\n";
        String html = "<p>The webhook endpoint <code>" + Html.escape(endpoint.url()) + "</code> ("
                + Html.escape(endpoint.endpointId()) + ") was disabled: " + Html.escape(reason) + ".</p><p>No more "
                + "events are sent to it. Fix the receiver, then enable the endpoint again and redeliver what it missed "
                + "from its delivery log.</p>";
        try {
            mailer.send(new Mailer.OutgoingEmail(endpoint.alertEmails(), subject, html, text));
        } catch (Mailer.Rejected | Mailer.Throttled e) {
            // the endpoint is disabled either way; the log above and the dead-letter alarm still tell the operators
            Log.warn("webhook.alert_not_sent", Map.of("endpointId", endpoint.endpointId()));
        }
    }
}
