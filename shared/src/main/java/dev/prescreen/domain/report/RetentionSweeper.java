package dev.prescreen.domain.report;

import dev.prescreen.domain.plan.Plan;
import dev.prescreen.domain.plan.PlanRepository;
import dev.prescreen.domain.session.RecordingStore;
import dev.prescreen.domain.transcription.RecordingKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Deletes recordings older than their plan's retention period. In AWS a bucket lifecycle rule is the
 * ceiling (the longest retention a plan may have); this sweep enforces each plan's own, shorter period.
 */
public final class RetentionSweeper {

    private final RecordingStore recordings;
    private final PlanRepository plans;
    private final Clock clock;

    public RetentionSweeper(RecordingStore recordings, PlanRepository plans, Clock clock) {
        this.recordings = recordings;
        this.plans = plans;
        this.clock = clock;
    }

    /** Returns how many recordings it deleted. */
    /** Where every recording is kept. */
    public static final String RECORDINGS = "recordings/";

    /** Deletes the recordings under the prefix (of {@link #RECORDINGS}) kept longer than their plan allows. */
    public int sweep(String prefix) {
        Instant now = clock.instant();
        Map<String, Optional<Integer>> retention = new HashMap<>();
        int deleted = 0;
        for (RecordingStore.StoredObject object : recordings.list(prefix)) {
            Optional<RecordingKey> key = RecordingKey.parse(object.key());
            if (key.isEmpty()) {
                continue;
            }
            Optional<Integer> days = retention.computeIfAbsent(key.get().organisation() + "/" + key.get().planId(),
                    k -> plans.find(key.get().organisation(), key.get().planId()).map(Plan::retentionDays));
            if (days.isPresent() && object.lastModified().plus(Duration.ofDays(days.get())).isBefore(now)) {
                recordings.delete(object.key());
                deleted++;
            }
        }
        return deleted;
    }
}
