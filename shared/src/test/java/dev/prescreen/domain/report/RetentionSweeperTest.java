package dev.prescreen.domain.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prescreen.domain.Page;
import dev.prescreen.domain.plan.FollowUps;
import dev.prescreen.domain.plan.Plan;
import dev.prescreen.domain.plan.PlanRepository;
import dev.prescreen.domain.session.RecordingStore;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class RetentionSweeperTest {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    /** Recordings in memory, each with when it was written. */
    static final class Recordings implements RecordingStore {
        final List<StoredObject> objects = new ArrayList<>();

        @Override
        public URI presignUpload(String key, String contentType, long contentLength, Duration validity) {
            throw new AssertionError("not used");
        }

        @Override
        public OptionalLong size(String key) {
            return OptionalLong.empty();
        }

        @Override
        public URI presignDownload(String key, Duration validity) {
            throw new AssertionError("not used");
        }

        @Override
        public int deletePrefix(String prefix) {
            throw new AssertionError("not used");
        }

        @Override
        public List<StoredObject> list(String prefix) {
            return objects.stream().filter(o -> o.key().startsWith(prefix)).toList();
        }

        @Override
        public void delete(String key) {
            objects.removeIf(o -> o.key().equals(key));
        }
    }

    private static Plan plan(String planId, int retentionDays) {
        return new Plan(planId, "acme", "Backend", null, "en-US", "en-US", List.of(), 120, 20, 60, List.of("a@b.example"),
                FollowUps.DEFAULT, 7, retentionDays, dev.prescreen.domain.plan.Answering.DEFAULT, Plan.DEFAULT_TIME_ZONE,
                Plan.PlanStatus.ACTIVE, null, NOW, NOW, 1);
    }

    @Test
    void recordingsOlderThanTheirPlansRetentionAreDeletedAndOthersKept() {
        PlanRepository plans = new PlanRepository() {
            @Override
            public void create(Plan plan) {
            }

            @Override
            public Optional<Plan> find(String organisation, String planId) {
                return Optional.of(plan(planId, planId.equals("pl_short") ? 30 : 365));
            }

            @Override
            public Page<Plan> list(String organisation, int limit, String cursor) {
                return new Page<>(List.of(), Optional.empty());
            }

            @Override
            public boolean replace(Plan plan, long expectedRevision) {
                return true;
            }
        };
        Recordings recordings = new Recordings();
        String old = "recordings/acme/pl_short/iv_1/iv_1-q01m.webm";
        String fresh = "recordings/acme/pl_short/iv_2/iv_2-q01m.webm";
        String longKept = "recordings/acme/pl_long/iv_3/iv_3-q01m.webm";
        String oldVideo = "recordings/acme/pl_short/iv_4/iv_4-q01m.k3j9a8b7c6d5.mp4";
        recordings.objects.add(new RecordingStore.StoredObject(old, NOW.minus(Duration.ofDays(31))));
        recordings.objects.add(new RecordingStore.StoredObject(oldVideo, NOW.minus(Duration.ofDays(31))));
        recordings.objects.add(new RecordingStore.StoredObject(fresh, NOW.minus(Duration.ofDays(29))));
        recordings.objects.add(new RecordingStore.StoredObject(longKept, NOW.minus(Duration.ofDays(100))));

        int deleted = new RetentionSweeper(recordings, plans, Clock.fixed(NOW, ZoneOffset.UTC)).sweep(RetentionSweeper.RECORDINGS);

        assertThat(deleted).as("the old sound and the old video").isEqualTo(2);
        assertThat(recordings.objects).extracting(RecordingStore.StoredObject::key).containsExactlyInAnyOrder(fresh, longKept);
    }
}
