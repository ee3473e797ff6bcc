package dev.prescreen.storage;

import dev.prescreen.domain.organisation.OrganisationSettings;
import dev.prescreen.domain.organisation.OrganisationSettingsRepository;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** An organisation's settings: one item in its partition. */
public final class DynamoOrganisationSettings implements OrganisationSettingsRepository {

    private static final String SETTINGS = "SETTINGS";

    private final DynamoItems items;

    public DynamoOrganisationSettings(DynamoDbClient dynamo, String table) {
        this.items = new DynamoItems(dynamo, table);
    }

    @Override
    public Optional<OrganisationSettings> find(String organisation) {
        return items.get(Keys.organisation(organisation), SETTINGS)
                .map(item -> DynamoItems.document(item, OrganisationSettings.class));
    }

    @Override
    public boolean put(OrganisationSettings settings, long expectedRevision) {
        var item = DynamoItems.item(Keys.organisation(settings.organisation()), SETTINGS, settings,
                settings.revision());
        return expectedRevision == 0 ? items.putNew(item) : items.putIfRevision(item, expectedRevision);
    }
}
