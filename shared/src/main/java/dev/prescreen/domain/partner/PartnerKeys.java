package dev.prescreen.domain.partner;

import dev.prescreen.domain.DomainException;
import dev.prescreen.domain.Ids;
import dev.prescreen.domain.interview.InvitationTokens;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Keys that let an applicant tracking system call the partner API for one organisation, over HTTP Basic (the key
 * as user name, no password). A key is shown once and stored hashed; a wrong or unknown key gets the same 401,
 * which never says whether an organisation exists.
 */
public final class PartnerKeys {

    public static final String GREENHOUSE = "greenhouse";
    private static final String REFUSED = "a valid partner API key is required (HTTP Basic, the key as user name)";

    private final PartnerKeyRepository keys;
    private final Clock clock;

    public PartnerKeys(PartnerKeyRepository keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /** A key and the one copy of its secret value. */
    public record Created(PartnerKey key, String value) {
    }

    public Created create(String organisation, String partner) {
        String value = "pk_" + InvitationTokens.newToken();
        PartnerKey key = new PartnerKey(Ids.newId("key", clock), organisation, partner, hash(value), clock.instant());
        keys.create(key);
        return new Created(key, value);
    }

    public List<PartnerKey> list(String organisation) {
        return keys.list(organisation);
    }

    public void delete(String organisation, String keyId) {
        if (!keys.delete(organisation, keyId)) {
            throw new DomainException.NotFound("key");
        }
    }

    /** The organisation an {@code Authorization: Basic …} header's key belongs to, for this partner; else 401. */
    public String authenticate(String partner, String authorization) {
        return basicUser(authorization).flatMap(value -> keys.findByHash(hash(value)))
                .filter(key -> key.partner().equals(partner)).map(PartnerKey::organisation)
                .orElseThrow(() -> new DomainException.Unauthorized("authorization", REFUSED));
    }

    private static Optional<String> basicUser(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            String user = colon < 0 ? decoded : decoded.substring(0, colon);
            return user.isEmpty() ? Optional.empty() : Optional.of(user);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    private static String hash(String value) {
        return InvitationTokens.hash("partner-key:" + value);
    }
}
