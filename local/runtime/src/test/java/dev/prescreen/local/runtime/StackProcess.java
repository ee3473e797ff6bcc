package dev.prescreen.local.runtime;

import dev.prescreen.local.cloud.FreePorts;
import dev.prescreen.local.cloud.ProjectLayout;
import dev.prescreen.local.cloud.junit.Poll;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A local stack in a JVM of its own ({@code Prescreen up}, or a test's own main class), so that a test can kill it
 * as a crash would: SIGKILL, no shutdown hook, no drain. Its output goes to a file the test reads.
 */
final class StackProcess implements AutoCloseable {

    /** Free ports for every option of {@code Prescreen up}. */
    static Map<String, Integer> freePorts() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String option : List.of("api-port", "ses-port", "dynamodb-port", "scheduler-port", "s3-port", "sqs-port",
                "transcribe-port")) {
            int port;
            do {
                port = FreePorts.next();
            } while (ports.containsValue(port));
            ports.put(option, port);
        }
        return ports;
    }

    private final Process process;
    private final Path output;

    private StackProcess(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    /** {@code Prescreen up --state-dir STATE --api-port … (every port)}. */
    static StackProcess up(Path state, Map<String, Integer> ports) {
        List<String> arguments = new ArrayList<>(List.of("up", "--state-dir", state.toString()));
        ports.forEach((option, port) -> arguments.addAll(List.of("--" + option, Integer.toString(port))));
        return start(Prescreen.class, arguments, state.resolve("up.out"));
    }

    /** Runs the main class with the runtime's classpath (its test classes included) in a new JVM. */
    static StackProcess start(Class<?> mainClass, List<String> arguments, Path output) {
        Path root = ProjectLayout.root();
        Path module = root.resolve("local/runtime/target");
        try {
            String dependencies = Files.readString(module.resolve("runtime.classpath")).strip();
            String classpath = String.join(java.io.File.pathSeparator, module.resolve("test-classes").toString(),
                    module.resolve("classes").toString(), dependencies);
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", classpath, "-Dprescreen.home=" + root, mainClass.getName()));
            command.addAll(arguments);
            Process process = new ProcessBuilder(command)
                    .directory(root.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            return new StackProcess(process, output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String output() {
        try {
            return Files.exists(output) ? Files.readString(output, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the output contains the text; fails at once, with the output, if the process ended first. */
    void awaitOutput(String text, Duration timeout) {
        try {
            poll(text, timeout);
        } catch (AssertionError e) {
            if (e.getMessage() != null && e.getMessage().startsWith("timed out")) {
                throw new AssertionError(e.getMessage() + "; the stack printed:\n" + output(), e);
            }
            throw e;
        }
    }

    private void poll(String text, Duration timeout) {
        Poll.until("'" + text + "' from the stack", timeout, () -> {
            String printed = output();
            if (printed.contains(text)) {
                return Optional.of(true);
            }
            if (!process.isAlive()) {
                throw new AssertionError("the stack exited with " + process.exitValue() + " before printing '" + text
                        + "':\n" + printed);
            }
            return Optional.empty();
        });
    }

    /** The value printed after {@code key=} (up to the next blank). */
    URI printedUri(String key) {
        String printed = output();
        int at = printed.indexOf(key + "=");
        if (at < 0) {
            throw new AssertionError("the stack printed no " + key + ":\n" + printed);
        }
        return URI.create(printed.substring(at + key.length() + 1).split("\\s", 2)[0]);
    }

    Process process() {
        return process;
    }

    /** Every process this stack's JVM started that still runs. */
    List<ProcessHandle> descendants() {
        return process.descendants().toList();
    }

    /** SIGKILL: the JVM gets no chance to run a shutdown hook or to stop its children. */
    void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new AssertionError("the stack's JVM did not die within 30 s of SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Waits until none of the processes is alive (the children of a killed stack must follow it). */
    static void awaitAllGone(List<ProcessHandle> processes, Duration timeout) {
        Poll.until("the children to exit", timeout, () -> processes.stream().noneMatch(ProcessHandle::isAlive)
                ? Optional.of(true) : Optional.empty());
    }

    /** Kills the JVM and whatever it left (cleanup after a failed test; the tests assert no such leftovers). */
    @Override
    public void close() {
        List<ProcessHandle> left = process.isAlive() ? descendants() : List.of();
        process.destroyForcibly();
        left.forEach(ProcessHandle::destroyForcibly);
    }
}
