package dev.prescreen.local.cloud;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Random free loopback ports, so that two test runs (or a run and a developer's stack) can coexist. They are drawn
 * below the kernel's ephemeral range (Linux 32768–60999, and higher elsewhere): a port the kernel picked for us is one
 * it may hand to any outgoing connection before our server binds it, which made a busy machine fail to start a stack
 * ("Address already in use"). A port is handed out once per process.
 */
public final class FreePorts {

    private static final int FIRST = 10_000;
    private static final int LAST = 32_000;
    private static final int ATTEMPTS = 500;
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private FreePorts() {
    }

    public static int next() {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(FIRST, LAST);
            if (!HANDED_OUT.contains(port) && bindable(port) && HANDED_OUT.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free loopback port in " + FIRST + "-" + LAST + " after " + ATTEMPTS
                + " attempts");
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
