package dev.prescreen.scoring.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.prescreen.scoring.internal.ClasspathResources;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The named thresholds the rules compare evidence with, kept as data ({@code scoring/rules/thresholds.json}) so a
 * reader can scan them and the calibration tools can refit them. Immutable; {@link #with} makes a changed copy.
 */
public final class Thresholds {

    public static final String RESOURCE = "scoring/rules/thresholds.json";

    private final String version;
    private final Map<String, Double> values;

    public Thresholds(String version, Map<String, Double> values) {
        this.version = version;
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    private static final class Holder {
        static final Thresholds BUILT_IN = load();
    }

    public static Thresholds builtIn() {
        return Holder.BUILT_IN;
    }

    public String version() {
        return version;
    }

    public Map<String, Double> values() {
        return values;
    }

    /** The threshold's value; a rule naming one the data lacks is a programming error, found by the first test. */
    public double get(String name) {
        Double v = values.get(name);
        if (v == null) {
            throw new IllegalStateException("no threshold named " + name + " in " + RESOURCE);
        }
        return v;
    }

    public Thresholds with(String name, double value) {
        Map<String, Double> copy = new LinkedHashMap<>(values);
        copy.put(name, value);
        return new Thresholds(version, copy);
    }

    private static Thresholds load() {
        try (InputStream in = ClasspathResources.open(RESOURCE)) {
            JsonNode root = new ObjectMapper().readTree(in);
            Map<String, Double> values = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = root.path("thresholds").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                values.put(e.getKey(), e.getValue().path("value").asDouble());
            }
            return new Thresholds(root.path("version").asText(), values);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
