package dev.prescreen.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/** Email address checks shared by plans (recipients) and batches (candidates). */
public final class EmailAddress {

    // A practical subset of RFC 5322: what mail providers accept and SES sends to.
    private static final Pattern SHAPE = Pattern.compile(
            "^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}$");
    public static final int MAX_LENGTH = 254;

    private EmailAddress() {
    }

    /** Null when valid, otherwise the reason. */
    public static String problem(String email) {
        if (email == null || email.isBlank()) {
            return "is required";
        }
        if (email.length() > MAX_LENGTH) {
            return "is longer than " + MAX_LENGTH + " characters";
        }
        if (!SHAPE.matcher(email.trim()).matches() || email.trim().split("@")[0].length() > 64) {
            return "is not a valid email address";
        }
        return null;
    }

    /** The form used to detect duplicates: trimmed and lower case. */
    public static String normalise(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }
}
