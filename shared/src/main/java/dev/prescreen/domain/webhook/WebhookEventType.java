package dev.prescreen.domain.webhook;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** What an organisation's systems may be told, by name as the events carry it ({@code report.ready}). */
public enum WebhookEventType {
    INVITATION_SENT("invitation.sent"),
    INVITATION_BOUNCED("invitation.bounced"),
    INTERVIEW_STARTED("interview.started"),
    INTERVIEW_COMPLETED("interview.completed"),
    REPORT_READY("report.ready"),
    REPORT_OVERRIDDEN("report.overridden"),
    CANDIDATE_ERASED("candidate.erased"),
    ALTERNATIVE_REQUESTED("alternative.requested");

    private final String wireName;

    WebhookEventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<WebhookEventType> fromWire(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }

    public static List<String> wireNames() {
        return Arrays.stream(values()).map(WebhookEventType::wireName).toList();
    }
}
