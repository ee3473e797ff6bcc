package dev.prescreen.scoring.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** The one way the engine reads its data (models, lexicons, thresholds, probes) from the classpath. Not API. */
public final class ClasspathResources {

    private ClasspathResources() {
    }

    /** The resource's stream; a missing resource is a packaging error, reported with its name. */
    public static InputStream open(String name) throws IOException {
        InputStream in = ClasspathResources.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException("missing classpath resource " + name);
        }
        return in;
    }

    /** The resource's lines (UTF-8), or empty when there is no such resource. */
    public static Optional<List<String>> lines(String name) {
        InputStream in = ClasspathResources.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            return Optional.empty();
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return Optional.of(r.lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    /** The resource's lines (UTF-8); a missing resource is a packaging error. */
    public static List<String> requiredLines(String name) {
        return lines(name).orElseThrow(() -> new IllegalStateException("missing classpath resource " + name));
    }
}
