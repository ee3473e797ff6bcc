package dev.prescreen.infra;

import dev.prescreen.cloud.Bucket;
import dev.prescreen.cloud.LambdaFunction;
import dev.prescreen.cloud.Permissions;
import dev.prescreen.cloud.Queue;
import dev.prescreen.cloud.Table;
import java.util.EnumSet;
import java.util.Set;

/** The resources a function touches in any way, from its catalog entry. */
final class Uses {

    private Uses() {
    }

    static Set<Table> tables(Permissions permissions) {
        Set<Table> tables = EnumSet.noneOf(Table.class);
        tables.addAll(permissions.readsTables());
        tables.addAll(permissions.writesTables());
        return tables;
    }

    static Set<Bucket> buckets(Permissions permissions) {
        Set<Bucket> buckets = EnumSet.noneOf(Bucket.class);
        buckets.addAll(permissions.readsBuckets());
        buckets.addAll(permissions.writesBuckets());
        return buckets;
    }

    /** The queues it sends to and the queue it consumes. */
    static Set<Queue> queues(LambdaFunction function) {
        Set<Queue> queues = EnumSet.noneOf(Queue.class);
        queues.addAll(function.permissions().sendsTo());
        function.consumes().ifPresent(queues::add);
        return queues;
    }
}
