package dev.prescreen.local.cloud;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An emulator running as a Node child process. Its output goes to a log file; it is stopped with its
 * descendants when closed, and also if the JVM exits without closing it.
 *
 * <p>It also ends when the JVM dies without running its shutdown hooks (SIGKILL, a crash): the child is
 * started with {@code child-watchdog.js} preloaded, which exits when its stdin, a pipe whose other end only
 * this JVM holds, reaches end-of-file (the kernel closes that end when the JVM dies), or when the parent's
 * pid is gone. The same script writes a line to the log when the child listens, so readiness means "this
 * child, still alive, says it listens on the port, and the port answers", never merely "something answers".
 */
final class ChildProcess implements AutoCloseable {

    static final String WATCHDOG_RESOURCE = "child-watchdog.js";
    private static final Pattern LISTENING = Pattern.compile(
            "\\[prescreen-child] pid=(\\d+) listening on [^\\s]*:(\\d+)");

    private final String name;
    private final Process process;
    private final OutputStream lifeline;
    private final Thread shutdownHook;

    private ChildProcess(String name, Process process) {
        this.name = name;
        this.process = process;
        // Held (never written, never closed until stop) so the child's stdin stays open while this JVM lives.
        this.lifeline = process.getOutputStream();
        this.shutdownHook = new Thread(this::stop, "stop-" + name);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Starts {@code node --require <watchdog> <script> <arguments…>} and waits until it listens on the port.
     *
     * @param watchdogDir where the watchdog script is written (it is copied from this module's resources)
     */
    static ChildProcess startNode(String name, Path script, List<String> arguments, Path watchdogDir,
            Path workingDirectory, Path logFile, int port, Duration startTimeout) {
        List<String> command = new ArrayList<>(List.of("node", "--require", watchdog(watchdogDir).toString(),
                script.toString()));
        command.addAll(arguments);
        return start(name, command, workingDirectory, logFile, port, startTimeout);
    }

    private static ChildProcess start(String name, List<String> command, Path workingDirectory, Path logFile, int port,
            Duration startTimeout) {
        try {
            long logOffset = Files.exists(logFile) ? Files.size(logFile) : 0;
            Process process = new ProcessBuilder(command)
                    .directory(workingDirectory.toFile())
                    .redirectInput(ProcessBuilder.Redirect.PIPE)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            ChildProcess child = new ChildProcess(name, process);
            child.awaitListening(port, startTimeout, logFile, logOffset);
            return child;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    long pid() {
        return process.pid();
    }

    /** Writes the watchdog script into the folder (each start, so it always matches this build). */
    static Path watchdog(Path dir) {
        Path target = dir.resolve(WATCHDOG_RESOURCE);
        try (InputStream in = ChildProcess.class.getResourceAsStream(WATCHDOG_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + WATCHDOG_RESOURCE + " is missing from the local cloud jar");
            }
            Files.createDirectories(dir);
            Path temporary = Files.createTempFile(dir, WATCHDOG_RESOURCE, ".tmp");
            Files.copy(in, temporary, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitListening(int port, Duration timeout, Path logFile, long logOffset) {
        Instant deadline = Instant.now().plus(timeout);
        boolean announced = false;
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " before listening on port "
                        + port + "; see " + logFile + tail(logFile, logOffset));
            }
            announced = announced || announcedListening(logFile, logOffset, port);
            if (announced && answers(port)) {
                if (process.isAlive()) {
                    return;
                }
                continue;
            }
            try {
                process.waitFor(50, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        stop();
        throw new IllegalStateException(name + " did not listen on port " + port + " within " + timeout
                + "; see " + logFile);
    }

    /** Whether this child (its pid, not some other process) wrote that it listens on the port. */
    private boolean announcedListening(Path logFile, long offset, int port) {
        String log = readFrom(logFile, offset);
        Matcher matcher = LISTENING.matcher(log);
        while (matcher.find()) {
            if (Long.parseLong(matcher.group(1)) == process.pid() && Integer.parseInt(matcher.group(2)) == port) {
                return true;
            }
        }
        return false;
    }

    private static boolean answers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    private static String readFrom(Path logFile, long offset) {
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(logFile)) {
            long size = channel.size();
            if (size <= offset) {
                return "";
            }
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate((int) Math.min(size - offset, 1 << 20));
            channel.read(buffer, offset);
            return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static String tail(Path logFile, long offset) {
        String log = readFrom(logFile, offset).strip();
        if (log.isEmpty()) {
            return "";
        }
        List<String> lines = log.lines().toList();
        return ":\n  " + String.join("\n  ", lines.subList(Math.max(0, lines.size() - 8), lines.size()));
    }

    private void stop() {
        try {
            lifeline.close();
        } catch (IOException ignored) {
            // the child may be gone already
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run already
        }
    }
}
