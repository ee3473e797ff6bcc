package dev.prescreen.local.runtime;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.prescreen.api.Claims;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Recruiter tokens for the local stack: HS256 JWTs signed with a key kept under {@code .prescreen/}, and
 * verified the way API Gateway's JWT authorizer verifies Cognito's (issuer, audience, expiry). Verified
 * claims are handed to handlers as strings, as the authorizer does.
 */
public final class LocalJwt {

    public static final String ISSUER = "prescreen-local";
    public static final String AUDIENCE = "prescreen-api";
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    private final byte[] key;

    public LocalJwt(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("an HS256 key needs at least 256 bits");
        }
        this.key = key.clone();
    }

    /** A fresh random key, for tests. */
    public static LocalJwt random() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new LocalJwt(key);
    }

    /** The key stored in the folder, created on first use and readable by its owner only. */
    public static LocalJwt fromFolder(Path folder) {
        Path file = folder.resolve("jwt-signing-key");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(folder);
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                Files.writeString(file, Base64.getEncoder().encodeToString(key));
                if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                }
            }
            return new LocalJwt(Base64.getDecoder().decode(Files.readString(file).trim()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String mint(String organisation, String email, Duration validity) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(UUID.nameUUIDFromBytes((organisation + "/" + email).getBytes()).toString())
                .claim(Claims.EMAIL, email)
                .claim(Claims.ORGANISATION, organisation)
                .claim("token_use", "id")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(validity)))
                .build();
        return sign(claims);
    }

    /** Signs any claims with this key (tests mint tokens the authorizer must refuse or the API must question). */
    String sign(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The claims of a valid token, or empty for anything API Gateway would answer 401 to. */
    public Optional<Map<String, String>> verify(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(new MACVerifier(key))) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Instant now = Instant.now();
            if (!ISSUER.equals(claims.getIssuer()) || claims.getAudience() == null
                    || !claims.getAudience().contains(AUDIENCE) || claims.getExpirationTime() == null
                    || claims.getExpirationTime().toInstant().plus(CLOCK_SKEW).isBefore(now)
                    || (claims.getNotBeforeTime() != null && claims.getNotBeforeTime().toInstant().minus(CLOCK_SKEW)
                        .isAfter(now))
                    || (claims.getIssueTime() != null && claims.getIssueTime().toInstant().minus(CLOCK_SKEW).isAfter(now))) {
                return Optional.empty(); // API Gateway's JWT authorizer refuses tokens not yet valid, as here
            }
            Map<String, String> flat = new LinkedHashMap<>();
            claims.getClaims().forEach((name, value) -> {
                if (value != null) {
                    flat.put(name, flatten(value));
                }
            });
            return Optional.of(flat);
        } catch (ParseException | JOSEException e) {
            return Optional.empty();
        }
    }

    private static String flatten(Object value) {
        if (value instanceof Date date) {
            return Long.toString(date.toInstant().getEpochSecond());
        }
        if (value instanceof List<?> list) {
            return list.size() == 1 ? String.valueOf(list.get(0)) : "[" + String.join(" ", list.stream().map(String::valueOf).toList()) + "]";
        }
        return String.valueOf(value);
    }
}
