package dev.prescreen.infra;

import dev.prescreen.cloud.Queue;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.events.EventPattern;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.targets.SqsQueue;
import software.amazon.awscdk.services.events.targets.SqsQueueProps;
import software.constructs.Construct;

/**
 * AWS service events on the default event bus, routed to the queues whose consumers handle them. Each
 * queue receives the whole EventBridge event; the service's own payload is its {@code detail}. What
 * EventBridge fails to deliver goes to the queue's dead-letter queue, like everything else.
 */
public final class ServiceEventsConstruct extends Construct {

    static final Queue TRANSCRIPTION_EVENTS = Queue.TRANSCRIPTION_EVENTS;
    static final Queue EMAIL_EVENTS = Queue.EMAIL_EVENTS;

    public ServiceEventsConstruct(Construct scope, String id, QueuesConstruct queues, EmailConstruct email) {
        super(scope, id);
        route("TranscriptionJobFinished", "Transcribe jobs that completed or failed", EventPattern.builder()
                .source(List.of("aws.transcribe"))
                .detailType(List.of("Transcribe Job State Change"))
                .detail(Map.of("TranscriptionJobStatus", List.of("COMPLETED", "FAILED")))
                .build(), queues, TRANSCRIPTION_EVENTS);
        // Only this stack's configuration set: other senders in the account are not ours to handle.
        route("EmailBouncedOrComplained", "SES bounces and complaints of prescreen's email", EventPattern.builder()
                .source(List.of("aws.ses"))
                .detailType(List.of("Email Bounced", "Email Complained"))
                .detail(Map.of("mail", Map.of("tags", Map.of("ses:configuration-set",
                        List.of(email.configurationSetName())))))
                .build(), queues, EMAIL_EVENTS);
    }

    private void route(String id, String description, EventPattern pattern, QueuesConstruct queues, Queue queue) {
        Rule.Builder.create(this, id)
                .description(description)
                .eventPattern(pattern)
                .targets(List.of(new SqsQueue(queues.queue(queue), SqsQueueProps.builder()
                        .deadLetterQueue(queues.deadLetterQueue(queue))
                        .build())))
                .build();
    }
}
