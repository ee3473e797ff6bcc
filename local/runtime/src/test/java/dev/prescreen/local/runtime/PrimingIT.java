package dev.prescreen.local.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import dev.prescreen.aws.AwsClients;
import dev.prescreen.cloud.LambdaFunction;
import dev.prescreen.config.Settings;
import dev.prescreen.lambda.Priming;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Every function's SnapStart priming requests, served by its handler on the local cloud: each is answered (no
 * exception, no 5xx, no failed message) and none writes, sends, schedules or starts anything, because priming runs
 * in production at every snapshot and every cold start.
 */
@ExtendWith(LocalRuntimeExtension.class)
class PrimingIT {

    /** Operations that change something somewhere; a read of any kind is fine. */
    private static final Set<String> EFFECTS = Set.of("PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem",
            "TransactWriteItems", "SendMessage", "SendMessageBatch", "DeleteMessage", "SendEmail", "CreateSchedule",
            "DeleteSchedule", "UpdateSchedule", "StartTranscriptionJob", "PutObject", "DeleteObject", "DeleteObjects",
            "CopyObject");

    /** Records every SDK operation the handler makes. */
    private static final class Operations implements ExecutionInterceptor {
        final ConcurrentLinkedQueue<String> seen = new ConcurrentLinkedQueue<>();

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            seen.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(LambdaFunction.class)
    @SuppressWarnings({"unchecked", "rawtypes"})
    void primingRequestsAreAnsweredAndChangeNothing(LambdaFunction function, LocalRuntime runtime) throws Exception {
        Operations operations = new Operations();
        Settings settings = runtime.settings().restrictedTo(function.settingKeys());
        AwsClients clients = new AwsClients(new Settings(runtime.settings().asMap()), List.of(operations));
        RequestHandler handler = (RequestHandler) Class.forName(function.handlerClass())
                .getConstructor(AwsClients.class, Settings.class).newInstance(clients, settings);

        List<Object> events = Priming.eventsOf(handler);
        assertThat(events).as("priming events of " + function).isNotEmpty();
        operations.seen.clear(); // constructing a handler may read its configuration
        for (Object event : events) {
            Object response = handler.handleRequest(event, null);
            if (response instanceof APIGatewayV2HTTPResponse api) {
                assertThat(api.getStatusCode()).as(function + ": " + api.getBody()).isBetween(200, 499);
            } else if (response instanceof SQSBatchResponse batch) {
                assertThat(batch.getBatchItemFailures()).as(function + " failed messages").isEmpty();
            } else if (event instanceof Map<?, ?> scheduled) {
                assertThat(scheduled.get("priming")).as("a scheduled function is primed over nothing").isEqualTo(true);
            }
        }
        assertThat(operations.seen).as(function + " reads what a request reads").isNotEmpty()
                .noneMatch(EFFECTS::contains);
    }
}
