package dev.prescreen.local.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.prescreen.aws.AwsClients;
import dev.prescreen.json.Json;
import dev.prescreen.observability.Log;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * EventBridge Scheduler locally. It speaks the Scheduler API's REST protocol for CreateSchedule,
 * GetSchedule and DeleteSchedule, so the scheduling function's SDK calls run unchanged against it, and
 * fires {@code at(...)} and {@code rate(...)} schedules into their targets: an SQS queue (the input
 * becomes the message body) or a function of the local runtime. Schedules are kept on disk when the stack
 * keeps data, so a restart does not lose a batch's send time.
 */
final class LocalScheduler implements AutoCloseable {

    private static final Pattern AT = Pattern.compile("at\\((\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2})\\)");
    private static final Pattern RATE = Pattern.compile("rate\\((\\d+) (minute|minutes|hour|hours|day|days)\\)");
    private static final Pattern PATH = Pattern.compile("/schedules/([^/?]+)");

    private final AwsClients clients;
    private final BiConsumer<String, String> functionInvoker;
    private final Optional<Path> storage;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "scheduler");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Entry> schedules = new ConcurrentHashMap<>();
    private final HttpServer server;

    /**
     * @param functionInvoker invokes a local function by its name with a JSON input
     * @param storage folder for schedules that survive restarts, if any
     */
    LocalScheduler(AwsClients clients, BiConsumer<String, String> functionInvoker, Optional<Path> storage, int port)
            throws IOException {
        this.clients = clients;
        this.functionInvoker = functionInvoker;
        this.storage = storage;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 16);
        server.createContext("/", this::serve);
        server.start();
        restore();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** A schedule's definition, as the Scheduler API names its fields. */
    record Definition(String name, String group, String expression, String targetArn, String input,
            boolean deleteAfterCompletion) {
    }

    private record Entry(Definition definition, ScheduledFuture<?> future) {
    }

    /** Creates a schedule; false when one with that name exists in the group. */
    boolean create(Definition definition) {
        String key = key(definition.group(), definition.name());
        if (schedules.containsKey(key)) {
            return false;
        }
        ScheduledFuture<?> future = plan(definition);
        schedules.put(key, new Entry(definition, future));
        persist(definition);
        return true;
    }

    boolean delete(String group, String name) {
        Entry entry = schedules.remove(key(group, name));
        if (entry == null) {
            return false;
        }
        entry.future().cancel(false);
        storage.ifPresent(folder -> deleteFile(folder.resolve(fileName(group, name))));
        return true;
    }

    Optional<Definition> get(String group, String name) {
        return Optional.ofNullable(schedules.get(key(group, name))).map(Entry::definition);
    }

    private ScheduledFuture<?> plan(Definition definition) {
        Matcher at = AT.matcher(definition.expression());
        if (at.matches()) {
            Instant when = LocalDateTime.parse(at.group(1)).toInstant(ZoneOffset.UTC);
            long delay = Math.max(0, Duration.between(Instant.now(), when).toMillis());
            return timer.schedule(() -> fire(definition, true), delay, TimeUnit.MILLISECONDS);
        }
        Matcher rate = RATE.matcher(definition.expression());
        if (rate.matches()) {
            long amount = Long.parseLong(rate.group(1));
            TimeUnit unit = rate.group(2).startsWith("minute") ? TimeUnit.MINUTES
                    : rate.group(2).startsWith("hour") ? TimeUnit.HOURS : TimeUnit.DAYS;
            return timer.scheduleAtFixedRate(() -> fire(definition, false), amount, amount, unit);
        }
        throw new IllegalArgumentException("unsupported schedule expression " + definition.expression());
    }

    /** Runs a recurring schedule's target now, as if its time had come (for tests and the demo). */
    void fireNow(String group, String name) {
        get(group, name).ifPresent(definition -> fire(definition, false));
    }

    private void fire(Definition definition, boolean oneTime) {
        try {
            String arn = definition.targetArn();
            if (arn.startsWith("arn:aws:sqs:")) {
                String queueName = arn.substring(arn.lastIndexOf(':') + 1);
                String url = clients.sqs().getQueueUrl(r -> r.queueName(queueName)).queueUrl();
                clients.sqs().sendMessage(r -> r.queueUrl(url).messageBody(definition.input()));
            } else if (arn.startsWith("arn:aws:lambda:")) {
                functionInvoker.accept(arn.substring(arn.lastIndexOf(':') + 1), definition.input());
            } else {
                Log.warn("scheduler.unsupported_target", Map.of("schedule", definition.name()));
            }
        } catch (RuntimeException e) {
            Log.error("scheduler.fire_failed", Map.of("schedule", definition.name()), e);
        } finally {
            if (oneTime && definition.deleteAfterCompletion()) {
                delete(definition.group(), definition.name());
            }
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            Matcher path = PATH.matcher(exchange.getRequestURI().getRawPath());
            if (!path.matches()) {
                error(exchange, 404, "ResourceNotFoundException", "unknown operation");
                return;
            }
            String name = URLDecoder.decode(path.group(1), StandardCharsets.UTF_8);
            String query = Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse("");
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            switch (method) {
                case "POST" -> {
                    JsonNode body = Json.mapper().readTree(exchange.getRequestBody());
                    String group = body.path("GroupName").asText("default");
                    Definition definition = new Definition(name, group, body.path("ScheduleExpression").asText(),
                            body.path("Target").path("Arn").asText(), body.path("Target").path("Input").asText(""),
                            "DELETE".equals(body.path("ActionAfterCompletion").asText()));
                    try {
                        if (!create(definition)) {
                            error(exchange, 409, "ConflictException", "schedule " + name + " already exists");
                            return;
                        }
                    } catch (IllegalArgumentException e) {
                        error(exchange, 400, "ValidationException", e.getMessage());
                        return;
                    }
                    json(exchange, 200, Json.mapper().createObjectNode().put("ScheduleArn", arn(group, name)));
                }
                case "GET" -> {
                    String group = queryValue(query, "groupName").orElse("default");
                    Optional<Definition> found = get(group, name);
                    if (found.isEmpty()) {
                        error(exchange, 404, "ResourceNotFoundException", "schedule " + name + " does not exist");
                        return;
                    }
                    Definition d = found.get();
                    ObjectNode out = Json.mapper().createObjectNode()
                            .put("Arn", arn(group, name)).put("Name", name).put("GroupName", group)
                            .put("ScheduleExpression", d.expression()).put("State", "ENABLED");
                    out.putObject("Target").put("Arn", d.targetArn()).put("Input", d.input());
                    out.putObject("FlexibleTimeWindow").put("Mode", "OFF");
                    json(exchange, 200, out);
                }
                case "DELETE" -> {
                    String group = queryValue(query, "groupName").orElse("default");
                    if (!delete(group, name)) {
                        error(exchange, 404, "ResourceNotFoundException", "schedule " + name + " does not exist");
                        return;
                    }
                    json(exchange, 200, Json.mapper().createObjectNode());
                }
                default -> error(exchange, 405, "ValidationException", "method not supported");
            }
        }
    }

    private static Optional<String> queryValue(String query, String name) {
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return Optional.of(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }

    private static String arn(String group, String name) {
        return "arn:aws:scheduler:us-east-1:000000000000:schedule/" + group + "/" + name;
    }

    private static void json(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void error(HttpExchange exchange, int status, String type, String message) throws IOException {
        exchange.getResponseHeaders().set("x-amzn-ErrorType", type);
        json(exchange, status, Json.mapper().createObjectNode().put("Message", message));
    }

    private static String key(String group, String name) {
        return group + "/" + name;
    }

    private static String fileName(String group, String name) {
        return group + "__" + name + ".json";
    }

    private void persist(Definition definition) {
        storage.ifPresent(folder -> {
            try {
                Files.createDirectories(folder);
                Files.writeString(folder.resolve(fileName(definition.group(), definition.name())), Json.write(definition));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private void restore() throws IOException {
        if (storage.isEmpty() || !Files.isDirectory(storage.get())) {
            return;
        }
        try (var files = Files.list(storage.get())) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                Definition definition = Json.read(Files.readString(file), Definition.class);
                schedules.put(key(definition.group(), definition.name()), new Entry(definition, plan(definition)));
            }
        }
    }

    private static void deleteFile(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        timer.shutdownNow();
    }
}
