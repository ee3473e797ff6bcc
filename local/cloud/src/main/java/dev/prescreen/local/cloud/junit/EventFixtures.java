package dev.prescreen.local.cloud.junit;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import dev.prescreen.aws.AwsClients;
import dev.prescreen.cloud.LambdaFunction;
import dev.prescreen.cloud.Table;
import dev.prescreen.config.Settings;
import dev.prescreen.domain.bank.QuestionBanks;
import dev.prescreen.domain.plan.Plan;
import dev.prescreen.domain.plan.PlanInput;
import dev.prescreen.domain.plan.PlanRules;
import dev.prescreen.domain.plan.PlanService;
import dev.prescreen.local.cloud.LocalCloud;
import dev.prescreen.storage.DynamoPlanRepository;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The Lambda events of a function module's src/test/resources/events, read the way the Lambda Java runtime reads them, and what a queue
 * handler's test needs around them: the function's settings on the local cloud and the queues it sends to.
 */
public final class EventFixtures {

    public static final String SENDER = "prescreen@prescreen.local";
    public static final String PUBLIC_BASE_URL = "http://127.0.0.1:8080";
    public static final String CANDIDATE_PAGE_URL = PUBLIC_BASE_URL + "/interview/";
    /** A placeholder the test must fill in: upper case with underscores, as ORG_ID or SES_MESSAGE_ID. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*_(?:ID|EMAIL|BUCKET|KEY|NAME|REASON)\\b");

    private EventFixtures() {
    }

    /** The SQS event in {@code events/<name>} with its placeholders replaced. */
    public static SQSEvent sqsEvent(String name, Map<String, String> values) {
        String json;
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream("events/" + name)) {
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

    /** An SQS event of the messages as received from the queue, as Lambda's event source mapping hands them on. */
    public static SQSEvent sqsEvent(List<Message> messages, String queueArn) {
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        for (Message received : messages) {
            SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
            record.setMessageId(received.messageId());
            record.setReceiptHandle(received.receiptHandle());
            record.setBody(received.body());
            record.setMd5OfBody(received.md5OfBody());
            record.setAttributes(new HashMap<>(Map.of("ApproximateReceiveCount", "1")));
            record.setEventSource("aws:sqs");
            record.setEventSourceArn(queueArn);
            record.setAwsRegion(LocalCloud.REGION);
            records.add(record);
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(records);
        return event;
    }

    /** The function's settings as the local runtime (and the CDK stack) gives them: only its own resources. */
    public static Settings settings(LocalCloud cloud, LambdaFunction function) {
        Map<String, String> values = new HashMap<>(cloud.settings());
        values.put(Settings.PUBLIC_BASE_URL, PUBLIC_BASE_URL);
        values.put(Settings.CANDIDATE_PAGE_URL, CANDIDATE_PAGE_URL);
        values.put(Settings.SENDER_EMAIL, SENDER);
        return new Settings(values).restrictedTo(function.settingKeys());
    }

    /** Clients for every emulator of the cloud (the test's own; the handlers under test get them too). */
    public static AwsClients clients(LocalCloud cloud) {
        return new AwsClients(new Settings(cloud.settings()));
    }

    /** A valid plan of six bank questions, created through the domain in the organisation (not frozen yet). */
    public static Plan plan(AwsClients clients, String table, String organisation) {
        List<PlanInput.QuestionInput> questions = new ArrayList<>();
        for (int number : new int[] {1, 3, 5, 9, 13, 16}) {
            questions.add(new PlanInput.QuestionInput(number, null, null));
        }
        return planService(clients, table).create(organisation, new PlanInput("Backend Engineer", "backend-engineer", null, null,
                questions, null, null, 60, List.of("hiring@" + organisation + ".example"), null, null, null, null, null, null, null));
    }

    public static PlanService planService(AwsClients clients, String table) {
        return new PlanService(new DynamoPlanRepository(clients.dynamoDb(), table), new PlanRules(QuestionBanks.builtIn()),
                Clock.systemUTC());
    }

    /** The name of the one table on the local cloud. */
    public static String table(LocalCloud cloud) {
        return new Settings(cloud.settings()).tableName(Table.MAIN);
    }

    /** The message ids the response reports as failed, so that only they are retried. */
    public static List<String> failures(SQSBatchResponse response) {
        return response.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .collect(Collectors.toList());
    }

    /**
     * Every message now on the queue, taken off it. Nothing consumes the queues in these tests and the handlers send
     * before they return, so what is there is what they sent (and whatever an earlier test left, which its ids tell).
     */
    public static List<Message> drain(AwsClients clients, String queueUrl) {
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
