package dev.prescreen.observability;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.prescreen.json.Json;
import java.time.Instant;
import java.util.Map;

/**
 * Structured log lines (one JSON object per line, as Lambda's JSON log format expects). Callers pass ids
 * and counts only: never names, emails, answers or tokens.
 */
public final class Log {

    /** {@code PRESCREEN_LOG_LEVEL=WARN} (or the system property {@code prescreen.log.level}) drops INFO lines. */
    private static final boolean INFO_ENABLED = !"WARN".equalsIgnoreCase(System.getProperty("prescreen.log.level",
            System.getenv().getOrDefault("PRESCREEN_LOG_LEVEL", "INFO")));

    private Log() {
    }

    public static void info(String event, Map<String, ?> fields) {
        if (INFO_ENABLED) {
            write("INFO", event, fields, null);
        }
    }

    public static void warn(String event, Map<String, ?> fields) {
        write("WARN", event, fields, null);
    }

    public static void error(String event, Map<String, ?> fields, Throwable error) {
        write("ERROR", event, fields, error);
    }

    private static void write(String level, String event, Map<String, ?> fields, Throwable error) {
        ObjectNode line = Json.mapper().createObjectNode();
        line.put("timestamp", Instant.now().toString());
        line.put("level", level);
        line.put("event", event);
        fields.forEach((key, value) -> line.set(key, Json.mapper().valueToTree(value)));
        if (error != null) {
            // The class and the frames locate a bug; messages may quote input, so they are left out.
            line.put("errorType", error.getClass().getName());
            StackTraceElement[] frames = error.getStackTrace();
            if (frames.length > 0) {
                line.put("at", frames[0].toString());
            }
        }
        System.out.println(line);
    }
}
