package dev.prescreen.bench;

import dev.prescreen.local.cloud.junit.ProbeEvents;
import com.fasterxml.jackson.databind.JsonNode;
import dev.prescreen.cloud.LambdaFunction;
import dev.prescreen.json.Json;
import dev.prescreen.local.cloud.LocalCloud;
import dev.prescreen.local.cloud.LocalMailbox;
import dev.prescreen.local.cloud.ProjectLayout;
import dev.prescreen.local.runtime.LocalRuntime;
import dev.prescreen.local.runtime.demo.CandidateDriver;
import dev.prescreen.local.runtime.demo.RecruiterClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./prescreen bench [coldstart|warm|scorer|pipeline|invitations]}: prints one figure a line,
 * {@code name value unit}, each with its baseline where one applies. Everything runs against the local
 * emulators on this machine, so compare figures between commits on the same machine.
 */
public final class Bench {

    private static final List<String> LAMBDA_FLAGS = List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
            "-Xshare:auto");
    private static final int COLD_RUNS = 5;

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        Set<String> parts = args.length == 0 ? Set.of("coldstart", "warm", "scorer", "pipeline", "invitations")
                : Set.copyOf(Arrays.asList(args));
        if (parts.contains("scorer")) {
            ScorerThroughput.run();
        }
        if (parts.contains("coldstart") || parts.contains("warm") || parts.contains("pipeline")) {
            try (LocalCloud cloud = LocalCloud.builder().start();
                    LocalRuntime runtime = LocalRuntime.builder().cloud(cloud).start()) {
                if (parts.contains("coldstart")) {
                    coldStarts(runtime);
                }
                if (parts.contains("warm")) {
                    warm(runtime);
                }
                if (parts.contains("pipeline")) {
                    Pipeline.run(runtime, 20, null);
                }
            }
        }
        if (parts.contains("invitations")) {
            try (LocalCloud cloud = LocalCloud.builder().start();
                    LocalRuntime runtime = LocalRuntime.builder().cloud(cloud).pollersPerQueue(4).start()) {
                invitations(runtime, 10_000);
            }
        }
        System.exit(0);
    }

    static void figure(String name, double value, String unit) {
        System.out.printf(Locale.ROOT, "%s %.1f %s%n", name, value, unit);
    }

    // ---- cold start ----

    private static void coldStarts(LocalRuntime runtime) throws Exception {
        Path root = ProjectLayout.root();
        Path baselineJar = single(root.resolve("bench/target"), "-baseline.jar");
        Path harness = root.resolve("bench/target/classes");
        Map<String, String> cloudEnv = new HashMap<>();
        runtime.settings().asMap().forEach((key, value) -> {
            if (key.startsWith("AWS_")) {
                cloudEnv.put(key, value);
            }
        });
        ColdStart baseline = coldStart(baselineJar, harness, BaselineHandler.class.getName(), null, cloudEnv, true);
        baseline.print("baseline", baseline);
        figure("jar_size_baseline", Files.size(baselineJar) / 1e6, "MB");
        Map<String, Double> jarSizes = new TreeMap<>();
        for (LambdaFunction function : LambdaFunction.values()) {
            Path jar = single(root.resolve("functions/" + function.module() + "/target"), "-lambda.jar");
            jarSizes.put(function.module(), Files.size(jar) / 1e6);
            Map<String, String> env = new HashMap<>(cloudEnv);
            runtime.settings().restrictedTo(function.settingKeys()).asMap().forEach((key, value) -> {
                if (key.startsWith("PRESCREEN_")) {
                    env.put(key, value);
                }
            });
            env.put("PRESCREEN_LOG_LEVEL", "WARN");
            Path event = Files.createTempFile("event-", ".json");
            Files.writeString(event, Json.write(event(function)));
            ColdStart measured = coldStart(jar, harness, function.handlerClass(), event, env, true);
            measured.print(function.functionName(), baseline);
            // the same without priming: what priming moves from the first request into initialisation
            ColdStart unprimed = coldStart(jar, harness, function.handlerClass(), event, env, false);
            System.out.printf(Locale.ROOT, "coldstart_init_unprimed_%s %.1f ms%n", function.functionName(),
                    unprimed.init());
            System.out.printf(Locale.ROOT, "coldstart_first_unprimed_%s %.2f ms%n", function.functionName(),
                    unprimed.first());
            Files.delete(event);
        }
        jarSizes.forEach((module, size) -> figure("jar_size_" + module, size, "MB"));
    }

    /** Medians over fresh JVMs: the JVM's uptime once the handler is constructed, its first request, a warm one. */
    private record ColdStart(double init, double first, double warm) {
        void print(String name, ColdStart baseline) {
            figure("coldstart_init_" + name, init, "ms");
            System.out.printf(Locale.ROOT, "coldstart_first_%s %.2f ms%n", name, first);
            System.out.printf(Locale.ROOT, "coldstart_warm_%s %.2f ms%n", name, warm);
            System.out.printf(Locale.ROOT, "coldstart_init_ratio_%s %.2f x%n", name, init / baseline.init());
            if (warm > 0) { // the baseline's handler does nothing: it has no request to compare
                System.out.printf(Locale.ROOT, "coldstart_first_ratio_%s %.2f x%n", name, first / warm);
            }
        }
    }

    private static ColdStart coldStart(Path jar, Path harness, String handler, Path event, Map<String, String> env,
            boolean primed) throws IOException, InterruptedException {
        List<Double> inits = new ArrayList<>();
        List<Double> firsts = new ArrayList<>();
        List<Double> warms = new ArrayList<>();
        for (int i = 0; i < COLD_RUNS; i++) {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            command.addAll(LAMBDA_FLAGS);
            if (!primed) {
                command.add("-D" + dev.prescreen.lambda.Priming.SWITCH + "=off");
            }
            command.addAll(List.of("-cp", harness + ":" + jar, ColdStartHarness.class.getName(), handler));
            if (event != null) {
                command.add(event.toString());
            }
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().clear();
            builder.environment().putAll(env);
            builder.environment().put("PATH", System.getenv("PATH"));
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("cold start of " + handler + " failed: " + output);
            }
            String[] line = output.lines().filter(l -> l.startsWith("coldstart ")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no figure from " + handler + ": " + output)).split(" ");
            inits.add(Double.parseDouble(line[2]));
            firsts.add(Double.parseDouble(line[4]));
            warms.add(Double.parseDouble(line[6]));
        }
        return new ColdStart(median(inits), median(firsts), median(warms));
    }

    /** One representative event per function, touching the emulators the way a real one does. */
    private static Object event(LambdaFunction function) {
        String org = "bench-coldstart";
        return switch (function) {
            case PLANS_API -> ProbeEvents.api("GET /plans", "/plans", Map.of(), org, null);
            case SESSION_API -> ProbeEvents.api("GET /sessions/{token}", "/sessions/x", Map.of("token", "A".repeat(43)), null, null);
            case BATCHES_API -> ProbeEvents.api("GET /plans/{planId}/batches/{batchId}", "/plans/x/batches/y",
                    Map.of("planId", "pl_01M8HHND33E4RF26YS50EZWXKT", "batchId", "bt_01M8HHND33E4RF26YS50EZWXKT"), org,
                    null);
            case REPORTS_API -> ProbeEvents.api("GET /usage", "/usage", Map.of(), org, Map.of("month", "2026-11"));
            case SCORE_ANSWERS -> ProbeEvents.sqs(Json.write(Map.of("type", "ANSWER_READY", "organisation", org,
                    "interviewId", "iv_01M8HHND33E4RF26YS50EZWXKT", "answerId", "iv_01M8HHND33E4RF26YS50EZWXKT-q01m")));
            // S3's notification of a recording whose answer does not exist: parsed, looked up, ignored
            case TRANSCRIPTION_START -> ProbeEvents.sqs(Json.write(Map.of("Records", List.of(Map.of(
                    "eventSource", "aws:s3", "eventName", "ObjectCreated:Put", "s3", Map.of("bucket",
                            Map.of("name", "recordings"), "object", Map.of("key", "recordings/" + org
                                    + "/pl_01M8HHND33E4RF26YS50EZWXKT/iv_01M8HHND33E4RF26YS50EZWXKT/"
                                    + "iv_01M8HHND33E4RF26YS50EZWXKT-q01m.bench0000.wav", "size", 48044)))))));
            case TRANSCRIPTION_COLLECT -> ProbeEvents.sqs("{\"source\":\"aws.transcribe\",\"detail\":{\"TranscriptionJobName\":"
                    + "\"prescreen-iv_01M8HHND33E4RF26YS50EZWXKT-q01m\",\"TranscriptionJobStatus\":\"COMPLETED\"}}");
            case BATCH_SEND -> ProbeEvents.sqs(Json.write(Map.of("organisation", org, "planId", "pl_1", "batchId", "bt_1")));
            case INVITATION_SEND -> ProbeEvents.sqs(Json.write(Map.of("organisation", org, "candidateId", "cd_1")));
            case REPORT_BUILD -> ProbeEvents.sqs(Json.write(Map.of("organisation", org, "interviewId", "iv_1")));
            case EMAIL_EVENTS -> ProbeEvents.sqs("{\"detail\":{\"eventType\":\"Bounce\",\"bounce\":{\"bounceType\":\"Permanent\"},"
                    + "\"mail\":{\"messageId\":\"unknown\"}}}");
            // scheduled functions: a real run over the local tables
            case REMINDERS, TRANSCRIPTION_RECONCILER, PIPELINE_RECONCILER, RETENTION_SWEEPER -> Map.of();
            // the rest: the function's first priming request (a read of something that does not exist)
            default -> primingEvent(function);
        };
    }

    private static JsonNode primingEvent(LambdaFunction function) {
        try (var in = Bench.class.getClassLoader().getResourceAsStream("priming/" + function.functionName() + ".json")) {
            return Json.mapper().readTree(in).path(0);
        } catch (IOException e) {
            throw new IllegalStateException("no priming events for " + function, e);
        }
    }


    // ---- warm latency ----

    private static void warm(LocalRuntime runtime) {
        String org = "bench-warm-" + UUID.randomUUID().toString().substring(0, 6);
        RecruiterClient recruiter = new RecruiterClient(runtime, org, "bench@" + org + ".example");
        String planId = recruiter.call("POST", "/plans", Pipeline.plan("warm@" + org + ".example", false), 201)
                .path("planId").asText();
        String email = "warm-candidate@" + org + ".example";
        String batchId = recruiter.call("POST", "/plans/" + planId + "/batches",
                Map.of("candidates", List.of(Map.of("name", "Warm Candidate", "email", email))), 201).path("batchId").asText();
        String link = Pipeline.awaitLink(new LocalMailbox(runtime.cloud().sesEndpoint()), email, Duration.ofSeconds(30));
        String token = link.substring(link.indexOf('#') + 1);
        Map<String, String> paths = new LinkedHashMap<>();
        paths.put("plans_get", "/plans/" + planId);
        paths.put("plans_list", "/plans?limit=20");
        paths.put("batch_status", "/plans/" + planId + "/batches/" + batchId);
        paths.put("usage", "/usage?month=2026-11");
        paths.put("session_view", "/sessions/" + token);
        for (var entry : paths.entrySet()) {
            boolean candidate = entry.getKey().startsWith("session");
            List<Double> latencies = new ArrayList<>();
            for (int i = 0; i < 250; i++) {
                long start = System.nanoTime();
                if (candidate) {
                    recruiter.anonymous("GET", entry.getValue(), 200);
                } else {
                    recruiter.call("GET", entry.getValue(), null, 200);
                }
                if (i >= 50) {
                    latencies.add((System.nanoTime() - start) / 1e6);
                }
            }
            figure("warm_" + entry.getKey() + "_p50", percentile(latencies, 50), "ms");
            figure("warm_" + entry.getKey() + "_p99", percentile(latencies, 99), "ms");
        }
    }

    // ---- invitations ----

    static void invitations(LocalRuntime runtime, int count) {
        String org = "bench-inv-" + UUID.randomUUID().toString().substring(0, 6);
        RecruiterClient recruiter = new RecruiterClient(runtime, org, "bench@" + org + ".example");
        String planId = recruiter.call("POST", "/plans", Pipeline.plan("hiring@" + org + ".example", false), 201)
                .path("planId").asText();
        String domain = org + ".example";
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(Map.of("name", "Candidate " + i, "email", "c" + i + "@" + domain));
        }
        LocalMailbox mailbox = new LocalMailbox(runtime.cloud().sesEndpoint());
        Instant start = Instant.now();
        JsonNode batch = recruiter.call("POST", "/plans/" + planId + "/batches", Map.of("candidates", rows), 201);
        double upload = Duration.between(start, Instant.now()).toMillis() / 1000.0;
        Instant deadline = start.plus(Duration.ofMinutes(10));
        int delivered = 0;
        int duplicates = 0;
        while (Instant.now().isBefore(deadline)) {
            Map<String, Integer> perAddress = new HashMap<>();
            mailbox.all().stream().flatMap(e -> e.to().stream()).filter(a -> a.endsWith("@" + domain))
                    .forEach(a -> perAddress.merge(a, 1, Integer::sum));
            delivered = perAddress.size();
            duplicates = perAddress.values().stream().mapToInt(n -> n - 1).sum();
            if (delivered >= count) {
                break;
            }
            pause(Duration.ofSeconds(2));
        }
        double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
        figure("invitations_accepted", batch.path("accepted").asInt(), "candidates");
        figure("invitations_upload", upload, "s");
        figure("invitations_emails", delivered, "emails");
        figure("invitations_duplicates", duplicates, "emails");
        figure("invitations_until_last_email", seconds, "s");
        figure("invitations_rate", delivered / seconds, "emails/s");
    }

    // ---- helpers ----

    static double median(List<Double> values) {
        return percentile(values, 50);
    }

    static double percentile(List<Double> values, double p) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static Path single(Path folder, String suffix) throws IOException {
        try (var files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no *" + suffix + " in " + folder + ": run mvn package"));
        }
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static CandidateDriver driver(LocalRuntime runtime, String link) {
        return new CandidateDriver(runtime.apiEndpoint(), link);
    }
}
