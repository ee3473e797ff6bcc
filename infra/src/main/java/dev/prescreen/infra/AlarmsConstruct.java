package dev.prescreen.infra;

import dev.prescreen.cloud.LambdaFunction;
import dev.prescreen.cloud.Queue;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.sns.Topic;
import software.constructs.Construct;

/**
 * Nothing fails silently: an alarm on every dead-letter queue that holds a message and on every function
 * that reports an error, all notifying one encrypted topic (subscribe to its ARN, the AlarmTopicArn output).
 */
public final class AlarmsConstruct extends Construct {

    static final Duration PERIOD = Duration.minutes(1);

    private final Topic topic;
    private final SnsAction notify;

    public AlarmsConstruct(Construct scope, String id, QueuesConstruct queues, FunctionsConstruct functions) {
        super(scope, id);
        // The AWS managed SNS key cannot be used by CloudWatch, so the topic has a key of its own.
        Key key = Key.Builder.create(this, "TopicKey")
                .description("Encrypts prescreen's alarm notifications")
                .enableKeyRotation(true)
                .build();
        key.grant(new ServicePrincipal("cloudwatch.amazonaws.com"), "kms:Decrypt", "kms:GenerateDataKey*");
        this.topic = Topic.Builder.create(this, "Topic")
                .displayName("prescreen alarms")
                .masterKey(key)
                .enforceSsl(true)
                .build();
        this.notify = new SnsAction(topic);
        for (Queue queue : Queue.values()) {
            alarm(Names.pascal(queue.deadLetterName()) + "NotEmpty",
                    "A message reached the " + queue.deadLetterName() + " dead-letter queue",
                    queues.deadLetterQueue(queue).metricApproximateNumberOfMessagesVisible(
                            MetricOptions.builder().period(PERIOD).statistic("Maximum").build()));
        }
        for (LambdaFunction function : LambdaFunction.values()) {
            alarm(Names.pascal(function.functionName()) + "Errors",
                    "The " + function.functionName() + " function reported errors",
                    functions.deployed(function).function().metricErrors(
                            MetricOptions.builder().period(PERIOD).statistic("Sum").build()));
        }
        CfnOutput.Builder.create(Stack.of(this), "AlarmTopicArn").value(topic.getTopicArn())
                .description("SNS topic of prescreen's alarms: subscribe an email address or a chat hook").build();
    }

    public Topic topic() {
        return topic;
    }

    private void alarm(String id, String description, Metric metric) {
        Alarm alarm = Alarm.Builder.create(this, id)
                .alarmDescription(description)
                .metric(metric)
                .threshold(0)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                .evaluationPeriods(1)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
        alarm.addAlarmAction(notify);
        alarm.addOkAction(notify);
    }
}
