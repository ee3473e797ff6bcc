package dev.prescreen.reporting;

import dev.prescreen.aws.AwsClients;
import dev.prescreen.cloud.Bucket;
import dev.prescreen.cloud.Table;
import dev.prescreen.config.Settings;
import dev.prescreen.domain.report.ReportService;
import dev.prescreen.messages.SesMailer;
import dev.prescreen.scoring.RubricScorer;
import dev.prescreen.storage.DynamoCandidateRepository;
import dev.prescreen.storage.DynamoInterviewRepository;
import dev.prescreen.storage.DynamoPlanRepository;
import dev.prescreen.storage.DynamoReportRepository;
import dev.prescreen.storage.DynamoUsageMeter;
import dev.prescreen.storage.S3RecordingStore;
import dev.prescreen.cloud.Queue;
import dev.prescreen.messages.SqsWebhookQueues;
import java.time.Clock;

/** Wires the reporting services to AWS, one way for the module's handlers. */
final class ReportingFunctions {

    private ReportingFunctions() {
    }

    static ReportService reports(AwsClients clients, Settings settings) {
        String table = settings.tableName(Table.MAIN);
        return new ReportService(new DynamoReportRepository(clients.dynamoDb(), table),
                new DynamoInterviewRepository(clients.dynamoDb(), table),
                new DynamoPlanRepository(clients.dynamoDb(), table),
                new DynamoCandidateRepository(clients.dynamoDb(), table),
                recordings(clients, settings, Bucket.RECORDINGS),
                new SesMailer(clients.sesV2(), settings.find(Settings.SENDER_EMAIL).orElse(null),
                        settings.find(Settings.SES_CONFIGURATION_SET).orElse(null)),
                new DynamoUsageMeter(clients.dynamoDb(), table),
                settings.require(Settings.PUBLIC_BASE_URL), RubricScorer.VERSION,
                new SqsWebhookQueues(clients.sqs(), settings.queueUrl(Queue.WEBHOOK_EVENTS), null), Clock.systemUTC());
    }

    /** A bucket's objects, when the function has that bucket (null otherwise: its handlers never touch it). */
    static S3RecordingStore recordings(AwsClients clients, Settings settings, Bucket bucket) {
        return settings.find(Settings.bucketKey(bucket))
                .map(name -> new S3RecordingStore(clients.s3(), clients.s3Presigner(), name))
                .orElse(null);
    }
}
