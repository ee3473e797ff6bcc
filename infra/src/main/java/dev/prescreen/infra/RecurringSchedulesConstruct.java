package dev.prescreen.infra;

import dev.prescreen.cloud.RecurringSchedule;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.scheduler.CfnSchedule;
import software.constructs.Construct;

/**
 * One EventBridge Scheduler schedule per {@link RecurringSchedule}, invoking its function's alias with an
 * empty JSON object, as the local runtime does. They live in the default group, apart from the batch
 * schedules the scheduling function may create and delete.
 */
public final class RecurringSchedulesConstruct extends Construct {

    static final String INPUT = "{}";

    public RecurringSchedulesConstruct(Construct scope, String id, FunctionsConstruct functions) {
        super(scope, id);
        if (RecurringSchedule.values().length == 0) {
            return;
        }
        Role invoker = Role.Builder.create(this, "InvokerRole")
                .description("Assumed by EventBridge Scheduler to run prescreen's recurring schedules")
                .assumedBy(BatchSchedulingConstruct.schedulerPrincipal(this))
                .build();
        for (RecurringSchedule schedule : RecurringSchedule.values()) {
            var alias = functions.alias(schedule.target());
            alias.grantInvoke(invoker);
            CfnSchedule.Builder.create(this, Names.pascal(schedule.name()))
                    .name(schedule.scheduleName())
                    .scheduleExpression(schedule.expression())
                    .flexibleTimeWindow(CfnSchedule.FlexibleTimeWindowProperty.builder().mode("OFF").build())
                    .target(CfnSchedule.TargetProperty.builder()
                            .arn(alias.getFunctionArn())
                            .roleArn(invoker.getRoleArn())
                            .input(INPUT)
                            .build())
                    .build();
        }
    }
}
