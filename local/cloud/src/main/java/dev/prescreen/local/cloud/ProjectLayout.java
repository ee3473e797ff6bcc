package dev.prescreen.local.cloud;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the project's root (the folder holding {@code cdk.json}) from wherever a process was started. */
public final class ProjectLayout {

    private ProjectLayout() {
    }

    public static Path root() {
        String configured = System.getProperty("prescreen.home");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("cdk.json")) && Files.isRegularFile(dir.resolve("package.json"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("cannot find the prescreen project root (a folder with cdk.json) above "
                + Path.of("").toAbsolutePath() + "; set -Dprescreen.home");
    }

    public static Path nodeModule(String name) {
        Path module = root().resolve("node_modules").resolve(name);
        if (!Files.isDirectory(module)) {
            throw new IllegalStateException("node module " + name + " is missing: run `npm ci` in " + root());
        }
        return module;
    }
}
