package dev.prescreen.testing;

import dev.prescreen.domain.organisation.OrganisationSettings;
import dev.prescreen.domain.organisation.OrganisationSettingsRepository;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

public final class InMemoryOrganisationSettings implements OrganisationSettingsRepository {

    private final Map<String, OrganisationSettings> settings = new ConcurrentHashMap<>();

    @Override
    public Optional<OrganisationSettings> find(String organisation) {
        return Optional.ofNullable(settings.get(organisation));
    }

    @Override
    public synchronized boolean put(OrganisationSettings value, long expectedRevision) {
        long stored = settings.containsKey(value.organisation()) ? settings.get(value.organisation()).revision() : 0;
        if (stored != expectedRevision) {
            return false;
        }
        settings.put(value.organisation(), value);
        return true;
    }
}
