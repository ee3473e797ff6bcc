package dev.prescreen.local.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prescreen.cloud.Queue;
import dev.prescreen.config.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * A cloud with a data folder (as {@code ./prescreen up} runs it) keeps its queues and their messages in H2
 * under that folder; a cloud without one keeps them in memory. The crash case (SIGKILL) is CrashRecoveryIT's,
 * in local/runtime; here the store is checked across ordinary restarts in this JVM.
 */
class DurableQueuesIT {

    @TempDir
    Path data;

    @Test
    void messagesAndQueueAttributesSurviveARestartOnTheSameDataFolder() {
        String waiting = "waiting-" + UUID.randomUUID();
        String inFlight = "in-flight-" + UUID.randomUUID();
        try (LocalCloud first = LocalCloud.builder().dataDir(data).start()) {
            String queue = new Settings(first.settings()).queueUrl(Queue.REPORTING);
            first.clients().sqs().sendMessage(r -> r.queueUrl(queue).messageBody(inFlight));
            List<Message> received = first.clients().sqs().receiveMessage(r -> r.queueUrl(queue)
                    .maxNumberOfMessages(10).waitTimeSeconds(1)).messages();
            assertThat(received).extracting(Message::body).containsExactly(inFlight);
            first.clients().sqs().sendMessage(r -> r.queueUrl(queue).messageBody(waiting));
        }
        assertThat(data.resolve("sqs/elasticmq.mv.db")).isRegularFile();

        try (LocalCloud second = LocalCloud.builder().dataDir(data).start()) {
            Settings settings = new Settings(second.settings());
            String queue = settings.queueUrl(Queue.REPORTING);
            Map<String, String> attributes = second.clients().sqs().getQueueAttributes(r -> r.queueUrl(queue)
                    .attributeNamesWithStrings("All")).attributesAsStrings();
            assertThat(attributes).containsEntry("VisibilityTimeout",
                    Integer.toString(Queue.REPORTING.visibilityTimeoutSeconds()));
            assertThat(attributes.get("RedrivePolicy")).contains(Queue.REPORTING.deadLetterName());
            assertThat(attributes).containsEntry("ApproximateNumberOfMessages", "1")
                    .as("the received message is still in flight, as it would be in SQS")
                    .containsEntry("ApproximateNumberOfMessagesNotVisible", "1");
            List<Message> received = second.clients().sqs().receiveMessage(r -> r.queueUrl(queue)
                    .maxNumberOfMessages(10).waitTimeSeconds(1)).messages();
            assertThat(received).extracting(Message::body).containsExactly(waiting);
        }
    }

    @Test
    void aKeptQueueWhoseAttributesTheCodeNoLongerDeclaresGetsTheDeclaredOnesAndKeepsItsMessages() {
        String body = "kept-" + UUID.randomUUID();
        try (LocalCloud first = LocalCloud.builder().dataDir(data).start()) {
            String queue = new Settings(first.settings()).queueUrl(Queue.SCORING);
            first.clients().sqs().setQueueAttributes(r -> r.queueUrl(queue)
                    .attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "7")));
            first.clients().sqs().sendMessage(r -> r.queueUrl(queue).messageBody(body));
        }
        try (LocalCloud second = LocalCloud.builder().dataDir(data).start()) {
            String queue = new Settings(second.settings()).queueUrl(Queue.SCORING);
            assertThat(second.clients().sqs().getQueueAttributes(r -> r.queueUrl(queue)
                    .attributeNames(QueueAttributeName.VISIBILITY_TIMEOUT)).attributesAsStrings())
                    .containsEntry("VisibilityTimeout", Integer.toString(Queue.SCORING.visibilityTimeoutSeconds()));
            assertThat(second.clients().sqs().receiveMessage(r -> r.queueUrl(queue).waitTimeSeconds(1)).messages())
                    .extracting(Message::body).containsExactly(body);
        }
    }

    @Test
    void oneJvmKeepsOneDurableStoreAtATimeAndSaysSo(@TempDir Path other) {
        try (LocalCloud first = LocalCloud.builder().dataDir(data).start()) {
            assertThatThrownBy(() -> LocalCloud.builder().dataDir(other).start())
                    .hasMessageContaining("already keeps durable local queues");
            // The refused start left the first cloud working.
            String queue = new Settings(first.settings()).queueUrl(Queue.INVITATIONS);
            first.clients().sqs().sendMessage(r -> r.queueUrl(queue).messageBody("still here"));
        }
    }

    @Test
    void withoutADataFolderQueuesAreInMemory() throws Exception {
        try (LocalCloud transientCloud = LocalCloud.builder().start()) {
            try (var files = Files.walk(transientCloud.workDir())) {
                assertThat(files.map(Path::toString)).noneMatch(name -> name.endsWith(".mv.db"));
            }
        }
    }
}
