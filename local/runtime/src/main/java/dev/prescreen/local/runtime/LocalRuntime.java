package dev.prescreen.local.runtime;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.prescreen.aws.AwsClients;
import dev.prescreen.cloud.LambdaFunction;
import dev.prescreen.cloud.Queue;
import dev.prescreen.cloud.RecurringSchedule;
import dev.prescreen.config.Settings;
import dev.prescreen.local.cloud.FreePorts;
import dev.prescreen.local.cloud.LocalCloud;
import dev.prescreen.local.cloud.ProjectLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Hosts every function the way AWS does, against a {@link LocalCloud}: the HTTP API (API Gateway),
 * queue consumers (Lambda's SQS event source mappings), schedules (EventBridge Scheduler) and the
 * static candidate page.
 */
public final class LocalRuntime implements AutoCloseable {

    public static final String SENDER = "prescreen@prescreen.local";
    public static final String SCHEDULE_GROUP = "prescreen-batches";

    private final LocalCloud cloud;
    private final boolean ownsCloud;
    private final LocalJwt jwt;
    private final FunctionHost host;
    private final Settings settings;
    private final LocalApiGateway api;
    private final LocalScheduler scheduler;
    private final List<QueuePoller> pollers = new ArrayList<>();
    private final List<Thread> pollerThreads = new ArrayList<>();
    private final AwsClients clients;

    private LocalRuntime(Builder builder) throws IOException {
        this.cloud = builder.cloud != null ? builder.cloud : LocalCloud.builder().dataDir(builder.dataDir).start();
        this.ownsCloud = builder.cloud == null;
        this.jwt = builder.jwt != null ? builder.jwt : LocalJwt.random();
        int apiPort = builder.apiPort > 0 ? builder.apiPort : FreePorts.next();
        Optional<Path> scheduleStore = Optional.ofNullable(builder.dataDir).map(dir -> dir.resolve("schedules"));
        // The scheduler starts first: functions are given its endpoint; it reaches functions through the host.
        FunctionHost[] hostRef = new FunctionHost[1];
        this.scheduler = new LocalScheduler(cloud.clients(), (name, input) -> invokeByName(hostRef[0], name, input),
                scheduleStore, builder.schedulerPort);
        Map<String, String> values = new HashMap<>(cloud.settings());
        values.put("AWS_ENDPOINT_URL_SCHEDULER", scheduler.endpoint().toString());
        values.put(Settings.PUBLIC_BASE_URL, "http://127.0.0.1:" + apiPort);
        values.put(Settings.CANDIDATE_PAGE_URL, "http://127.0.0.1:" + apiPort + "/interview/");
        values.put(Settings.SENDER_EMAIL, SENDER);
        values.put(Settings.WEBHOOKS_ALLOW_LOOPBACK_HTTP, "true");
        values.put(Settings.SCHEDULE_GROUP, SCHEDULE_GROUP);
        values.put(Settings.SCHEDULER_ROLE_ARN, "arn:aws:iam::000000000000:role/prescreen-scheduler");
        values.putAll(builder.settings);
        this.settings = new Settings(values);
        this.clients = new AwsClients(settings, builder.interceptors);
        this.host = new FunctionHost(clients, settings, builder.handlers);
        hostRef[0] = host;
        Map<String, Path> staticRoots = new LinkedHashMap<>();
        Path web = ProjectLayout.root().resolve("web");
        staticRoots.put("/interview/", web.resolve("candidate"));
        staticRoots.put("/docs/", ProjectLayout.root().resolve("docs"));
        try {
            this.api = new LocalApiGateway(apiPort, host, jwt, staticRoots);
        } catch (IOException | RuntimeException e) {
            // Nothing that started may outlive a failed start (the API port was taken, say).
            scheduler.close();
            clients.close();
            if (ownsCloud) {
                cloud.close();
            }
            throw e;
        }
        for (LambdaFunction function : LambdaFunction.values()) {
            function.consumes().filter(queue -> !builder.extraConsumers.containsKey(queue))
                    .ifPresent(queue -> startConsumer(queue, function.functionName(),
                            event -> host.invoke(function, event), builder));
        }
        for (RecurringSchedule schedule : RecurringSchedule.values()) {
            scheduler.create(new LocalScheduler.Definition(schedule.scheduleName(), "default", schedule.expression(),
                    "arn:aws:lambda:us-east-1:000000000000:function:" + schedule.target().functionName(), "{}", false));
        }
        builder.extraConsumers.forEach((queue, handler) -> startConsumer(queue, "test-consumer-" + queue.logicalName(),
                event -> handler.handleRequest(event, new dev.prescreen.lambda.InvocationContext("test", 512, 30)), builder));
    }

    private static void invokeByName(FunctionHost host, String name, String input) {
        for (LambdaFunction function : LambdaFunction.values()) {
            if (function.functionName().equals(name)) {
                // Scheduled functions take the schedule's JSON input as a map, as Lambda deserialises it.
                host.invoke(function, dev.prescreen.json.Json.read(input.isBlank() ? "{}" : input, Map.class));
                return;
            }
        }
        throw new IllegalArgumentException("no local function named " + name);
    }

    private void startConsumer(Queue queue, String name, Function<SQSEvent, SQSBatchResponse> consumer, Builder builder) {
        for (int i = 0; i < builder.pollersPerQueue; i++) {
            QueuePoller poller = new QueuePoller(clients, name, consumer, settings.queueUrl(queue), 10,
                    builder.retryDelaySeconds);
            Thread thread = new Thread(poller, "poll-" + queue.logicalName() + "-" + i);
            thread.setDaemon(true);
            thread.start();
            pollers.add(poller);
            pollerThreads.add(thread);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public URI apiEndpoint() {
        return api.endpoint();
    }

    public URI schedulerEndpoint() {
        return scheduler.endpoint();
    }

    public LocalCloud cloud() {
        return cloud;
    }

    public Settings settings() {
        return settings;
    }

    public AwsClients clients() {
        return clients;
    }

    public LocalJwt jwt() {
        return jwt;
    }

    public FunctionHost functions() {
        return host;
    }

    /** Runs a recurring schedule's target now, as if its time had come. */
    public void fire(RecurringSchedule schedule) {
        scheduler.fireNow("default", schedule.scheduleName());
    }

    @Override
    public void close() {
        pollers.forEach(QueuePoller::stop);
        for (Thread thread : pollerThreads) {
            try {
                thread.join(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        api.close();
        scheduler.close();
        clients.close();
        if (ownsCloud) {
            cloud.close();
        }
    }

    public static final class Builder {
        private LocalCloud cloud;
        private Path dataDir;
        private LocalJwt jwt;
        private int apiPort;
        private int schedulerPort;
        private int pollersPerQueue = 2;
        private int retryDelaySeconds = 1;
        private final Map<String, String> settings = new HashMap<>();
        private final List<software.amazon.awssdk.core.interceptor.ExecutionInterceptor> interceptors = new ArrayList<>();
        private final Map<LambdaFunction, RequestHandler<?, ?>> handlers = new EnumMap<>(LambdaFunction.class);
        private final Map<Queue, RequestHandler<SQSEvent, SQSBatchResponse>> extraConsumers = new EnumMap<>(Queue.class);

        /** Runs against an already started cloud (shared by a test run); otherwise one is started and owned. */
        public Builder cloud(LocalCloud cloud) {
            this.cloud = cloud;
            return this;
        }

        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        public Builder jwt(LocalJwt jwt) {
            this.jwt = jwt;
            return this;
        }

        public Builder ports(int api, int scheduler) {
            this.apiPort = api;
            this.schedulerPort = scheduler;
            return this;
        }

        public Builder pollersPerQueue(int pollers) {
            this.pollersPerQueue = pollers;
            return this;
        }

        /** How soon a failed message is received again (AWS waits out the visibility timeout). */
        public Builder retryDelaySeconds(int seconds) {
            this.retryDelaySeconds = seconds;
            return this;
        }

        /** Sees every AWS request the functions make (the cost model counts them). */
        public Builder interceptor(software.amazon.awssdk.core.interceptor.ExecutionInterceptor interceptor) {
            interceptors.add(interceptor);
            return this;
        }

        /** A setting given to every function, e.g. a shorter follow-up wait for tests. */
        public Builder setting(String key, String value) {
            settings.put(key, value);
            return this;
        }

        /** Hosts this handler instead of the function's own (for tests of the runtime itself). */
        public Builder handler(LambdaFunction function, RequestHandler<?, ?> handler) {
            handlers.put(function, handler);
            return this;
        }

        /** Consumes the queue with this handler instead of its function (for tests that watch a stage's output). */
        public Builder consumer(Queue queue, RequestHandler<SQSEvent, SQSBatchResponse> handler) {
            extraConsumers.put(queue, handler);
            return this;
        }

        public LocalRuntime start() {
            try {
                return new LocalRuntime(this);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

}
