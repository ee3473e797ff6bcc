package dev.prescreen.infra;

import dev.prescreen.cloud.Queue;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Arn;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.scheduler.CfnScheduleGroup;
import software.constructs.Construct;

/**
 * Where the scheduling function puts its one-time schedules (one per batch to be sent at a set time): a
 * schedule group, and the role EventBridge Scheduler assumes to put the batch on the batch-sends queue.
 */
public final class BatchSchedulingConstruct extends Construct {

    /** The same group name the local runtime uses. */
    public static final String SCHEDULE_GROUP_NAME = "prescreen-batches";
    static final Queue TARGET = Queue.BATCH_SENDS;

    private final CfnScheduleGroup group;
    private final Role schedulerRole;

    public BatchSchedulingConstruct(Construct scope, String id, QueuesConstruct queues) {
        super(scope, id);
        this.group = CfnScheduleGroup.Builder.create(this, "Group").name(SCHEDULE_GROUP_NAME).build();
        this.schedulerRole = Role.Builder.create(this, "SchedulerRole")
                .description("Assumed by EventBridge Scheduler to deliver batch sends")
                .assumedBy(schedulerPrincipal(this))
                .build();
        queues.queue(TARGET).grantSendMessages(schedulerRole);
    }

    /** Scheduler, acting for this account only (confused-deputy guard). */
    static ServicePrincipal schedulerPrincipal(Construct scope) {
        return ServicePrincipal.Builder.create("scheduler.amazonaws.com")
                .conditions(Map.of("StringEquals", Map.of("aws:SourceAccount", Stack.of(scope).getAccount())))
                .build();
    }

    public String groupName() {
        return group.getRef();
    }

    public Role schedulerRole() {
        return schedulerRole;
    }

    /** Every schedule of the group, and nothing outside it. */
    public List<String> scheduleArns() {
        return List.of(Arn.format(ArnComponents.builder().service("scheduler").resource("schedule")
                .resourceName(group.getRef() + "/*").build(), Stack.of(this)));
    }
}
