package dev.prescreen.local.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The emulators' child processes: readiness that a stale listener cannot fake, and the clear busy-port refusal. */
class ChildProcessIT {

    @TempDir
    Path work;

    @Test
    void aStaleListenerOnThePortDoesNotPassForAStartedEmulator() throws Exception {
        // Something else holds the port (a dynalite left over from a crash, say): it accepts connections, but the
        // new child cannot bind and dies. The old readiness check (a TCP connect) would have called that started.
        try (ServerSocket stale = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int port = stale.getLocalPort();
            Path log = Files.createDirectories(work.resolve("logs")).resolve("dynalite.log");
            assertThatThrownBy(() -> ChildProcess.startNode("dynalite",
                    ProjectLayout.nodeModule("dynalite").resolve("cli.js"),
                    List.of("--host", "127.0.0.1", "--port", Integer.toString(port)), work.resolve("run"),
                    ProjectLayout.root(), log, port, Duration.ofSeconds(30)))
                    .hasMessageContaining("dynalite exited with")
                    .hasMessageContaining("before listening on port " + port);
            assertThat(Files.readString(log)).contains("EADDRINUSE");
        }
    }

    @Test
    void theChildSaysItListensAndEndsWhenClosed() throws Exception {
        int port = FreePorts.next();
        Path log = Files.createDirectories(work.resolve("logs")).resolve("ses.log");
        ChildProcess child = ChildProcess.startNode("aws-ses-v2-local",
                ProjectLayout.nodeModule("aws-ses-v2-local").resolve("dist/cli.js"),
                List.of("--host", "127.0.0.1", "--port", Integer.toString(port)), work.resolve("run"),
                ProjectLayout.root(), log, port, Duration.ofSeconds(30));
        ProcessHandle handle = ProcessHandle.of(child.pid()).orElseThrow();
        assertThat(Files.readString(log)).contains("[prescreen-child] pid=" + child.pid() + " listening on 127.0.0.1:" + port);
        child.close();
        assertThat(handle.isAlive()).isFalse();
        assertThat(Ports.isFree(port)).isTrue();
    }

    @Test
    void aCloudRefusesABusyPortBeforeStartingAnythingAndNamesTheService() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int dynamo = FreePorts.next();
            int ses = FreePorts.next();
            assertThatThrownBy(() -> LocalCloud.builder().dataDir(work).ports(dynamo, taken.getLocalPort(), 0, ses)
                    .start())
                    .isInstanceOf(Ports.InUse.class)
                    .hasMessage("port " + taken.getLocalPort() + " (SQS, ElasticMQ) is in use by another process");
            assertThat(Ports.isFree(dynamo)).as("dynalite was not started").isTrue();
            assertThat(Files.exists(work.resolve("logs"))).isFalse();
        }
    }
}
