package dev.prescreen.scheduling;

import dev.prescreen.aws.AwsClients;
import dev.prescreen.cloud.Queue;
import dev.prescreen.cloud.Table;
import dev.prescreen.config.Settings;
import dev.prescreen.domain.bank.QuestionBanks;
import dev.prescreen.domain.candidate.BatchService;
import dev.prescreen.domain.candidate.InvitationService;
import dev.prescreen.domain.plan.PlanRules;
import dev.prescreen.domain.plan.PlanService;
import dev.prescreen.messages.SesMailer;
import dev.prescreen.messages.SqsBatchDispatch;
import dev.prescreen.messages.SqsWebhookQueues;
import dev.prescreen.domain.organisation.OrganisationSettingsService;
import dev.prescreen.storage.DynamoCandidateRepository;
import dev.prescreen.storage.DynamoOrganisationSettings;
import dev.prescreen.storage.DynamoInterviewRepository;
import dev.prescreen.storage.DynamoPlanRepository;
import dev.prescreen.storage.DynamoUsageMeter;
import java.time.Clock;

/** Wires the scheduling module's services to AWS, one way for all its handlers. */
final class SchedulingFunctions {

    private SchedulingFunctions() {
    }

    static BatchService batches(AwsClients clients, Settings settings) {
        String table = settings.tableName(Table.MAIN);
        return new BatchService(new DynamoCandidateRepository(clients.dynamoDb(), table),
                new DynamoPlanRepository(clients.dynamoDb(), table),
                new DynamoInterviewRepository(clients.dynamoDb(), table),
                // Each handler gets only its own resources' settings: the API schedules, the sender fans out.
                new SqsBatchDispatch(clients.sqs(), clients.scheduler(), settings.queueUrl(Queue.BATCH_SENDS),
                        settings.find(Settings.queueUrlKey(Queue.INVITATIONS)).orElse(null), clients.region().id(),
                        settings.find(Settings.SCHEDULE_GROUP).orElse(null),
                        settings.find(Settings.SCHEDULER_ROLE_ARN).orElse(null)),
                new OrganisationSettingsService(new DynamoOrganisationSettings(clients.dynamoDb(), table),
                        Clock.systemUTC()), Clock.systemUTC());
    }

    static InvitationService invitations(AwsClients clients, Settings settings) {
        String table = settings.tableName(Table.MAIN);
        return new InvitationService(new DynamoCandidateRepository(clients.dynamoDb(), table),
                new PlanService(new DynamoPlanRepository(clients.dynamoDb(), table), new PlanRules(QuestionBanks.builtIn()),
                        Clock.systemUTC()),
                new DynamoInterviewRepository(clients.dynamoDb(), table),
                mailer(clients, settings),
                new DynamoUsageMeter(clients.dynamoDb(), table),
                settings.require(Settings.CANDIDATE_PAGE_URL),
                new SqsWebhookQueues(clients.sqs(), settings.queueUrl(Queue.WEBHOOK_EVENTS), null), Clock.systemUTC());
    }

    static SesMailer mailer(AwsClients clients, Settings settings) {
        return new SesMailer(clients.sesV2(), settings.find(Settings.SENDER_EMAIL).orElse(null),
                settings.find(Settings.SES_CONFIGURATION_SET).orElse(null));
    }
}
