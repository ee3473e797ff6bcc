package dev.prescreen.domain;

import java.security.SecureRandom;
import java.time.Clock;

/**
 * Identifiers: a prefix naming the kind ({@code pl_} for plans ...) and 26 Crockford base-32 characters
 * holding a millisecond timestamp and 80 random bits (ULID layout), so ids sort by creation time and
 * cannot be guessed.
 */
public final class Ids {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    public static String newId(String prefix, Clock clock) {
        char[] out = new char[26];
        long time = clock.millis();
        for (int i = 9; i >= 0; i--) {
            out[i] = ALPHABET[(int) (time & 31)];
            time >>>= 5;
        }
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        long high = 0;
        long low = 0;
        for (int i = 0; i < 5; i++) {
            high = (high << 8) | (random[i] & 0xff);
            low = (low << 8) | (random[i + 5] & 0xff);
        }
        for (int i = 17; i >= 10; i--) {
            out[i] = ALPHABET[(int) (high & 31)];
            high >>>= 5;
        }
        for (int i = 25; i >= 18; i--) {
            out[i] = ALPHABET[(int) (low & 31)];
            low >>>= 5;
        }
        return prefix + "_" + new String(out);
    }

    /** Whether a path id has the shape of one of ours, so malformed ids are refused before any lookup. */
    public static boolean looksLike(String prefix, String id) {
        return id != null && id.matches(java.util.regex.Pattern.quote(prefix) + "_[0-9A-HJKMNP-TV-Z]{26}");
    }
}
