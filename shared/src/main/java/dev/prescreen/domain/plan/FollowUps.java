package dev.prescreen.domain.plan;

/** Whether adaptive follow-ups may be asked, and how many at most in one interview. */
public record FollowUps(boolean enabled, int maxPerInterview) {

    public static final FollowUps DEFAULT = new FollowUps(true, 2);
}
