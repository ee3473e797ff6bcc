package dev.prescreen.transcription;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import dev.prescreen.aws.AwsClients;
import dev.prescreen.cloud.LambdaFunction;
import dev.prescreen.cloud.Table;
import dev.prescreen.config.Settings;
import dev.prescreen.local.cloud.LocalCloud;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The Lambda events of src/test/resources/events, read the way the Lambda Java runtime reads them, and what a queue
 * handler's test needs around them: the function's settings on the local cloud and the queues it sends to.
 */
final class EventFixtures {

    static final String SENDER = "prescreen@prescreen.local";
    static final String PUBLIC_BASE_URL = "http://127.0.0.1:8080";
    static final String CANDIDATE_PAGE_URL = PUBLIC_BASE_URL + "/interview/";
    /** A placeholder the test must fill in: upper case with underscores, as ORG_ID or SES_MESSAGE_ID. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*_(?:ID|EMAIL|BUCKET|KEY|NAME|REASON)\\b");

    private EventFixtures() {
    }

    /** The SQS event in {@code events/<name>} with its placeholders replaced. */
    static SQSEvent sqsEvent(String name, Map<String, String> values) {
        String json;
        try (InputStream in = EventFixtures.class.getResourceAsStream("/events/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture events/" + name);
            }
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Matcher matcher = PLACEHOLDER.matcher(json);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group());
            if (value == null) {
                throw new IllegalArgumentException("events/" + name + " needs a value for " + matcher.group());
            }
            matcher.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(filled);
        return LambdaEventSerializers.serializerFor(SQSEvent.class, EventFixtures.class.getClassLoader())
                .fromJson(filled.toString());
    }

    /** The function's settings as the local runtime (and the CDK stack) gives them: only its own resources. */
    static Settings settings(LocalCloud cloud, LambdaFunction function) {
        Map<String, String> values = new HashMap<>(cloud.settings());
        values.put(Settings.PUBLIC_BASE_URL, PUBLIC_BASE_URL);
        values.put(Settings.CANDIDATE_PAGE_URL, CANDIDATE_PAGE_URL);
        values.put(Settings.SENDER_EMAIL, SENDER);
        return new Settings(values).restrictedTo(function.settingKeys());
    }

    /** Clients for every emulator of the cloud (the test's own; the handlers under test get them too). */
    static AwsClients clients(LocalCloud cloud) {
        return new AwsClients(new Settings(cloud.settings()));
    }

    /** The name of the one table on the local cloud. */
    static String table(LocalCloud cloud) {
        return new Settings(cloud.settings()).tableName(Table.MAIN);
    }

    /** The message ids the response reports as failed, so that only they are retried. */
    static List<String> failures(SQSBatchResponse response) {
        return response.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .collect(Collectors.toList());
    }

    /**
     * Every message now on the queue, taken off it. Nothing consumes the queues in these tests and the handlers send
     * before they return, so what is there is what they sent (and whatever an earlier test left, which its ids tell).
     */
    static List<Message> drain(AwsClients clients, String queueUrl) {
        List<Message> taken = new ArrayList<>();
        while (true) {
            List<Message> batch = clients.sqs().receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10)
                    .waitTimeSeconds(0).visibilityTimeout(30)).messages();
            if (batch.isEmpty()) {
                return taken;
            }
            for (Message message : batch) {
                clients.sqs().deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
            }
            taken.addAll(batch);
        }
    }
}
