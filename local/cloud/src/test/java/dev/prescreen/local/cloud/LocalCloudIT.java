package dev.prescreen.local.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.prescreen.cloud.Bucket;
import dev.prescreen.cloud.Queue;
import dev.prescreen.cloud.Table;
import dev.prescreen.config.Settings;
import dev.prescreen.json.Json;
import dev.prescreen.local.cloud.junit.LocalCloudExtension;
import dev.prescreen.local.cloud.junit.Poll;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.presigner.model.PutObjectPresignRequest;
import software.amazon.awssdk.services.sqs.model.Message;

@ExtendWith(LocalCloudExtension.class)
class LocalCloudIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void presignedUploadUnderTheRecordingsPrefixArrivesAsAnS3EventOnTheTranscriptionQueue(LocalCloud cloud)
            throws Exception {
        Settings settings = new Settings(cloud.settings());
        String bucket = settings.bucketName(Bucket.RECORDINGS);
        String key = "recordings/org-1/plan-1/interview-" + UUID.randomUUID() + "/answer 1.webm";
        byte[] audio = new byte[4096];

        URI url = cloud.clients().s3Presigner().presignPutObject(PutObjectPresignRequest.builder()
                .signatureDuration(Duration.ofMinutes(5))
                .putObjectRequest(r -> r.bucket(bucket).key(key).contentType("audio/webm"))
                .build()).url().toURI();
        HttpResponse<String> upload = HTTP.send(HttpRequest.newBuilder(url)
                .header("Content-Type", "audio/webm")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(audio)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(200);

        String queueUrl = settings.queueUrl(Queue.TRANSCRIPTION_JOBS);
        JsonNode record = Poll.until("the S3 event for " + key, Duration.ofSeconds(10), () -> receive(cloud, queueUrl)
                .stream()
                .map(message -> Json.read(message.body(), JsonNode.class).path("Records").path(0))
                .filter(r -> r.path("s3").path("object").path("key").asText().contains(uniquePart(key)))
                .findFirst());
        assertThat(record.path("eventSource").asText()).isEqualTo("aws:s3");
        assertThat(record.path("eventName").asText()).isEqualTo("ObjectCreated:Put");
        assertThat(record.path("s3").path("bucket").path("name").asText()).isEqualTo(bucket);
        assertThat(java.net.URLDecoder.decode(record.path("s3").path("object").path("key").asText(),
                java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(key);
        assertThat(record.path("s3").path("object").path("size").asLong()).isEqualTo(audio.length);
    }

    @Test
    void objectsOutsideTheNotifiedPrefixAreNotAnnounced(LocalCloud cloud) {
        Settings settings = new Settings(cloud.settings());
        String transcripts = settings.bucketName(Bucket.TRANSCRIPTS);
        String recordings = settings.bucketName(Bucket.RECORDINGS);
        cloud.clients().s3().putObject(r -> r.bucket(transcripts).key("recordings/not-a-recording.json"),
                software.amazon.awssdk.core.sync.RequestBody.fromString("{}"));
        cloud.clients().s3().putObject(r -> r.bucket(recordings).key("elsewhere/file.txt"),
                software.amazon.awssdk.core.sync.RequestBody.fromString("x"));
        // A marker written after the two objects: once it is announced, the others would have been too.
        String marker = "recordings/marker-" + UUID.randomUUID();
        cloud.clients().s3().putObject(r -> r.bucket(recordings).key(marker),
                software.amazon.awssdk.core.sync.RequestBody.fromString("m"));
        String queueUrl = settings.queueUrl(Queue.TRANSCRIPTION_JOBS);
        List<String> keys = new java.util.ArrayList<>();
        Poll.until("the marker's event", Duration.ofSeconds(10), () -> {
            receive(cloud, queueUrl).forEach(m -> keys.add(
                    Json.read(m.body(), JsonNode.class).at("/Records/0/s3/object/key").asText()));
            return keys.stream().filter(k -> k.contains(uniquePart(marker))).findFirst();
        });
        assertThat(keys).noneMatch(k -> k.contains("not-a-recording") || k.contains("elsewhere"));
    }

    @Test
    void tableAndIndexesAcceptItemsWithConditionalWrites(LocalCloud cloud) {
        Settings settings = new Settings(cloud.settings());
        String table = settings.tableName(Table.MAIN);
        Map<String, AttributeValue> item = Map.of(
                "pk", AttributeValue.fromS("ORG#o1"), "sk", AttributeValue.fromS("PLAN#" + UUID.randomUUID()),
                "gsi1pk", AttributeValue.fromS("X"), "gsi1sk", AttributeValue.fromS("Y"));
        cloud.clients().dynamoDb().putItem(r -> r.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
        var second = org.assertj.core.api.Assertions.catchThrowable(() -> cloud.clients().dynamoDb()
                .putItem(r -> r.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)")));
        assertThat(second).isInstanceOf(
                software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException.class);
        assertThat(cloud.clients().dynamoDb().query(r -> r.tableName(table).indexName("gsi1")
                .keyConditionExpression("gsi1pk = :p").expressionAttributeValues(Map.of(":p", AttributeValue.fromS("X"))))
                .count()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void sentEmailIsListedByTheLocalMailbox(LocalCloud cloud) throws Exception {
        String subject = "hello " + UUID.randomUUID();
        cloud.clients().sesV2().sendEmail(r -> r.fromEmailAddress("noreply@prescreen.local")
                .destination(d -> d.toAddresses("someone@example.com"))
                .content(c -> c.simple(s -> s.subject(t -> t.data(subject))
                        .body(b -> b.text(t -> t.data("plain")).html(t -> t.data("<p>html</p>"))))));
        HttpResponse<String> store = HTTP.send(HttpRequest.newBuilder(cloud.sesEndpoint().resolve("/store")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(store.statusCode()).isEqualTo(200);
        assertThat(store.body()).contains(subject);
    }

    private static List<Message> receive(LocalCloud cloud, String queueUrl) {
        List<Message> messages = cloud.clients().sqs()
                .receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1)).messages();
        messages.forEach(m -> cloud.clients().sqs().deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(m.receiptHandle())));
        return messages;
    }

    private static String uniquePart(String key) {
        return key.replaceAll(".*(marker-|interview-)", "").replaceAll("/.*", "");
    }
}
