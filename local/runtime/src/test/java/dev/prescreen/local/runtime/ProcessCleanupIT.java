package dev.prescreen.local.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prescreen.local.cloud.Ports;
import dev.prescreen.local.cloud.junit.Poll;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code Prescreen up} as a process of its own: killed with SIGKILL it leaves no emulator behind and every port
 * it used can be bound again; and it refuses to start, exiting 1 and naming the port and its service, when a
 * port it needs is taken.
 */
class ProcessCleanupIT {

    private static final Duration START = Duration.ofSeconds(120);
    private static final Duration CHILDREN_FOLLOW = Duration.ofSeconds(15);

    @TempDir
    Path state;

    @Test
    void aKilledUpLeavesNoChildProcessAndFreesEveryPort() {
        Map<String, Integer> ports = StackProcess.freePorts();
        try (StackProcess up = StackProcess.up(state, ports)) {
            up.awaitOutput("prescreen is up", START);
            List<ProcessHandle> children = up.descendants();
            assertThat(children).as("dynalite and aws-ses-v2-local run as children")
                    .filteredOn(child -> child.info().commandLine().orElse("").contains("node"))
                    .hasSizeGreaterThanOrEqualTo(2);
            assertThat(ports.values()).allSatisfy(port -> assertThat(Ports.isFree(port)).as("port %d in use", port)
                    .isFalse());

            up.kill();

            StackProcess.awaitAllGone(children, CHILDREN_FOLLOW);
            // Nothing anywhere still runs from this stack's folder (the watchdog script lives in it).
            assertThat(ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("")
                    .contains(state.toString()))).isEmpty();
            Poll.until("every port of the killed stack to be free", CHILDREN_FOLLOW, () ->
                    ports.values().stream().allMatch(Ports::isFree) ? Optional.of(true) : Optional.empty());
        }
    }

    @Test
    void upRefusesABusyPortNamingItAndItsServiceAndExitsWithOneBeforeStartingAnything() throws Exception {
        Map<String, Integer> ports = StackProcess.freePorts();
        try (ServerSocket squatter = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int taken = squatter.getLocalPort();
            ports.put("dynamodb-port", taken);
            try (StackProcess up = StackProcess.up(state, ports)) {
                assertThat(up.process().waitFor(60, TimeUnit.SECONDS)).as(up.output()).isTrue();
                assertThat(up.process().exitValue()).as(up.output()).isEqualTo(1);
                assertThat(up.output())
                        .contains("prescreen: port " + taken + " (DynamoDB, dynalite) is in use by another process")
                        .contains("--dynamodb-port")
                        .doesNotContain("prescreen is up");
                assertThat(Files.exists(state.resolve("data"))).as("nothing was started").isFalse();
                assertThat(ports.entrySet()).filteredOn(e -> e.getValue() != taken)
                        .allSatisfy(e -> assertThat(Ports.isFree(e.getValue())).as(e.getKey()).isTrue());
            }
        }
    }

    @Test
    void aSecondUpOnTheSameStateFolderExitsWithOneInsteadOfFightingOverItsData() throws Exception {
        try (StackProcess first = StackProcess.up(state, StackProcess.freePorts())) {
            first.awaitOutput("prescreen is up", START);
            Path second = Files.createDirectories(state.resolveSibling(state.getFileName() + "-second-output"));
            try (StackProcess again = StackProcess.start(Prescreen.class, upArguments(StackProcess.freePorts()),
                    second.resolve("up.out"))) {
                assertThat(again.process().waitFor(60, TimeUnit.SECONDS)).as(again.output()).isTrue();
                assertThat(again.process().exitValue()).as(again.output()).isEqualTo(1);
                assertThat(again.output()).contains("prescreen: another ./prescreen up (pid " + first.process().pid()
                        + ") keeps its data in " + state);
            } finally {
                Files.deleteIfExists(second.resolve("up.out"));
                Files.deleteIfExists(second);
            }
            assertThat(first.process().isAlive()).isTrue();
        }
    }

    private java.util.List<String> upArguments(Map<String, Integer> ports) {
        java.util.List<String> arguments = new java.util.ArrayList<>(List.of("up", "--state-dir", state.toString()));
        ports.forEach((option, port) -> arguments.addAll(List.of("--" + option, Integer.toString(port))));
        return arguments;
    }
}
