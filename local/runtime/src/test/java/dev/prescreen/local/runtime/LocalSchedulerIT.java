package dev.prescreen.local.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prescreen.local.cloud.LocalCloud;
import dev.prescreen.local.cloud.junit.LocalCloudExtension;
import dev.prescreen.local.cloud.junit.Poll;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.scheduler.model.ActionAfterCompletion;
import software.amazon.awssdk.services.scheduler.model.ConflictException;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindowMode;
import software.amazon.awssdk.services.scheduler.model.ResourceNotFoundException;

@ExtendWith(LocalCloudExtension.class)
class LocalSchedulerIT {

    @Test
    void aOneTimeScheduleCreatedThroughTheSdkDeliversItsInputToTheTargetQueue(LocalCloud cloud) {
        try (LocalRuntime runtime = LocalRuntime.builder().cloud(cloud).start()) {
            var scheduler = runtime.clients().scheduler();
            String name = "batch-" + UUID.randomUUID();
            String input = "{\"batchId\":\"" + name + "\"}";
            // A queue of the test's own: the stack's queues have consumers that would take the message.
            String queueUrl = cloud.clients().sqs().createQueue(r -> r.queueName("scheduler-it-" + UUID.randomUUID()))
                    .queueUrl();
            String queueArn = "arn:aws:sqs:us-east-1:000000000000:" + queueUrl.substring(queueUrl.lastIndexOf('/') + 1);
            String at = atExpression(Instant.now().plusSeconds(2));

            scheduler.createSchedule(r -> r.name(name).groupName(LocalRuntime.SCHEDULE_GROUP)
                    .scheduleExpression(at).scheduleExpressionTimezone("UTC")
                    .flexibleTimeWindow(f -> f.mode(FlexibleTimeWindowMode.OFF))
                    .actionAfterCompletion(ActionAfterCompletion.DELETE)
                    .target(t -> t.arn(queueArn).roleArn("arn:aws:iam::000000000000:role/x").input(input)));
            assertThat(scheduler.getSchedule(r -> r.name(name).groupName(LocalRuntime.SCHEDULE_GROUP))
                    .scheduleExpression()).isEqualTo(at);
            assertThatThrownBy(() -> scheduler.createSchedule(r -> r.name(name).groupName(LocalRuntime.SCHEDULE_GROUP)
                    .scheduleExpression(at).flexibleTimeWindow(f -> f.mode(FlexibleTimeWindowMode.OFF))
                    .target(t -> t.arn(queueArn).roleArn("arn:aws:iam::000000000000:role/x").input(input))))
                    .isInstanceOf(ConflictException.class);

            String delivered = Poll.until("the scheduled message", Duration.ofSeconds(15), () -> cloud.clients().sqs()
                    .receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1)).messages()
                    .stream().map(m -> m.body()).filter(input::equals).findFirst());
            assertThat(delivered).isEqualTo(input);
            // ActionAfterCompletion DELETE: gone once fired.
            Poll.until("the fired schedule to be deleted", Duration.ofSeconds(5), () -> {
                try {
                    scheduler.getSchedule(r -> r.name(name).groupName(LocalRuntime.SCHEDULE_GROUP));
                    return java.util.Optional.empty();
                } catch (ResourceNotFoundException gone) {
                    return java.util.Optional.of(true);
                }
            });
        }
    }

    @Test
    void aDeletedScheduleNeverFires(LocalCloud cloud) {
        try (LocalRuntime runtime = LocalRuntime.builder().cloud(cloud).start()) {
            var scheduler = runtime.clients().scheduler();
            String name = "cancelled-" + UUID.randomUUID();
            // A queue of the test's own: the stack's queues have consumers that would take the message.
            String queueUrl = cloud.clients().sqs().createQueue(r -> r.queueName("scheduler-it-" + UUID.randomUUID()))
                    .queueUrl();
            String queueArn = "arn:aws:sqs:us-east-1:000000000000:" + queueUrl.substring(queueUrl.lastIndexOf('/') + 1);
            String at = atExpression(Instant.now().plusSeconds(5));
            scheduler.createSchedule(r -> r.name(name).groupName(LocalRuntime.SCHEDULE_GROUP)
                    .scheduleExpression(at).flexibleTimeWindow(f -> f.mode(FlexibleTimeWindowMode.OFF))
                    .target(t -> t.arn(queueArn).roleArn("arn:aws:iam::000000000000:role/x").input(name)));
            scheduler.deleteSchedule(r -> r.name(name).groupName(LocalRuntime.SCHEDULE_GROUP));
            assertThatThrownBy(() -> scheduler.deleteSchedule(r -> r.name(name).groupName(LocalRuntime.SCHEDULE_GROUP)))
                    .isInstanceOf(ResourceNotFoundException.class);
            // A later schedule on the same queue: once its message arrives, the deleted one's would have too.
            String marker = "marker-" + UUID.randomUUID();
            String later = atExpression(Instant.now().plusSeconds(6));
            scheduler.createSchedule(r -> r.name(marker).groupName(LocalRuntime.SCHEDULE_GROUP)
                    .scheduleExpression(later).flexibleTimeWindow(f -> f.mode(FlexibleTimeWindowMode.OFF))
                    .target(t -> t.arn(queueArn).roleArn("arn:aws:iam::000000000000:role/x").input(marker)));
            java.util.List<String> seen = new java.util.ArrayList<>();
            Poll.until("the marker schedule", Duration.ofSeconds(15), () -> {
                cloud.clients().sqs().receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1))
                        .messages().forEach(m -> seen.add(m.body()));
                return seen.contains(marker) ? java.util.Optional.of(true) : java.util.Optional.empty();
            });
            assertThat(seen).doesNotContain(name);
        }
    }

    private static String atExpression(Instant when) {
        return "at(" + java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
                .format(LocalDateTime.ofInstant(when, ZoneOffset.UTC)) + ")";
    }
}
