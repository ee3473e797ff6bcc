package dev.prescreen.infra;

import static dev.prescreen.infra.Synthesis.list;
import static dev.prescreen.infra.Synthesis.map;
import static dev.prescreen.infra.Synthesis.number;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.prescreen.api.Access;
import dev.prescreen.api.ApiRoutes;
import dev.prescreen.api.Route;
import dev.prescreen.cloud.Bucket;
import dev.prescreen.cloud.LambdaFunction;
import dev.prescreen.cloud.Permissions;
import dev.prescreen.cloud.Queue;
import dev.prescreen.cloud.RecurringSchedule;
import dev.prescreen.cloud.Table;
import dev.prescreen.config.Settings;
import dev.prescreen.domain.plan.PlanRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.constructs.IConstruct;

/**
 * The synthesised template against the catalog in {@code shared}: every assertion iterates over the
 * catalog's enums and routes, so a function, queue, bucket, table, schedule or route added there is
 * checked here without a change.
 */
class PrescreenStackTest {

    private static Synthesis synthesis;
    private static PrescreenStack stack;

    @BeforeAll
    static void synthesise() {
        synthesis = Synthesis.ofRepository();
        stack = synthesis.stack;
    }

    @Nested
    class Functions {

        @Test
        void oneJava25FunctionPerCatalogEntry() {
            long java = synthesis.resources("AWS::Lambda::Function").values().stream()
                    .filter(f -> "java25".equals(map(f.get("Properties")).get("Runtime"))).count();
            assertThat(java).isEqualTo(LambdaFunction.values().length);
        }

        @Test
        void handlerMemoryTimeoutAndSnapStartFromTheCatalog() {
            for (LambdaFunction function : LambdaFunction.values()) {
                Map<String, Object> props = synthesis.properties(deployed(function).function());
                assertThat(props.get("Handler")).as(function.name()).isEqualTo(function.handler());
                assertThat(props.get("Runtime")).isEqualTo("java25");
                assertThat(number(props.get("MemorySize"))).isEqualTo(function.memoryMb());
                assertThat(number(props.get("Timeout"))).isEqualTo(function.timeoutSeconds());
                assertThat(props.get("SnapStart")).isEqualTo(Map.of("ApplyOn", "PublishedVersions"));
                assertThat(props.get("Role")).isEqualTo(synthesis.getAtt(deployed(function).role(), "Arn"));
            }
        }

        @Test
        void liveAliasOnThePublishedVersion() {
            for (LambdaFunction function : LambdaFunction.values()) {
                Map<String, Object> alias = synthesis.properties(deployed(function).alias());
                assertThat(alias.get("Name")).isEqualTo("live");
                assertThat(alias.get("FunctionName")).isEqualTo(synthesis.ref(deployed(function).function()));
                assertThat(map(alias.get("FunctionVersion")).get("Fn::GetAtt").toString()).contains("Version");
            }
            assertThat(synthesis.resources("AWS::Lambda::Alias")).hasSize(LambdaFunction.values().length);
        }

        @Test
        void jsonLogsInItsOwnLogGroupWithRetention() {
            for (LambdaFunction function : LambdaFunction.values()) {
                Map<String, Object> logging = map(synthesis.properties(deployed(function).function()).get("LoggingConfig"));
                assertThat(logging.get("LogFormat")).isEqualTo("JSON");
                assertThat(logging.get("LogGroup")).isEqualTo(synthesis.ref(deployed(function).logGroup()));
                assertThat(number(synthesis.properties(deployed(function).logGroup()).get("RetentionInDays")))
                        .isEqualTo(30);
            }
        }

        @Test
        void environmentHoldsExactlyTheSettingsItsPermissionsNeed() {
            for (LambdaFunction function : LambdaFunction.values()) {
                Map<String, Object> environment = map(map(synthesis.properties(deployed(function).function())
                        .get("Environment")).get("Variables"));
                assertThat(environment.keySet()).as(function.name())
                        .containsExactlyInAnyOrderElementsOf(expectedSettings(function));
                assertThat(environment.get("JAVA_TOOL_OPTIONS"))
                        .isEqualTo("-XX:+TieredCompilation -XX:TieredStopAtLevel=1");
                assertThat(environment.get(Settings.PUBLIC_BASE_URL))
                        .isEqualTo(synthesis.getAtt(stack.api().api(), "ApiEndpoint"));
                Permissions permissions = function.permissions();
                for (Table table : union(permissions.readsTables(), permissions.writesTables())) {
                    assertThat(environment.get(Settings.tableKey(table))).isEqualTo(synthesis.ref(stack.tables().table(table)));
                }
                for (Queue queue : queuesOf(function)) {
                    assertThat(environment.get(Settings.queueUrlKey(queue))).isEqualTo(synthesis.ref(stack.queues().queue(queue)));
                    assertThat(environment.get(Settings.deadLetterQueueUrlKey(queue)))
                            .isEqualTo(synthesis.ref(stack.queues().deadLetterQueue(queue)));
                }
                for (Bucket bucket : union(permissions.readsBuckets(), permissions.writesBuckets())) {
                    assertThat(environment.get(Settings.bucketKey(bucket))).isEqualTo(synthesis.ref(stack.buckets().bucket(bucket)));
                }
            }
        }

        @Test
        void everyConsumerReadsItsQueueThroughTheAliasReportingPartialFailures() {
            List<Map<String, Object>> mappings = synthesis.resources("AWS::Lambda::EventSourceMapping").values().stream()
                    .map(m -> map(m.get("Properties"))).toList();
            List<LambdaFunction> consumers = Arrays.stream(LambdaFunction.values())
                    .filter(f -> f.consumes().isPresent()).toList();
            assertThat(mappings).hasSize(consumers.size());
            for (LambdaFunction consumer : consumers) {
                Queue queue = consumer.consumes().orElseThrow();
                assertThat(mappings).as(consumer.name()).anySatisfy(mapping -> {
                    assertThat(mapping.get("EventSourceArn")).isEqualTo(synthesis.getAtt(stack.queues().queue(queue), "Arn"));
                    // The alias's name-qualified form, which CDK derives from the alias's ARN.
                    assertThat(mapping.get("FunctionName").toString())
                            .contains(synthesis.logicalId(deployed(consumer).alias())).contains(":live");
                    assertThat(mapping.get("FunctionResponseTypes")).isEqualTo(List.of("ReportBatchItemFailures"));
                    assertThat(number(mapping.get("BatchSize"))).isEqualTo(10);
                    assertThat(number(mapping.get("MaximumBatchingWindowInSeconds"))).isBetween(1, 5);
                });
            }
        }

        @Test
        void aQueuesVisibilityTimeoutIsAtLeastSixTimesItsConsumersTimeout() {
            for (LambdaFunction function : LambdaFunction.values()) {
                function.consumes().ifPresent(queue -> assertThat(
                        number(synthesis.properties(stack.queues().queue(queue)).get("VisibilityTimeout")))
                        .as(function.name()).isGreaterThanOrEqualTo(6 * function.timeoutSeconds()));
            }
        }
    }

    @Nested
    class Queues {

        @Test
        void everyQueueHasADeadLetterQueue() {
            assertThat(synthesis.resources("AWS::SQS::Queue")).hasSize(2 * Queue.values().length);
        }

        @Test
        void redriveToItsOwnDeadLetterQueue() {
            for (Queue queue : Queue.values()) {
                Map<String, Object> props = synthesis.properties(stack.queues().queue(queue));
                assertThat(props.get("RedrivePolicy")).as(queue.name()).isEqualTo(Map.of(
                        "deadLetterTargetArn", synthesis.getAtt(stack.queues().deadLetterQueue(queue), "Arn"),
                        "maxReceiveCount", queue.maxReceiveCount()));
                assertThat(number(props.get("VisibilityTimeout"))).isEqualTo(queue.visibilityTimeoutSeconds());
                Map<String, Object> deadLetters = synthesis.properties(stack.queues().deadLetterQueue(queue));
                assertThat(number(deadLetters.get("MessageRetentionPeriod"))).isEqualTo(queue.deadLetterRetentionSeconds());
                assertThat(deadLetters).doesNotContainKey("RedrivePolicy");
            }
        }

        @Test
        void encryptedAndTlsOnly() {
            for (Queue queue : Queue.values()) {
                for (IConstruct sqs : List.of(stack.queues().queue(queue), stack.queues().deadLetterQueue(queue))) {
                    assertThat(synthesis.properties(sqs).get("SqsManagedSseEnabled")).isEqualTo(true);
                    assertThat(policyStatementsOf("AWS::SQS::QueuePolicy", "Queues", synthesis.ref(sqs)))
                            .anySatisfy(PrescreenStackTest::deniesPlainHttp);
                }
            }
        }
    }

    @Nested
    class Tables {

        @Test
        void onDemandWithRecoveryTtlAndIndexesFromTheCatalog() {
            assertThat(synthesis.resources("AWS::DynamoDB::Table")).hasSize(Table.values().length);
            for (Table table : Table.values()) {
                Map<String, Object> resource = synthesis.resource(stack.tables().table(table));
                Map<String, Object> props = map(resource.get("Properties"));
                assertThat(resource.get("DeletionPolicy")).isEqualTo("Retain");
                assertThat(props.get("BillingMode")).isEqualTo("PAY_PER_REQUEST");
                assertThat(props.get("PointInTimeRecoverySpecification"))
                        .isEqualTo(Map.of("PointInTimeRecoveryEnabled", true));
                assertThat(props.get("TimeToLiveSpecification"))
                        .isEqualTo(Map.of("AttributeName", table.ttlAttribute(), "Enabled", true));
                assertThat(map(props.get("SSESpecification")).get("SSEEnabled")).isEqualTo(true);
                assertThat(props.get("KeySchema")).isEqualTo(keys(table.partitionKey(), table.sortKey()));
                List<Object> indexes = list(props.getOrDefault("GlobalSecondaryIndexes", List.of()));
                assertThat(indexes).hasSize(table.indexes().size());
                for (Table.Index index : table.indexes()) {
                    assertThat(indexes).contains(Map.of("IndexName", index.name(),
                            "KeySchema", keys(index.partitionKey(), index.sortKey()),
                            "Projection", Map.of("ProjectionType", "ALL")));
                }
                List<Object> attributes = list(props.get("AttributeDefinitions"));
                assertThat(attributes).allSatisfy(a -> assertThat(map(a).get("AttributeType")).isEqualTo("S"));
            }
        }

        private static List<Object> keys(String partitionKey, String sortKey) {
            return List.of(Map.of("AttributeName", partitionKey, "KeyType", "HASH"),
                    Map.of("AttributeName", sortKey, "KeyType", "RANGE"));
        }
    }

    @Nested
    class Buckets {

        @Test
        void everyBucketIsPrivateEncryptedAndTlsOnly() {
            Map<String, Map<String, Object>> buckets = synthesis.resources("AWS::S3::Bucket");
            // The catalog's buckets, the access log bucket and the candidate page's.
            assertThat(buckets).hasSize(Bucket.values().length + 2);
            buckets.forEach((id, bucket) -> {
                Map<String, Object> props = map(bucket.get("Properties"));
                assertThat(props.get("PublicAccessBlockConfiguration")).as(id).isEqualTo(Map.of(
                        "BlockPublicAcls", true, "BlockPublicPolicy", true,
                        "IgnorePublicAcls", true, "RestrictPublicBuckets", true));
                assertThat(props.get("BucketEncryption").toString()).contains("AES256");
                assertThat(props).doesNotContainKey("VersioningConfiguration");
                assertThat(policyStatementsOf("AWS::S3::BucketPolicy", "Bucket", Map.of("Ref", id)))
                        .anySatisfy(PrescreenStackTest::deniesPlainHttp);
            });
        }

        @Test
        void catalogBucketsLogAccessAndExpireAtTheLongestRetention() {
            for (Bucket bucket : Bucket.values()) {
                Map<String, Object> props = synthesis.properties(stack.buckets().bucket(bucket));
                assertThat(map(props.get("LoggingConfiguration")).get("LogFilePrefix"))
                        .isEqualTo(bucket.logicalName() + "/");
                assertThat(props.get("LifecycleConfiguration").toString())
                        .contains("ExpirationInDays=" + PlanRules.MAX_RETENTION_DAYS);
            }
        }

        @Test
        void newObjectsUnderThePrefixAreAnnouncedOnTheCatalogsQueue() {
            for (Bucket bucket : Bucket.values()) {
                Map<String, Object> resource = synthesis.resource(stack.buckets().bucket(bucket));
                Map<String, Object> props = map(resource.get("Properties"));
                bucket.notification().ifPresentOrElse(notification -> {
                    var queue = stack.queues().queue(notification.queue());
                    assertThat(props.get("NotificationConfiguration")).as(bucket.name()).isEqualTo(Map.of(
                            "QueueConfigurations", List.of(Map.of(
                                    "Event", "s3:ObjectCreated:*",
                                    "Queue", synthesis.getAtt(queue, "Arn"),
                                    "Filter", Map.of("S3Key", Map.of("Rules", List.of(
                                            Map.of("Name", "prefix", "Value", notification.prefix()))))))));
                    // S3 validates the destination, so the queue must already admit it.
                    assertThat(list(resource.get("DependsOn")))
                            .contains(synthesis.logicalId(queue.getNode().findChild("Policy")));
                    assertThat(policyStatementsOf("AWS::SQS::QueuePolicy", "Queues", synthesis.ref(queue)))
                            .anySatisfy(s -> assertThat(s.get("Principal")).isEqualTo(Map.of("Service", "s3.amazonaws.com")));
                }, () -> assertThat(props).doesNotContainKey("NotificationConfiguration"));
            }
        }

        @Test
        void browserUploadsAreAllowedFromTheCandidatePageOnly() {
            Map<String, Object> cors = map(synthesis.properties(
                    stack.buckets().bucket(BucketsConstruct.BROWSER_UPLOADS)).get("CorsConfiguration"));
            Map<String, Object> rule = map(list(cors.get("CorsRules")).get(0));
            assertThat(rule.get("AllowedMethods")).isEqualTo(List.of("PUT", "GET"));
            assertThat(rule.get("AllowedOrigins").toString()).contains("DomainName").doesNotContain("\"*\"");
        }

        @Test
        void candidatePageIsServedOverHttpsThroughOriginAccessControl() {
            Map<String, Object> config = map(synthesis.properties(stack.candidatePage().getNode().findChild("Distribution"))
                    .get("DistributionConfig"));
            Map<String, Object> origin = map(list(config.get("Origins")).get(0));
            assertThat(origin).containsKey("OriginAccessControlId");
            assertThat(map(config.get("DefaultCacheBehavior")).get("ViewerProtocolPolicy")).isEqualTo("redirect-to-https");
            assertThat(synthesis.resources("AWS::CloudFront::OriginAccessControl")).hasSize(1);
        }
    }

    @Nested
    class Api {

        @Test
        void everyCatalogRouteIntegratedWithItsFunctionsAlias() {
            Map<String, Map<String, Object>> routes = routesByKey();
            assertThat(routes.keySet()).containsExactlyInAnyOrderElementsOf(
                    ApiRoutes.all().stream().map(Route::routeKey).toList());
            Map<String, Map<String, Object>> integrations = synthesis.resources("AWS::ApiGatewayV2::Integration");
            for (Route route : ApiRoutes.all()) {
                String target = String.valueOf(routes.get(route.routeKey()).get("Target"));
                String integrationId = integrations.keySet().stream().filter(target::contains).findFirst().orElseThrow();
                assertThat(map(integrations.get(integrationId).get("Properties")).get("IntegrationUri"))
                        .as(route.routeKey()).isEqualTo(synthesis.ref(deployed(route.function()).alias()));
            }
        }

        @Test
        void jwtAuthorizerOnExactlyTheRecruiterRoutes() {
            Map<String, Map<String, Object>> routes = routesByKey();
            String authorizer = synthesis.resources("AWS::ApiGatewayV2::Authorizer").keySet().iterator().next();
            for (Route route : ApiRoutes.all()) {
                Map<String, Object> props = routes.get(route.routeKey());
                if (route.access() == Access.RECRUITER) {
                    assertThat(props.get("AuthorizationType")).as(route.routeKey()).isEqualTo("JWT");
                    assertThat(props.get("AuthorizerId")).isEqualTo(Map.of("Ref", authorizer));
                } else {
                    assertThat(props.get("AuthorizationType")).as(route.routeKey()).isEqualTo("NONE");
                    assertThat(props).doesNotContainKey("AuthorizerId");
                }
            }
            assertThat(stack.api().openRoutes()).hasSize(
                    (int) ApiRoutes.all().stream().filter(r -> r.access() != Access.RECRUITER).count());
        }

        @Test
        void authorizerTrustsTheRecruiterPoolAndItsClient() {
            Map<String, Object> props = map(synthesis.resources("AWS::ApiGatewayV2::Authorizer").values().iterator().next()
                    .get("Properties"));
            assertThat(props.get("AuthorizerType")).isEqualTo("JWT");
            Map<String, Object> jwt = map(props.get("JwtConfiguration"));
            String client = synthesis.resources("AWS::Cognito::UserPoolClient").keySet().iterator().next();
            assertThat(jwt.get("Audience")).isEqualTo(List.of(Map.of("Ref", client)));
            String pool = synthesis.logicalId(stack.getNode().findChild("RecruiterIdentity").getNode().findChild("Recruiters"));
            assertThat(jwt.get("Issuer").toString()).contains("cognito-idp.").contains(pool);
        }

        @Test
        void recruitersCarryAnImmutableOrganisationTheirClientCannotWrite() {
            Map<String, Object> pool = map(synthesis.resources("AWS::Cognito::UserPool").values().iterator().next()
                    .get("Properties"));
            assertThat(list(pool.get("Schema"))).contains(Map.of("Name", "org", "AttributeDataType", "String",
                    "Mutable", false, "StringAttributeConstraints", Map.of("MinLength", "1", "MaxLength", "64")));
            assertThat(map(pool.get("AdminCreateUserConfig")).get("AllowAdminCreateUserOnly")).isEqualTo(true);
            Map<String, Object> client = map(synthesis.resources("AWS::Cognito::UserPoolClient").values().iterator().next()
                    .get("Properties"));
            assertThat(list(client.get("ReadAttributes"))).contains("custom:org");
            assertThat(list(client.getOrDefault("WriteAttributes", List.of()))).doesNotContain("custom:org");
            assertThat(client.get("GenerateSecret")).isEqualTo(false);
        }

        @Test
        void defaultStageIsThrottledAndLogsJsonWithoutPaths() {
            Map<String, Object> stage = map(synthesis.resources("AWS::ApiGatewayV2::Stage").values().iterator().next()
                    .get("Properties"));
            assertThat(stage.get("StageName")).isEqualTo("$default");
            assertThat(stage.get("DefaultRouteSettings")).isEqualTo(Map.of(
                    "ThrottlingRateLimit", ApiConstruct.RATE_LIMIT, "ThrottlingBurstLimit", ApiConstruct.BURST_LIMIT));
            Map<String, Object> accessLog = map(stage.get("AccessLogSettings"));
            assertThat(accessLog.get("DestinationArn").toString()).contains("ApiAccessLogs");
            String format = (String) accessLog.get("Format");
            assertThat(format).contains("$context.routeKey", "$context.requestId").doesNotContain("$context.path");
            assertThat(parse(format)).containsKeys("requestId", "routeKey", "status");
        }

        @SuppressWarnings("unchecked")
        private static Map<String, Object> parse(String json) {
            try {
                return new ObjectMapper().readValue(json, Map.class);
            } catch (JsonProcessingException e) {
                throw new AssertionError("access log format is not JSON: " + json, e);
            }
        }

        private static Map<String, Map<String, Object>> routesByKey() {
            Map<String, Map<String, Object>> routes = new HashMap<>();
            synthesis.resources("AWS::ApiGatewayV2::Route").values().forEach(route -> {
                Map<String, Object> props = map(route.get("Properties"));
                routes.put((String) props.get("RouteKey"), props);
            });
            return routes;
        }
    }

    @Nested
    class EventsAndSchedules {

        @Test
        void finishedTranscribeJobsReachTheTranscriptionEventsQueue() {
            Map<String, Object> rule = ruleFromSource("aws.transcribe");
            Map<String, Object> pattern = map(rule.get("EventPattern"));
            assertThat(pattern.get("detail-type")).isEqualTo(List.of("Transcribe Job State Change"));
            assertThat(pattern.get("detail")).isEqualTo(Map.of("TranscriptionJobStatus", List.of("COMPLETED", "FAILED")));
            assertTargetsQueue(rule, Queue.TRANSCRIPTION_EVENTS);
        }

        @Test
        void bouncesAndComplaintsReachTheEmailEventsQueue() {
            Map<String, Object> rule = ruleFromSource("aws.ses");
            assertThat(map(rule.get("EventPattern")).get("detail-type"))
                    .isEqualTo(List.of("Email Bounced", "Email Complained"));
            assertTargetsQueue(rule, Queue.EMAIL_EVENTS);
            Map<String, Object> destination = map(map(synthesis.resources("AWS::SES::ConfigurationSetEventDestination")
                    .values().iterator().next().get("Properties")).get("EventDestination"));
            assertThat(list(destination.get("MatchingEventTypes")).stream().map(String::valueOf)
                    .map(String::toLowerCase)).containsExactlyInAnyOrder("bounce", "complaint");
            assertThat(destination).containsKey("EventBridgeDestination");
        }

        @Test
        void batchSchedulesGoToTheirGroupAndMaySendOnlyToTheBatchSendsQueue() {
            Map<String, Object> group = map(synthesis.resources("AWS::Scheduler::ScheduleGroup").values().iterator().next()
                    .get("Properties"));
            assertThat(group.get("Name")).isEqualTo(BatchSchedulingConstruct.SCHEDULE_GROUP_NAME);
            IConstruct role = stack.getNode().findChild("BatchScheduling").getNode().findChild("SchedulerRole");
            assertThat(synthesis.properties(role).get("AssumeRolePolicyDocument").toString())
                    .contains("scheduler.amazonaws.com").contains("aws:SourceAccount");
            assertThat(statementsOfRole(role)).singleElement().satisfies(statement -> {
                assertThat(list(statement.get("Action"))).contains("sqs:SendMessage");
                assertThat(statement.get("Resource"))
                        .isEqualTo(synthesis.getAtt(stack.queues().queue(BatchSchedulingConstruct.TARGET), "Arn"));
            });
        }

        @Test
        void everyRecurringScheduleInvokesItsFunctionsAliasOnTime() {
            Map<String, Map<String, Object>> schedules = synthesis.resources("AWS::Scheduler::Schedule");
            assertThat(schedules).hasSize(RecurringSchedule.values().length);
            for (RecurringSchedule schedule : RecurringSchedule.values()) {
                assertThat(schedules.values()).anySatisfy(resource -> {
                    Map<String, Object> props = map(resource.get("Properties"));
                    assertThat(props.get("Name")).isEqualTo(schedule.scheduleName());
                    assertThat(props.get("ScheduleExpression")).isEqualTo(schedule.expression());
                    assertThat(props.get("FlexibleTimeWindow")).isEqualTo(Map.of("Mode", "OFF"));
                    assertThat(map(props.get("Target")).get("Arn"))
                            .isEqualTo(synthesis.ref(deployed(schedule.target()).alias()));
                });
            }
        }

        private static Map<String, Object> ruleFromSource(String source) {
            return synthesis.resources("AWS::Events::Rule").values().stream()
                    .map(rule -> map(rule.get("Properties")))
                    .filter(rule -> List.of(source).equals(map(rule.get("EventPattern")).get("source")))
                    .findFirst().orElseThrow(() -> new AssertionError("no rule for " + source));
        }

        private static void assertTargetsQueue(Map<String, Object> rule, Queue queue) {
            Map<String, Object> target = map(list(rule.get("Targets")).get(0));
            assertThat(target.get("Arn")).isEqualTo(synthesis.getAtt(stack.queues().queue(queue), "Arn"));
            assertThat(target.get("DeadLetterConfig"))
                    .isEqualTo(Map.of("Arn", synthesis.getAtt(stack.queues().deadLetterQueue(queue), "Arn")));
        }
    }

    @Nested
    class Alarms {

        @Test
        void everyDeadLetterQueueAlarmsOnItsFirstMessage() {
            for (Queue queue : Queue.values()) {
                assertThat(alarms()).as(queue.name()).anySatisfy(alarm -> {
                    assertThat(alarm.get("MetricName")).isEqualTo("ApproximateNumberOfMessagesVisible");
                    assertThat(alarm.get("Dimensions")).isEqualTo(List.of(Map.of("Name", "QueueName",
                            "Value", synthesis.getAtt(stack.queues().deadLetterQueue(queue), "QueueName"))));
                    assertNotifiesWhenAboveZero(alarm);
                });
            }
        }

        @Test
        void everyFunctionAlarmsOnItsFirstError() {
            for (LambdaFunction function : LambdaFunction.values()) {
                assertThat(alarms()).as(function.name()).anySatisfy(alarm -> {
                    assertThat(alarm.get("MetricName")).isEqualTo("Errors");
                    assertThat(alarm.get("Dimensions")).isEqualTo(List.of(Map.of("Name", "FunctionName",
                            "Value", synthesis.ref(deployed(function).function()))));
                    assertNotifiesWhenAboveZero(alarm);
                });
            }
            assertThat(alarms()).hasSize(Queue.values().length + LambdaFunction.values().length);
        }

        @Test
        void theAlarmTopicIsEncryptedWithARotatedKey() {
            Map<String, Object> topic = synthesis.properties(stack.alarms().topic());
            assertThat(topic.get("KmsMasterKeyId").toString()).contains("AlarmsTopicKey");
            Map<String, Object> key = map(synthesis.resources("AWS::KMS::Key").values().iterator().next().get("Properties"));
            assertThat(key.get("EnableKeyRotation")).isEqualTo(true);
            assertThat(key.get("KeyPolicy").toString()).contains("cloudwatch.amazonaws.com");
        }

        private static void assertNotifiesWhenAboveZero(Map<String, Object> alarm) {
            assertThat(alarm.get("ComparisonOperator")).isEqualTo("GreaterThanThreshold");
            assertThat(number(alarm.get("Threshold"))).isZero();
            assertThat(alarm.get("AlarmActions")).isEqualTo(List.of(synthesis.ref(stack.alarms().topic())));
        }

        private static List<Map<String, Object>> alarms() {
            return synthesis.resources("AWS::CloudWatch::Alarm").values().stream()
                    .map(alarm -> map(alarm.get("Properties"))).toList();
        }
    }

    @Nested
    class LeastPrivilege {

        @Test
        void noStatementAllowsEveryActionOrEveryResourceBeyondTranscribe() {
            for (Map<String, Object> statement : allPolicyStatements()) {
                assertThat(list(statement.get("Action"))).doesNotContain("*");
                if (list(statement.get("Resource")).contains("*")) {
                    assertThat(list(statement.get("Action"))).as("actions on *")
                            .allMatch(FunctionGrants.TRANSCRIBE_ACTIONS::contains);
                }
            }
        }

        @Test
        void functionRolesNameEveryActionAndHaveNoManagedPolicy() {
            for (LambdaFunction function : LambdaFunction.values()) {
                Map<String, Object> role = synthesis.properties(deployed(function).role());
                assertThat(role).as(function.name()).doesNotContainKey("ManagedPolicyArns");
                assertThat(role.get("AssumeRolePolicyDocument").toString()).contains("lambda.amazonaws.com");
                assertThat(statementsOfRole(deployed(function).role()))
                        .flatMap(statement -> list(statement.get("Action")))
                        .allSatisfy(action -> assertThat(String.valueOf(action)).doesNotContain("*"));
            }
        }

        @Test
        void onlyTheImpactRatioAggregateMayReadSelfIdentifications() {
            Object table = synthesis.getAtt(stack.tables().table(Table.SELF_IDENTIFICATION), "Arn");
            for (LambdaFunction function : LambdaFunction.values()) {
                Map<String, Set<Object>> granted = grantedActions(deployed(function).role());
                boolean reads = granted.getOrDefault("dynamodb:GetItem", Set.of()).contains(table)
                        || granted.getOrDefault("dynamodb:Query", Set.of()).contains(table)
                        || granted.getOrDefault("dynamodb:Scan", Set.of()).contains(table);
                assertThat(reads).as(function + " reads self-identifications")
                        .isEqualTo(function == LambdaFunction.COMPLIANCE_API);
            }
            assertThat(LambdaFunction.SESSION_API.permissions().writesTables()).contains(Table.SELF_IDENTIFICATION);
            assertThat(LambdaFunction.REPORTS_API.permissions().writesTables()).contains(Table.SELF_IDENTIFICATION);
            // the writers may put and delete, but never have the old item returned (that would read it)
            for (LambdaFunction writer : List.of(LambdaFunction.SESSION_API, LambdaFunction.REPORTS_API)) {
                List<Map<String, Object>> onTable = statementsOfRole(deployed(writer).role()).stream()
                        .filter(statement -> list(statement.get("Resource")).contains(table)).toList();
                assertThat(onTable).as(writer + " on the self-identification table").singleElement()
                        .satisfies(statement -> {
                            assertThat(list(statement.get("Action")))
                                    .containsExactlyInAnyOrder("dynamodb:PutItem", "dynamodb:DeleteItem");
                            assertThat(String.valueOf(statement.get("Condition")))
                                    .contains("StringEqualsIfExists").contains("dynamodb:ReturnValues=NONE");
                        });
            }
        }

        @Test
        void theAuditTrailIsKeptAtLeastSixMonths() {
            Map<String, Object> environment = map(map(synthesis.properties(deployed(LambdaFunction.COMPLIANCE_API)
                    .function()).get("Environment")).get("Variables"));
            assertThat(Integer.parseInt(String.valueOf(environment.get(Settings.AUDIT_RETENTION_DAYS))))
                    .isGreaterThanOrEqualTo(dev.prescreen.domain.audit.AuditTrail.MIN_RETENTION_DAYS);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new FunctionsConstruct.Resources(null, null,
                    null, null, null, "https://api", "https://page", 100))
                    .hasMessageContaining("at least 183");
        }

        @Test
        void eachFunctionMayDoWhatItsPermissionsSayAndNoMore() {
            for (LambdaFunction function : LambdaFunction.values()) {
                Map<String, Set<Object>> granted = grantedActions(deployed(function).role());
                Permissions permissions = function.permissions();
                assertResources(granted, "dynamodb:GetItem", permissions.readsTables().stream()
                        .map(t -> synthesis.getAtt(stack.tables().table(t), "Arn")), function);
                assertResources(granted, "dynamodb:PutItem", permissions.writesTables().stream()
                        .map(t -> synthesis.getAtt(stack.tables().table(t), "Arn")), function);
                assertResources(granted, "sqs:SendMessage", permissions.sendsTo().stream()
                        .map(q -> synthesis.getAtt(stack.queues().queue(q), "Arn")), function);
                assertResources(granted, "sqs:ReceiveMessage", function.consumes().stream()
                        .map(q -> synthesis.getAtt(stack.queues().queue(q), "Arn")), function);
                assertResources(granted, "s3:GetObject", permissions.readsBuckets().stream()
                        .map(b -> objectsOf(b)), function);
                assertResources(granted, "s3:PutObject", permissions.writesBuckets().stream()
                        .map(b -> objectsOf(b)), function);
                assertResources(granted, "s3:DeleteObject", permissions.writesBuckets().stream()
                        .map(b -> objectsOf(b)), function);
                assertThat(granted.containsKey("ses:SendEmail")).as(function + " sends email")
                        .isEqualTo(permissions.sendsEmail());
                assertThat(granted.containsKey("transcribe:StartTranscriptionJob")).as(function + " transcribes")
                        .isEqualTo(permissions.startsTranscriptions());
                assertThat(granted.containsKey("scheduler:CreateSchedule")).as(function + " schedules")
                        .isEqualTo(permissions.managesSchedules());
                assertThat(granted.containsKey("iam:PassRole")).isEqualTo(permissions.managesSchedules());
                if (permissions.managesSchedules()) {
                    IConstruct schedulerRole = stack.getNode().findChild("BatchScheduling").getNode()
                            .findChild("SchedulerRole");
                    assertThat(granted.get("iam:PassRole")).containsExactly(synthesis.getAtt(schedulerRole, "Arn"));
                }
                assertThat(granted.get("logs:PutLogEvents"))
                        .containsExactly(synthesis.getAtt(deployed(function).logGroup(), "Arn"));
            }
        }

        private static Object objectsOf(Bucket bucket) {
            return Map.of("Fn::Join", List.of("", List.of(
                    synthesis.getAtt(stack.buckets().bucket(bucket), "Arn"), "/*")));
        }

        private static void assertResources(Map<String, Set<Object>> granted, String action, Stream<Object> expected,
                LambdaFunction function) {
            Set<Object> wanted = expected.collect(Collectors.toSet());
            Set<Object> actual = new HashSet<>(granted.getOrDefault(action, Set.of()));
            // Table grants also cover the table's indexes.
            actual.removeIf(resource -> resource.toString().contains("/index/*"));
            assertThat(actual).as(function + " " + action).containsExactlyInAnyOrderElementsOf(wanted);
        }

        private static Map<String, Set<Object>> grantedActions(IConstruct role) {
            Map<String, Set<Object>> granted = new HashMap<>();
            for (Map<String, Object> statement : statementsOfRole(role)) {
                assertThat(statement.get("Effect")).isEqualTo("Allow");
                for (Object action : list(statement.get("Action"))) {
                    granted.computeIfAbsent((String) action, a -> new HashSet<>()).addAll(list(statement.get("Resource")));
                }
            }
            return granted;
        }

        private static List<Map<String, Object>> allPolicyStatements() {
            List<Map<String, Object>> statements = new ArrayList<>();
            synthesis.resources("AWS::IAM::Policy").values().forEach(policy -> list(map(map(policy.get("Properties"))
                    .get("PolicyDocument")).get("Statement")).forEach(s -> statements.add(map(s))));
            return statements;
        }
    }

    @Nested
    class Interface {

        @Test
        void outputsWhatOperatorsAndClientsNeed() {
            assertThat(map(synthesis.json.get("Outputs")))
                    .containsKeys("ApiUrl", "CandidatePageUrl", "UserPoolId", "UserPoolClientId", "AlarmTopicArn");
            assertThat(map(map(synthesis.json.get("Outputs")).get("CandidatePageUrl")).get("Value").toString())
                    .contains(CandidatePageConstruct.PATH);
        }

        @Test
        void senderAndConfigurationSetAreDeploymentParameters() {
            Map<String, Object> parameters = map(synthesis.json.get("Parameters"));
            assertThat(parameters).containsKey("SesConfigurationSetName");
            boolean anyFunctionSendsEmail = Arrays.stream(LambdaFunction.values())
                    .anyMatch(f -> f.permissions().sendsEmail());
            assertThat(parameters.containsKey("SenderEmail")).isEqualTo(anyFunctionSendsEmail);
            assertThat(map(synthesis.resources("AWS::SES::ConfigurationSet").values().iterator().next()
                    .get("Properties")).get("Name")).isEqualTo(Map.of("Ref", "SesConfigurationSetName"));
        }
    }

    private static FunctionsConstruct.Deployed deployed(LambdaFunction function) {
        return stack.functions().deployed(function);
    }

    /** Re-derived from {@link Settings} and the catalog, independently of the stack's own code. */
    private static Set<String> expectedSettings(LambdaFunction function) {
        Permissions permissions = function.permissions();
        Set<String> keys = new HashSet<>(Set.of("JAVA_TOOL_OPTIONS", Settings.PUBLIC_BASE_URL,
                Settings.CANDIDATE_PAGE_URL));
        union(permissions.readsTables(), permissions.writesTables()).forEach(t -> keys.add(Settings.tableKey(t)));
        for (Queue queue : queuesOf(function)) {
            keys.add(Settings.queueUrlKey(queue));
            keys.add(Settings.deadLetterQueueUrlKey(queue));
        }
        union(permissions.readsBuckets(), permissions.writesBuckets()).forEach(b -> keys.add(Settings.bucketKey(b)));
        if (permissions.sendsEmail()) {
            keys.addAll(List.of(Settings.SENDER_EMAIL, Settings.SES_CONFIGURATION_SET));
        }
        if (permissions.managesSchedules()) {
            keys.addAll(List.of(Settings.SCHEDULER_ROLE_ARN, Settings.SCHEDULE_GROUP,
                    Settings.queueUrlKey(Queue.BATCH_SENDS)));
        }
        if (permissions.writesAudit()) {
            keys.add(Settings.AUDIT_RETENTION_DAYS);
        }
        return keys;
    }

    private static Set<Queue> queuesOf(LambdaFunction function) {
        Set<Queue> queues = new HashSet<>(function.permissions().sendsTo());
        function.consumes().ifPresent(queues::add);
        return queues;
    }

    private static <E> Set<E> union(Set<E> a, Set<E> b) {
        Set<E> union = new HashSet<>(a);
        union.addAll(b);
        return union;
    }

    private static List<Map<String, Object>> statementsOfRole(IConstruct role) {
        Map<String, Object> ref = synthesis.ref(role);
        List<Map<String, Object>> statements = new ArrayList<>();
        synthesis.resources("AWS::IAM::Policy").values().stream()
                .map(policy -> map(policy.get("Properties")))
                .filter(policy -> list(policy.get("Roles")).contains(ref))
                .forEach(policy -> list(map(policy.get("PolicyDocument")).get("Statement"))
                        .forEach(s -> statements.add(map(s))));
        return statements;
    }

    private static List<Map<String, Object>> policyStatementsOf(String type, String targetProperty, Object target) {
        List<Map<String, Object>> statements = new ArrayList<>();
        synthesis.resources(type).values().stream()
                .map(policy -> map(policy.get("Properties")))
                .filter(policy -> list(policy.get(targetProperty)).contains(target))
                .forEach(policy -> list(map(policy.get("PolicyDocument")).get("Statement"))
                        .forEach(s -> statements.add(map(s))));
        return statements;
    }

    private static void deniesPlainHttp(Map<String, Object> statement) {
        assertThat(statement.get("Effect")).isEqualTo("Deny");
        assertThat(statement.get("Condition")).isEqualTo(Map.of("Bool", Map.of("aws:SecureTransport", "false")));
    }
}
