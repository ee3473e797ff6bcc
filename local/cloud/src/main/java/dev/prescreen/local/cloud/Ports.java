package dev.prescreen.local.cloud;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Whether loopback ports can be bound, checked before anything is started on them. */
public final class Ports {

    private Ports() {
    }

    /** A port some other process listens on. */
    public static final class InUse extends IllegalStateException {
        private final int port;
        private final String service;

        InUse(int port, String service) {
            super("port " + port + " (" + service + ") is in use by another process");
            this.port = port;
            this.service = service;
        }

        public int port() {
            return port;
        }

        public String service() {
            return service;
        }
    }

    /** True when nothing listens on the port on the loopback interface (or on every interface). */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            // Like the emulators, which also allow rebinding a port whose old connections are in TIME_WAIT.
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Fails with {@link InUse} naming the service when the port is taken. */
    public static void requireFree(int port, String service) {
        if (port > 0 && !isFree(port)) {
            throw new InUse(port, service);
        }
    }

    /** The ports of the map (port to the service that needs it, in order) that are taken. */
    public static List<InUse> busy(Map<Integer, String> needed) {
        List<InUse> busy = new ArrayList<>();
        needed.forEach((port, service) -> {
            if (port > 0 && !isFree(port)) {
                busy.add(new InUse(port, service));
            }
        });
        return busy;
    }
}
