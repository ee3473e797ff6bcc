package dev.prescreen.cloud;

import java.util.EnumSet;
import java.util.Set;

/**
 * What one function may touch: the CDK stack grants exactly this (least privilege per function), and
 * nothing else. The consumed queue is implied by {@link LambdaFunction#consumes()}.
 */
public record Permissions(
        Set<Table> readsTables,
        Set<Table> writesTables,
        Set<Queue> sendsTo,
        Set<Bucket> readsBuckets,
        Set<Bucket> writesBuckets,
        boolean sendsEmail,
        boolean startsTranscriptions,
        boolean managesSchedules,
        boolean callsWebhooks,
        boolean writesAudit) {

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final Set<Table> reads = EnumSet.noneOf(Table.class);
        private final Set<Table> writes = EnumSet.noneOf(Table.class);
        private final Set<Queue> sends = EnumSet.noneOf(Queue.class);
        private final Set<Bucket> readBuckets = EnumSet.noneOf(Bucket.class);
        private final Set<Bucket> writeBuckets = EnumSet.noneOf(Bucket.class);
        private boolean email;
        private boolean transcribe;
        private boolean schedules;
        private boolean webhooks;
        private boolean audit;

        public Builder readWrite(Table table) {
            reads.add(table);
            writes.add(table);
            return this;
        }

        public Builder read(Table table) {
            reads.add(table);
            return this;
        }

        /** Writes (puts and deletes) without reading: a table whose items the function must never see. */
        public Builder write(Table table) {
            writes.add(table);
            return this;
        }

        public Builder sendTo(Queue... queues) {
            sends.addAll(Set.of(queues));
            return this;
        }

        public Builder read(Bucket bucket) {
            readBuckets.add(bucket);
            return this;
        }

        /** Write includes delete: retention sweeps and erasure need it. */
        public Builder write(Bucket bucket) {
            writeBuckets.add(bucket);
            return this;
        }

        public Builder sendEmail() {
            email = true;
            return this;
        }

        public Builder startTranscriptions() {
            transcribe = true;
            return this;
        }

        public Builder manageSchedules() {
            schedules = true;
            return this;
        }

        /** Checks and calls organisations' webhook URLs (outbound HTTPS; plain HTTP to loopback only locally). */
        public Builder callWebhooks() {
            webhooks = true;
            return this;
        }

        /** Appends to the audit trail: the function is told how long entries are kept. */
        public Builder writeAudit() {
            audit = true;
            return this;
        }

        public Permissions build() {
            return new Permissions(Set.copyOf(reads), Set.copyOf(writes), Set.copyOf(sends), Set.copyOf(readBuckets),
                    Set.copyOf(writeBuckets), email, transcribe, schedules, webhooks, audit);
        }
    }
}
