package dev.prescreen.domain.interview;

import java.time.Duration;
import java.time.Instant;

/**
 * What an interview was adapted for one candidate: extra time for each answer granted as an accommodation, and the
 * candidate's latest request for an alternative process or an accommodation. While that request is open the link
 * does not expire: the time left when it was made is given back when it is resolved.
 *
 * @param requestId   the candidate's latest request, or null
 * @param requestedAt when it was made (the invitation window stopped then)
 * @param resolvedAt  when a recruiter resolved it; null while it is open
 */
public record Accommodation(int extraAnswerSeconds, String requestId, Instant requestedAt, Instant resolvedAt) {

    /** The most extra time per answer an accommodation may grant: ten minutes. */
    public static final int MAX_EXTRA_ANSWER_SECONDS = 600;
    /** A resolved request leaves the candidate at least this long to take the interview. */
    public static final Duration MIN_TIME_AFTER_RESOLUTION = Duration.ofDays(2);

    public static final Accommodation NONE = new Accommodation(0, null, null, null);

    public boolean requestOpen() {
        return requestId != null && resolvedAt == null;
    }

    public Accommodation withRequest(String id, Instant at) {
        return new Accommodation(extraAnswerSeconds, id, at, null);
    }

    public Accommodation withResolved(Instant at) {
        return new Accommodation(extraAnswerSeconds, requestId, requestedAt, at);
    }

    public Accommodation withExtraAnswerSeconds(int seconds) {
        return new Accommodation(seconds, requestId, requestedAt, resolvedAt);
    }

    /**
     * The link's expiry once the open request is resolved at {@code at}: the time that was left when the request was
     * made, counted from now, and never less than {@link #MIN_TIME_AFTER_RESOLUTION}.
     */
    public Instant expiryAfterResolution(Instant expiresAt, Instant at) {
        Duration left = requestedAt == null || !expiresAt.isAfter(requestedAt) ? Duration.ZERO
                : Duration.between(requestedAt, expiresAt);
        Instant resumed = at.plus(left.compareTo(MIN_TIME_AFTER_RESOLUTION) < 0 ? MIN_TIME_AFTER_RESOLUTION : left);
        return resumed.isAfter(expiresAt) ? resumed : expiresAt;
    }
}
