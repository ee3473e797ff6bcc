package dev.prescreen.domain.webhook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Endpoints in memory, with the repository's conditional writes. */
final class InMemoryWebhooks implements WebhookRepository {

    private final Map<String, WebhookEndpoint> items = new LinkedHashMap<>();

    private static String key(String organisation, String id) {
        return organisation + "/" + id;
    }

    @Override
    public boolean create(WebhookEndpoint endpoint) {
        return items.putIfAbsent(key(endpoint.organisation(), endpoint.endpointId()), endpoint) == null;
    }

    @Override
    public Optional<WebhookEndpoint> find(String organisation, String endpointId) {
        return Optional.ofNullable(items.get(key(organisation, endpointId)));
    }

    @Override
    public List<WebhookEndpoint> list(String organisation) {
        return new ArrayList<>(items.values().stream().filter(e -> e.organisation().equals(organisation)).toList());
    }

    @Override
    public boolean replace(WebhookEndpoint endpoint, long expectedRevision) {
        WebhookEndpoint current = items.get(key(endpoint.organisation(), endpoint.endpointId()));
        if (current == null || current.revision() != expectedRevision) {
            return false;
        }
        items.put(key(endpoint.organisation(), endpoint.endpointId()), endpoint);
        return true;
    }

    @Override
    public void delete(String organisation, String endpointId) {
        items.remove(key(organisation, endpointId));
    }
}
