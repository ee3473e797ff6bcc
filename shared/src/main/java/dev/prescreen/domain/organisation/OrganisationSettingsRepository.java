package dev.prescreen.domain.organisation;

import java.util.Optional;

public interface OrganisationSettingsRepository {

    Optional<OrganisationSettings> find(String organisation);

    /** Stores the settings if their stored revision is still {@code expectedRevision} (0: none stored yet). */
    boolean put(OrganisationSettings settings, long expectedRevision);
}
