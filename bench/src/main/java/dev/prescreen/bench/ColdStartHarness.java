package dev.prescreen.bench;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;

/**
 * Runs in a fresh JVM with a function's deployment jar, like a Lambda cold start: loads the handler
 * class, constructs it with its no-argument constructor (configuration from the environment), serves one
 * event, and prints the JVM's uptime at that moment in milliseconds.
 * Usage: {@code ColdStartHarness HANDLER_CLASS [EVENT_JSON_FILE]}.
 */
public final class ColdStartHarness {

    private ColdStartHarness() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static void main(String[] args) throws Exception {
        Class<?> type = Class.forName(args[0]);
        RequestHandler handler = (RequestHandler) type.getConstructor().newInstance();
        Object event = new HashMap<String, Object>();
        if (args.length > 1) {
            Class<?> input = inputType(type);
            // Jackson comes with every function jar; the baseline takes a map and never gets here.
            event = new com.fasterxml.jackson.databind.ObjectMapper()
                    .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                    .readValue(Files.readString(Path.of(args[1])), input);
        }
        Object result = handler.handleRequest(event, null);
        long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
        System.out.println("coldstart_ms " + uptime + " " + (result == null ? "null" : result.getClass().getSimpleName()));
    }

    private static Class<?> inputType(Class<?> type) {
        for (Method method : type.getMethods()) {
            if (method.getName().equals("handleRequest") && method.getParameterCount() == 2
                    && method.getParameterTypes()[0] != Object.class) {
                return method.getParameterTypes()[0];
            }
        }
        return Object.class;
    }
}
