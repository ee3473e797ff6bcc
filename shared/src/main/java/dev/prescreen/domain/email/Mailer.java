package dev.prescreen.domain.email;

import java.util.List;

/** Sends email (SES v2 in AWS and locally). */
public interface Mailer {

    /** Sends one message; returns the provider's message id. */
    String send(OutgoingEmail email);

    record OutgoingEmail(List<String> to, String subject, String html, String text) {
    }

    /** The provider is throttling: try again later, through the queue. */
    final class Throttled extends RuntimeException {
        public Throttled(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The provider refused this message for good (e.g. an invalid address). */
    final class Rejected extends RuntimeException {
        public Rejected(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
