package dev.prescreen.api;

/** JWT claims the API reads, as API Gateway's JWT authorizer passes them on. */
public final class Claims {

    /** The recruiter's organisation: a Cognito custom attribute, present in ID tokens. */
    public static final String ORGANISATION = "custom:org";
    public static final String SUBJECT = "sub";
    public static final String EMAIL = "email";

    private Claims() {
    }
}
