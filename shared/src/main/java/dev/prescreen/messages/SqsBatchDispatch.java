package dev.prescreen.messages;

import dev.prescreen.domain.candidate.Batch;
import dev.prescreen.domain.candidate.BatchDispatch;
import dev.prescreen.json.Json;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.ActionAfterCompletion;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindowMode;
import software.amazon.awssdk.services.scheduler.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * Batches go out through EventBridge Scheduler (a one-time {@code at()} schedule whose target is the
 * batch-sends queue) and fan out to the invitations queue, ten messages per request.
 */
public final class SqsBatchDispatch implements BatchDispatch {

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final int SQS_BATCH = 10;

    private final SqsClient sqs;
    private final SchedulerClient scheduler;
    private final String batchSendsQueueUrl;
    private final String batchSendsQueueArn;
    private final String invitationsQueueUrl;
    private final String scheduleGroup;
    private final String schedulerRoleArn;

    public SqsBatchDispatch(SqsClient sqs, SchedulerClient scheduler, String batchSendsQueueUrl,
            String invitationsQueueUrl, String region, String scheduleGroup, String schedulerRoleArn) {
        this.sqs = sqs;
        this.scheduler = scheduler;
        this.batchSendsQueueUrl = batchSendsQueueUrl;
        this.batchSendsQueueArn = queueArn(batchSendsQueueUrl, region);
        this.invitationsQueueUrl = invitationsQueueUrl;
        this.scheduleGroup = scheduleGroup;
        this.schedulerRoleArn = schedulerRoleArn;
    }

    /** A queue's ARN from its URL ({@code .../<account>/<name>}). */
    static String queueArn(String queueUrl, String region) {
        String[] parts = queueUrl.split("/");
        return "arn:aws:sqs:" + region + ":" + parts[parts.length - 2] + ":" + parts[parts.length - 1];
    }

    /**
     * The batch-sends message: which batch's time has come.
     *
     * @param notices true for the batch's advance notices (sent at once when it is created), false or absent (as in
     *                schedules created before notices existed) for its send time
     */
    public record BatchDue(String organisation, String planId, String batchId, Boolean notices) {

        public BatchDue(String organisation, String planId, String batchId) {
            this(organisation, planId, batchId, null);
        }

        public boolean forNotices() {
            return Boolean.TRUE.equals(notices);
        }
    }

    /**
     * The invitations message: one candidate to invite, or to give the advance notice to.
     *
     * @param kind {@link #INVITATION} (also when absent, as messages sent before notices existed) or {@link #NOTICE}
     */
    public record InvitationDue(String organisation, String candidateId, String kind) {
        public static final String INVITATION = "invitation";
        public static final String NOTICE = "notice";

        public boolean notice() {
            return NOTICE.equals(kind);
        }
    }

    @Override
    public void schedule(Batch batch) {
        String input = Json.write(new BatchDue(batch.organisation(), batch.planId(), batch.batchId()));
        scheduler.createSchedule(r -> r.name(batch.scheduleName()).groupName(scheduleGroup)
                .scheduleExpression("at(" + AT.format(batch.sendAt()) + ")")
                .scheduleExpressionTimezone("UTC")
                .flexibleTimeWindow(f -> f.mode(FlexibleTimeWindowMode.OFF))
                .actionAfterCompletion(ActionAfterCompletion.DELETE)
                .target(t -> t.arn(batchSendsQueueArn).roleArn(schedulerRoleArn).input(input)));
    }

    @Override
    public boolean unschedule(Batch batch) {
        try {
            scheduler.deleteSchedule(r -> r.name(batch.scheduleName()).groupName(scheduleGroup));
            return true;
        } catch (ResourceNotFoundException gone) {
            return false;
        }
    }

    @Override
    public void sendNow(Batch batch) {
        sqs.sendMessage(r -> r.queueUrl(batchSendsQueueUrl)
                .messageBody(Json.write(new BatchDue(batch.organisation(), batch.planId(), batch.batchId()))));
    }

    @Override
    public void invite(String organisation, List<String> candidateIds) {
        send(organisation, candidateIds, InvitationDue.INVITATION);
    }

    @Override
    public void noticesNow(Batch batch) {
        sqs.sendMessage(r -> r.queueUrl(batchSendsQueueUrl).messageBody(Json.write(new BatchDue(batch.organisation(),
                batch.planId(), batch.batchId(), true))));
    }

    @Override
    public void giveNotice(String organisation, List<String> candidateIds) {
        send(organisation, candidateIds, InvitationDue.NOTICE);
    }

    private void send(String organisation, List<String> candidateIds, String kind) {
        for (int from = 0; from < candidateIds.size(); from += SQS_BATCH) {
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            List<String> chunk = candidateIds.subList(from, Math.min(candidateIds.size(), from + SQS_BATCH));
            for (int i = 0; i < chunk.size(); i++) {
                entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i))
                        .messageBody(Json.write(new InvitationDue(organisation, chunk.get(i), kind))).build());
            }
            SendMessageBatchResponse response = sqs.sendMessageBatch(r -> r.queueUrl(invitationsQueueUrl).entries(entries));
            if (response.hasFailed() && !response.failed().isEmpty()) {
                // The batch-sends message fails and is retried; invitations are idempotent per candidate.
                throw new IllegalStateException("SQS refused " + response.failed().size() + " invitation messages: "
                        + Map.of("code", response.failed().get(0).code()));
            }
        }
    }
}
