package dev.prescreen.domain.webhook;

import java.util.List;
import java.util.Optional;

/** An organisation's webhook endpoints. */
public interface WebhookRepository {

    /** False when the id is taken. */
    boolean create(WebhookEndpoint endpoint);

    Optional<WebhookEndpoint> find(String organisation, String endpointId);

    List<WebhookEndpoint> list(String organisation);

    /** Conditional on the revision read; false on a concurrent change. */
    boolean replace(WebhookEndpoint endpoint, long expectedRevision);

    void delete(String organisation, String endpointId);
}
