package dev.prescreen.bench;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;

/**
 * Runs in a fresh JVM with a function's deployment jar, like a Lambda cold start: loads the handler
 * class and constructs it with its no-argument constructor (configuration from the environment, priming included),
 * then serves one event, then the same event {@value #WARM_REQUESTS} times more. Prints one line:
 * {@code coldstart init_ms <JVM uptime once constructed> first_ms <the first request> warm_ms <median of the rest>}.
 * Usage: {@code ColdStartHarness HANDLER_CLASS [EVENT_JSON_FILE]}.
 */
public final class ColdStartHarness {

    private ColdStartHarness() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static void main(String[] args) throws Exception {
        Class<?> type = Class.forName(args[0]);
        RequestHandler handler = (RequestHandler) type.getConstructor().newInstance();
        long init = ManagementFactory.getRuntimeMXBean().getUptime();
        Object event = new HashMap<String, Object>();
        if (args.length > 1) {
            Class<?> input = dev.prescreen.lambda.Priming.inputType(type);
            // Jackson and the project's mappers come with every function jar; the baseline takes no event
            event = dev.prescreen.json.Json.lambdaEvents()
                    .readValue(Files.readString(Path.of(args[1])), input);
        }
        long start = System.nanoTime();
        Object result = handler.handleRequest(event, null);
        double first = (System.nanoTime() - start) / 1e6;
        double[] warm = new double[WARM_REQUESTS];
        for (int i = 0; i < WARM_REQUESTS; i++) {
            long before = System.nanoTime();
            handler.handleRequest(event, null);
            warm[i] = (System.nanoTime() - before) / 1e6;
        }
        java.util.Arrays.sort(warm);
        System.out.printf(java.util.Locale.ROOT, "coldstart init_ms %d first_ms %.2f warm_ms %.2f %s%n", init, first,
                warm[WARM_REQUESTS / 2], result == null ? "null" : result.getClass().getSimpleName());
    }

    /** Requests after the first, whose median is the warm figure. */
    static final int WARM_REQUESTS = 21;
}
