package dev.prescreen.integrations;

import dev.prescreen.aws.AwsClients;
import dev.prescreen.cloud.Queue;
import dev.prescreen.cloud.Table;
import dev.prescreen.config.Settings;
import dev.prescreen.domain.webhook.RetryPolicy;
import dev.prescreen.domain.webhook.WebhookDeliveries;
import dev.prescreen.domain.webhook.WebhookUrlPolicy;
import dev.prescreen.messages.SqsWebhookQueues;
import dev.prescreen.messages.SesMailer;
import dev.prescreen.storage.DynamoWebhookDeliveries;
import dev.prescreen.storage.DynamoWebhookRepository;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** The integrations functions' one composition root: the webhook services, built once per function instance. */
final class IntegrationsFunctions {

    private IntegrationsFunctions() {
    }

    static WebhookUrlPolicy urlPolicy(Settings settings) {
        boolean loopbackHttp = Boolean.parseBoolean(settings.get(Settings.WEBHOOKS_ALLOW_LOOPBACK_HTTP, "false"));
        return new WebhookUrlPolicy(loopbackHttp, host -> List.of(InetAddress.getAllByName(host)));
    }

    static DynamoWebhookRepository endpoints(AwsClients clients, Settings settings) {
        return new DynamoWebhookRepository(clients.dynamoDb(), settings.tableName(Table.MAIN));
    }

    static WebhookDeliveries deliveries(AwsClients clients, Settings settings) {
        SecureRandom random = new SecureRandom();
        Duration firstRetry = Duration.ofMillis(settings.getInt(Settings.WEBHOOK_FIRST_RETRY_MILLIS,
                (int) RetryPolicy.FIRST_BACKOFF.toMillis()));
        return new WebhookDeliveries(endpoints(clients, settings),
                new DynamoWebhookDeliveries(clients.dynamoDb(), settings.tableName(Table.MAIN)),
                new SqsWebhookQueues(clients.sqs(), null, settings.queueUrl(Queue.WEBHOOK_DELIVERIES)),
                new HttpWebhookSender(),
                new EmailWebhookNotifier(new SesMailer(clients.sesV2(), settings.find(Settings.SENDER_EMAIL).orElse(null),
                        settings.find(Settings.SES_CONFIGURATION_SET).orElse(null))),
                urlPolicy(settings), new RetryPolicy(random::nextDouble, firstRetry), Clock.systemUTC());
    }
}
