package dev.prescreen.api;

/** Who may call a route. */
public enum Access {
    /** A recruiter's JWT is required; the organisation comes from its claims. */
    RECRUITER,
    /** A candidate: the invitation token in the path is the only credential. */
    CANDIDATE,
    /** An applicant tracking system: HTTP Basic with the organisation's partner key, checked by the function. */
    PARTNER,
    /** Anyone (health checks, public documents). */
    PUBLIC
}
