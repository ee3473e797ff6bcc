package dev.prescreen.domain.webhook;

import java.util.List;

/** An endpoint as an organisation writes it ({@code POST /webhooks}, and what a {@code PATCH} merges into). */
public record WebhookInput(String url, List<String> eventTypes, Boolean enabled, String description,
                           List<String> alertEmails) {
}
