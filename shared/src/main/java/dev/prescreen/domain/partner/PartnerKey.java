package dev.prescreen.domain.partner;

import java.time.Instant;

/** An API key an organisation made for an applicant tracking system; only its hash is kept. */
public record PartnerKey(String keyId, String organisation, String partner, String keyHash, Instant createdAt) {
}
