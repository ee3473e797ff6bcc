package dev.prescreen.domain;

import java.util.List;

/**
 * A request the domain refuses, with what a caller needs to correct it. The API layer turns each kind
 * into its HTTP status; the domain itself knows nothing of HTTP.
 */
public abstract sealed class DomainException extends RuntimeException {

    private final List<FieldError> errors;

    protected DomainException(String message, List<FieldError> errors) {
        super(message, null, false, false);
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** The input breaks one or more rules; every violation is listed. */
    public static final class InvalidInput extends DomainException {
        public InvalidInput(List<FieldError> errors) {
            super("the request is not valid", errors);
        }

        public InvalidInput(String field, String reason) {
            this(List.of(new FieldError(field, reason)));
        }
    }

    /** The caller's credentials do not say who they are (a token without an organisation). */
    public static final class Unauthorized extends DomainException {
        public Unauthorized(String field, String reason) {
            super(reason, List.of(new FieldError(field, reason)));
        }
    }

    /** Nothing by that id is visible to the caller (including things owned by another organisation). */
    public static final class NotFound extends DomainException {
        public NotFound(String what) {
            super(what + " not found", List.of());
        }
    }

    /** The request is valid but conflicts with the current state (e.g. a frozen plan). */
    public static final class Conflict extends DomainException {
        public Conflict(String field, String reason) {
            super(reason, List.of(new FieldError(field, reason)));
        }
    }

    /**
     * A conditional write kept losing to concurrent writers after {@link ConcurrentWrites#ATTEMPTS} tries. The API
     * answers 409 (the caller may retry); a queue consumer fails the message, so the queue retries it and, in the
     * end, its dead-letter queue keeps it. Never swallowed.
     */
    public static final class WriteConflict extends DomainException {
        public WriteConflict(String field, String what) {
            super(what + " changed at the same time; retry", List.of(new FieldError(field,
                    what + " changed at the same time; retry")));
        }
    }

    /** It existed but is no longer available (e.g. an expired invitation). */
    public static final class Gone extends DomainException {
        public Gone(String reason) {
            super(reason, List.of());
        }
    }
}
