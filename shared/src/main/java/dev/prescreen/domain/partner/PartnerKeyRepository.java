package dev.prescreen.domain.partner;

import java.util.List;
import java.util.Optional;

/** Partner keys: found by their hash (a partner's call), listed and removed by their organisation. */
public interface PartnerKeyRepository {

    void create(PartnerKey key);

    Optional<PartnerKey> findByHash(String keyHash);

    List<PartnerKey> list(String organisation);

    /** Removes the key; false when the organisation has no such key. */
    boolean delete(String organisation, String keyId);
}
