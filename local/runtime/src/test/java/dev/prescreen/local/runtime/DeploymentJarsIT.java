package dev.prescreen.local.runtime;

import dev.prescreen.local.cloud.junit.ProbeEvents;
import static org.assertj.core.api.Assertions.assertThat;

import dev.prescreen.cloud.LambdaFunction;
import dev.prescreen.json.Json;
import dev.prescreen.local.cloud.ProjectLayout;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each function's deployment jar ({@code functions/<module>/target/prescreen-<module>-<version>-lambda.jar}, built at
 * {@code package}) loads and constructs every handler of its module from the jar alone, the way Lambda does: a
 * {@link URLClassLoader} over the jar whose parent is the platform class loader, so nothing comes from the test
 * classpath (AwsClients and Settings are the jar's too), with the function's own settings on the local cloud. Queue
 * and API handlers then serve one event about unknown data, which walks the SDK's request path inside the jar.
 *
 * <p>As the cold-start benchmark does ({@code bench/…/Bench.java}, {@code ColdStartHarness}), each jar runs in a JVM
 * of its own: a native library (the scoring jar's tokenizer) can be loaded by one class loader per JVM only, and this
 * JVM's local runtime has loaded it already. The class loading itself happens there, in {@link JarProbe}.
 */
@ExtendWith(LocalRuntimeExtension.class)
class DeploymentJarsIT {

    private static final String RESULT = "deployment-jar-probe ";

    static Stream<String> modules() {
        return Stream.of(LambdaFunction.values()).map(LambdaFunction::module).distinct();
    }

    @ParameterizedTest(name = "functions/{0}")
    @MethodSource("modules")
    void everyHandlerOfTheModuleLoadsAndIsConstructedFromItsDeploymentJarAlone(String module, LocalRuntime runtime,
            @TempDir Path temp) throws Exception {
        Path jar = deploymentJar(module);
        List<LambdaFunction> functions = Stream.of(LambdaFunction.values()).filter(f -> f.module().equals(module))
                .toList();
        Properties spec = new Properties();
        List<String> handlers = new ArrayList<>();
        for (LambdaFunction function : functions) {
            handlers.add(function.handlerClass());
            runtime.settings().restrictedTo(function.settingKeys()).asMap()
                    .forEach((key, value) -> spec.setProperty(function.handlerClass() + ".setting." + key, value));
            Object event = event(function);
            if (event != null) {
                spec.setProperty(function.handlerClass() + ".event", Json.write(event));
            }
        }
        spec.setProperty("handlers", String.join(",", handlers));
        Path specFile = temp.resolve(module + ".properties");
        try (OutputStream out = Files.newOutputStream(specFile)) {
            spec.store(out, "handlers of functions/" + module + " and their settings");
        }

        String output = probe(jar, specFile);

        Map<String, String> results = new LinkedHashMap<>();
        output.lines().filter(line -> line.startsWith(RESULT)).map(line -> line.substring(RESULT.length()))
                .forEach(line -> results.put(line.substring(0, line.indexOf(' ')), line.substring(line.indexOf(' ') + 1)));
        for (LambdaFunction function : functions) {
            String result = results.get(function.handlerClass());
            assertThat(result).as("%s in %s: nothing reported; the probe printed:%n%s", function.handlerClass(),
                    jar.getFileName(), tail(output)).isNotNull();
            assertThat(result).as("%s in %s", function.handlerClass(), jar.getFileName())
                    .doesNotStartWith("missing-class").doesNotStartWith("failed").doesNotStartWith("foreign-loader");
            if (function.consumes().isPresent()) {
                assertThat(result).as(function.handlerClass() + ": an event about unknown data fails nothing")
                        .isEqualTo("constructed invoked failures=0");
            } else if (event(function) != null) {
                assertThat(result).as(function.handlerClass() + ": answered without a server error")
                        .matches("constructed invoked status=[1-4][0-9][0-9]");
            } else {
                assertThat(result).isEqualTo("constructed");
            }
        }
    }

    /** The jar the {@code package} phase built: its name from the version Maven recorded in the module's target. */
    private static Path deploymentJar(String module) throws IOException {
        Path target = ProjectLayout.root().resolve("functions").resolve(module).resolve("target");
        Path pomProperties = target.resolve("maven-archiver/pom.properties");
        assertThat(pomProperties).as("functions/%s has not been packaged: run mvn package", module).isRegularFile();
        Properties built = new Properties();
        try (InputStream in = Files.newInputStream(pomProperties)) {
            built.load(in);
        }
        Path jar = target.resolve(built.getProperty("artifactId") + "-" + built.getProperty("version") + "-lambda.jar");
        assertThat(jar).as("the deployment jar of functions/" + module).isRegularFile();
        assertThat(jar.getFileName().toString()).isEqualTo("prescreen-" + module + "-" + built.getProperty("version")
                + "-lambda.jar");
        return jar;
    }

    /** Runs {@link JarProbe} in a fresh JVM whose classpath holds nothing but the probe itself. */
    private static String probe(Path jar, Path specFile) throws Exception {
        Path probeClasses = Path.of(JarProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-cp", probeClasses.toString(), JarProbe.class.getName(), jar.toString(), specFile.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PRESCREEN_LOG_LEVEL", "WARN");
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("the probe of " + jar.getFileName() + " finished").isTrue();
        String text = new String(output, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as("the probe of %s exited; it printed:%n%s", jar.getFileName(), tail(text))
                .isZero();
        return text;
    }

    private static String tail(String output) {
        return output.length() <= 6000 ? output : "…" + output.substring(output.length() - 6000);
    }

    /** One event per queue or API function about data that does not exist (null: scheduled, not invoked here). */
    private static Object event(LambdaFunction function) {
        String org = "deployment-jars-" + UUID.nameUUIDFromBytes(function.name().getBytes(StandardCharsets.UTF_8));
        String unknownInterview = "iv_01KB0000000000000000000000";
        return switch (function) {
            case PLANS_API -> ProbeEvents.api("GET /plans", "/plans", Map.of(), org, null);
            case SESSION_API -> ProbeEvents.api("GET /sessions/{token}", "/sessions/" + "A".repeat(43),
                    Map.of("token", "A".repeat(43)), null, null);
            case BATCHES_API -> ProbeEvents.api("GET /plans/{planId}/batches/{batchId}", "/plans/x/batches/y",
                    Map.of("planId", "pl_01KB0000000000000000000000", "batchId", "bt_01KB0000000000000000000000"), org,
                    null);
            case REPORTS_API -> ProbeEvents.api("GET /usage", "/usage", Map.of(), org, Map.of("month", "2026-11"));
            case TRANSCRIPTION_START -> ProbeEvents.sqs("{\"Records\":[{\"eventSource\":\"aws:s3\",\"eventName\":\"ObjectCreated:Put\","
                    + "\"s3\":{\"bucket\":{\"name\":\"prescreen-recordings\"},\"object\":{\"key\":\"recordings/" + org
                    + "/pl_01KB0000000000000000000000/" + unknownInterview + "/" + unknownInterview
                    + "-q01m.wav\",\"size\":10}}}]}");
            case TRANSCRIPTION_COLLECT -> ProbeEvents.sqs("{\"source\":\"aws.transcribe\",\"detail-type\":\"Transcribe Job State "
                    + "Change\",\"detail\":{\"TranscriptionJobName\":\"prescreen-" + unknownInterview
                    + "-q01m\",\"TranscriptionJobStatus\":\"COMPLETED\"}}");
            case BATCH_SEND -> ProbeEvents.sqs(Json.write(Map.of("organisation", org, "planId", "pl_01KB0000000000000000000000",
                    "batchId", "bt_01KB0000000000000000000000")));
            case INVITATION_SEND -> ProbeEvents.sqs(Json.write(Map.of("organisation", org, "candidateId",
                    "cd_01KB0000000000000000000000")));
            case EMAIL_EVENTS -> ProbeEvents.sqs("{\"detail\":{\"eventType\":\"Bounce\",\"bounce\":{\"bounceType\":\"Permanent\"},"
                    + "\"mail\":{\"messageId\":\"unknown-" + org + "\"}}}");
            case SCORE_ANSWERS -> ProbeEvents.sqs(Json.write(Map.of("type", "ANSWER_READY", "organisation", org,
                    "interviewId", unknownInterview, "answerId", unknownInterview + "-q01m")));
            case REPORT_BUILD -> ProbeEvents.sqs(Json.write(Map.of("organisation", org, "interviewId", unknownInterview)));
            case WEBHOOKS_API -> ProbeEvents.api("GET /webhooks", "/webhooks", Map.of(), org, null);
            case GREENHOUSE_API -> ProbeEvents.api("GET /integrations/greenhouse/list_tests",
                    "/integrations/greenhouse/list_tests", Map.of(), null, null);
            case WEBHOOK_FANOUT -> ProbeEvents.sqs(Json.write(Map.of("eventId", "ev_unknown", "type", "REPORT_READY",
                    "organisation", org, "createdAt", "2026-11-20T09:00:00Z", "data", Map.of("interviewId",
                            unknownInterview))));
            case WEBHOOK_DELIVER -> ProbeEvents.sqs(Json.write(Map.of("organisation", org, "endpointId",
                    "wh_01KB0000000000000000000000", "deliveryId", "wh_01KB0000000000000000000000.ev_unknown")));
            default -> null;
        };
    }

    /**
     * Runs in the fresh JVM: a class loader over the deployment jar alone (parent: the platform class loader, which has
     * only the JDK), and from it the jar's Settings, AwsClients and each handler, constructed as the local runtime and
     * the Lambda container construct them. Uses nothing but the JDK, so it cannot lend the jar a class. Prints one
     * line per handler: {@code deployment-jar-probe <handler> constructed [invoked …]}, or {@code missing-class <name>},
     * {@code failed <error>} or {@code foreign-loader <loader>}.
     */
    static final class JarProbe {

        private JarProbe() {
        }

        public static void main(String[] args) throws Exception {
            Path jar = Path.of(args[0]);
            Properties spec = new Properties();
            try (InputStream in = Files.newInputStream(Path.of(args[1]))) {
                spec.load(in);
            }
            PrintStream out = System.out;
            try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                    ClassLoader.getPlatformClassLoader())) {
                // Lambda runs the handler with the function's class loader as the thread's context loader.
                Thread.currentThread().setContextClassLoader(loader);
                for (String handler : spec.getProperty("handlers").split(",")) {
                    out.println(RESULT + handler + " " + probe(loader, handler, spec));
                }
            }
        }

        private static String probe(URLClassLoader loader, String handler, Properties spec) {
            StringBuilder result = new StringBuilder();
            try {
                Map<String, String> settings = new HashMap<>();
                String prefix = handler + ".setting.";
                spec.stringPropertyNames().stream().filter(k -> k.startsWith(prefix))
                        .forEach(k -> settings.put(k.substring(prefix.length()), spec.getProperty(k)));
                Class<?> settingsType = Class.forName("dev.prescreen.config.Settings", true, loader);
                Class<?> clientsType = Class.forName("dev.prescreen.aws.AwsClients", true, loader);
                Class<?> type = Class.forName(handler, true, loader);
                for (Class<?> c : List.of(settingsType, clientsType, type)) {
                    if (c.getClassLoader() != loader) {
                        return "foreign-loader " + c.getName() + " from " + c.getClassLoader();
                    }
                }
                Object config = settingsType.getConstructor(Map.class).newInstance(settings);
                Object clients = clientsType.getConstructor(settingsType).newInstance(config);
                Object instance = type.getConstructor(clientsType, settingsType).newInstance(clients, config);
                result.append("constructed");
                String eventJson = spec.getProperty(handler + ".event");
                if (eventJson != null) {
                    Class<?> input = inputType(type);
                    Object event = Class.forName("dev.prescreen.json.Json", true, loader)
                            .getMethod("read", String.class, Class.class).invoke(null, eventJson, input);
                    Class<?> context = Class.forName("com.amazonaws.services.lambda.runtime.Context", true, loader);
                    Object response = type.getMethod("handleRequest", input, context).invoke(instance, event, null);
                    result.append(" invoked ").append(summary(response));
                }
                return result.toString();
            } catch (Throwable e) {
                String missing = missingClass(e);
                return missing != null ? "missing-class " + missing + " (" + result + ")"
                        : "failed " + describe(e) + " (" + result + ")";
            }
        }

        /** The event type of {@code handleRequest}, as the cold-start harness finds it. */
        private static Class<?> inputType(Class<?> type) {
            for (Method method : type.getMethods()) {
                if (method.getName().equals("handleRequest") && method.getParameterCount() == 2
                        && method.getParameterTypes()[0] != Object.class) {
                    return method.getParameterTypes()[0];
                }
            }
            return Object.class;
        }

        private static String summary(Object response) throws ReflectiveOperationException {
            for (Method method : response.getClass().getMethods()) {
                if (method.getName().equals("getBatchItemFailures")) {
                    return "failures=" + ((List<?>) method.invoke(response)).size();
                }
                if (method.getName().equals("getStatusCode")) {
                    return "status=" + method.invoke(response);
                }
            }
            return "response=" + response.getClass().getName();
        }

        /** The class the jar lacks, if that is why the handler could not be loaded or constructed. */
        private static String missingClass(Throwable error) {
            for (Throwable e = error; e != null; e = e.getCause()) {
                if (e instanceof ClassNotFoundException && e.getMessage() != null) {
                    return e.getMessage();
                }
                if (e instanceof NoClassDefFoundError && e.getMessage() != null
                        && !e.getMessage().startsWith("Could not initialize class")) {
                    return e.getMessage().replace('/', '.');
                }
            }
            return null;
        }

        private static String describe(Throwable error) {
            Throwable root = error;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            StringBuilder text = new StringBuilder(root.toString().replace('\n', ' '));
            for (StackTraceElement frame : root.getStackTrace()) {
                if (text.length() > 1500) {
                    break;
                }
                text.append(" at ").append(frame);
            }
            return text.toString();
        }
    }
}
