package dev.prescreen.infra;

import dev.prescreen.cloud.LambdaFunction;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * Where the stack's file inputs live in the repository: each function's deployment jar and the candidate
 * page. The CDK CLI runs the app from the repository root and Surefire runs the tests from {@code infra/},
 * so the root is found by walking up to the directory that holds {@code cdk.json}.
 */
public record Workspace(Path root, Optional<Path> candidatePage) {

    /** The project version, which names the function jars: {@code build.properties}, filtered by Maven. */
    static final String VERSION = buildVersion();

    public static Workspace locate() {
        return locate(Path.of("").toAbsolutePath());
    }

    /** The repository that holds {@code start}. */
    static Workspace locate(Path start) {
        Path root = findRoot(start);
        Path page = root.resolve("web").resolve("candidate");
        return new Workspace(root, Files.isDirectory(page) ? Optional.of(page) : Optional.empty());
    }

    /** The same workspace with the candidate page taken from another folder. */
    public Workspace withCandidatePage(Path page) {
        return new Workspace(root, Optional.of(page));
    }

    /**
     * The function's shaded jar, as {@code functions/pom.xml} builds it. A missing jar fails the synth: a
     * placeholder would deploy a function that cannot start.
     */
    public Path deploymentJar(LambdaFunction function) {
        String module = function.module();
        Path jar = root.resolve("functions").resolve(module).resolve("target")
                .resolve("prescreen-" + module + "-" + VERSION + "-lambda.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("The deployment jar of " + function + " is missing: " + jar
                    + ". Build the functions first: mvn -B -DskipTests package (from " + root + ")");
        }
        return jar;
    }

    private static String buildVersion() {
        Properties build = new Properties();
        try (InputStream in = Workspace.class.getResourceAsStream("build.properties")) {
            if (in == null) {
                throw new IllegalStateException("build.properties is missing: build infra with Maven");
            }
            build.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return build.getProperty("version");
    }

    private static Path findRoot(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("cdk.json")) && Files.isDirectory(dir.resolve("functions"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No cdk.json above " + start + ": run the app from the prescreen repository");
    }
}
