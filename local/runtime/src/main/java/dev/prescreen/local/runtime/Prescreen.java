package dev.prescreen.local.runtime;

import dev.prescreen.local.cloud.LocalCloud;
import dev.prescreen.local.cloud.Ports;
import dev.prescreen.local.cloud.ProjectLayout;
import dev.prescreen.local.runtime.demo.Demo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/** The local entry point behind {@code ./prescreen}: {@code up} and {@code token}. */
public final class Prescreen {

    /** Fixed ports for the developer stack, so URLs stay the same across restarts. */
    static final int API_PORT = 8080;
    static final int SES_PORT = 8005;
    static final int DYNAMO_PORT = 8100;
    static final int SCHEDULER_PORT = 8110;
    static final int S3_PORT = 9100;
    static final int SQS_PORT = 9324;
    static final int TRANSCRIBE_PORT = 8120;

    private Prescreen() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
            System.exit(2);
        }
        Map<String, String> options = options(Arrays.copyOfRange(args, 1, args.length));
        switch (args[0]) {
            case "up" -> up(options);
            case "token" -> token(options);
            case "demo" -> System.exit(demo(options));
            default -> {
                usage();
                System.exit(2);
            }
        }
    }

    private static Path stateDir(Map<String, String> options) {
        String configured = options.get("state-dir");
        return configured != null ? Path.of(configured).toAbsolutePath().normalize()
                : ProjectLayout.root().resolve(".prescreen");
    }

    /** A port the developer stack needs: the option that moves it, its default and what listens on it. */
    private record FixedPort(String option, int defaultPort, String service) {
        int port(Map<String, String> options) {
            String value = options.getOrDefault(option, Integer.toString(defaultPort));
            try {
                int port = Integer.parseInt(value);
                if (port < 1 || port > 65535) {
                    throw new NumberFormatException();
                }
                return port;
            } catch (NumberFormatException e) {
                System.err.println("prescreen: --" + option + " must be a port number (1-65535), not '" + value + "'");
                System.exit(2);
                throw new IllegalStateException("unreachable");
            }
        }
    }

    private static final List<FixedPort> FIXED_PORTS = List.of(
            new FixedPort("api-port", API_PORT, "HTTP API, local API Gateway"),
            new FixedPort("ses-port", SES_PORT, "SES and mailbox, aws-ses-v2-local"),
            new FixedPort("dynamodb-port", DYNAMO_PORT, "DynamoDB, dynalite"),
            new FixedPort("scheduler-port", SCHEDULER_PORT, "EventBridge Scheduler, local scheduler"),
            new FixedPort("s3-port", S3_PORT, "S3, S3Proxy"),
            new FixedPort("sqs-port", SQS_PORT, "SQS, ElasticMQ"),
            new FixedPort("transcribe-port", TRANSCRIBE_PORT, "Transcribe, the local stand-in"));

    private static void up(Map<String, String> options) throws InterruptedException {
        Map<String, Integer> ports = new LinkedHashMap<>();
        Map<Integer, String> needed = new LinkedHashMap<>();
        for (FixedPort fixed : FIXED_PORTS) {
            int port = fixed.port(options);
            if (needed.containsKey(port)) {
                System.err.println("prescreen: port " + port + " is given to both " + needed.get(port) + " and "
                        + fixed.service());
                System.exit(2);
            }
            ports.put(fixed.option(), port);
            needed.put(port, fixed.service());
        }
        // Every port is checked before anything is started: nothing half-starts, and nothing stale is mistaken
        // for an emulator of this stack.
        List<Ports.InUse> busy = Ports.busy(needed);
        if (!busy.isEmpty()) {
            for (Ports.InUse taken : busy) {
                String option = FIXED_PORTS.stream().filter(f -> ports.get(f.option()) == taken.port()).findFirst()
                        .map(FixedPort::option).orElseThrow();
                System.err.println("prescreen: " + taken.getMessage() + "; stop it (another ./prescreen up? `lsof -i :"
                        + taken.port() + "` names it) or give this stack another port with --" + option + " N");
            }
            System.exit(1);
        }
        Path state = stateDir(options);
        lockState(state);
        Path data = state.resolve("data");
        LocalCloud cloud;
        LocalRuntime runtime;
        try {
            cloud = LocalCloud.builder().dataDir(data)
                    .ports(ports.get("dynamodb-port"), ports.get("sqs-port"), ports.get("s3-port"), ports.get("ses-port"))
                    .transcribePort(ports.get("transcribe-port")).start();
        } catch (RuntimeException e) {
            System.err.println("prescreen: cannot start the local cloud: " + e.getMessage());
            System.exit(1);
            return;
        }
        try {
            runtime = LocalRuntime.builder().cloud(cloud).dataDir(data)
                    .jwt(LocalJwt.fromFolder(state)).ports(ports.get("api-port"), ports.get("scheduler-port")).start();
        } catch (RuntimeException e) {
            cloud.close();
            System.err.println("prescreen: cannot start the functions: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("prescreen: stopping");
            runtime.close();
            cloud.close();
            stopped.countDown();
        }, "prescreen-stop"));
        String api = runtime.apiEndpoint().toString();
        System.out.println("prescreen is up");
        System.out.println("  API             " + api + "   (GET " + api + "/health)");
        System.out.println("  candidate page  " + api + "/interview/");
        System.out.println("  mailbox         " + cloud.sesEndpoint() + "/   (sent mail; JSON at /store)");
        System.out.println("  DynamoDB        " + cloud.dynamoEndpoint());
        System.out.println("  SQS             " + cloud.sqsEndpoint() + "   (messages kept in " + data.resolve("sqs") + ")");
        System.out.println("  S3              " + cloud.s3Endpoint());
        System.out.println("  Transcribe      " + cloud.transcribe().endpoint() + "   (pocketsphinx stand-in)");
        System.out.println("  data            " + data);
        System.out.println("  token           ./prescreen token --org ORG --email EMAIL");
        System.out.println("Press Ctrl-C to stop.");
        stopped.await();
    }

    /** Held for the life of {@code up}: the OS releases it however the JVM ends. */
    private static java.nio.channels.FileLock stateLock;

    /**
     * One {@code up} per state folder: a second one on other ports would otherwise fail deep inside dynalite
     * (LevelDB's lock) or H2.
     */
    private static void lockState(Path state) {
        Path file = state.resolve("up.lock");
        try {
            Files.createDirectories(state);
            java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file,
                    StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            stateLock = channel.tryLock();
            if (stateLock == null) {
                String holder = Files.readString(file).strip();
                System.err.println("prescreen: another ./prescreen up" + (holder.isEmpty() ? "" : " (pid " + holder + ")")
                        + " keeps its data in " + state + "; stop it, or give this one another folder with --state-dir DIR");
                System.exit(1);
            }
            channel.truncate(0);
            channel.write(java.nio.ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid())
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII)), 0);
        } catch (IOException e) {
            System.err.println("prescreen: cannot lock " + file + ": " + e.getMessage());
            System.exit(1);
        }
    }

    /** Runs the demo screening on a fresh local stack; 0 when every candidate has a report and its email. */
    private static int demo(Map<String, String> options) throws InterruptedException {
        boolean keep = options.containsKey("keep");
        System.out.println("Starting the local stack (emulators and functions)...");
        LocalCloud cloud = LocalCloud.builder().start();
        LocalRuntime runtime = LocalRuntime.builder().cloud(cloud).jwt(LocalJwt.fromFolder(stateDir(options))).start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            runtime.close();
            cloud.close();
        }, "prescreen-demo-stop"));
        Demo demo = new Demo(runtime, System.out);
        Demo.Outcome outcome;
        try {
            outcome = demo.run(java.time.Duration.ofMinutes(5));
        } catch (RuntimeException e) {
            System.err.println("prescreen demo failed: " + e.getMessage());
            return 1;
        }
        demo.print(outcome);
        String api = runtime.apiEndpoint().toString();
        System.out.println();
        System.out.println("Where to look:");
        System.out.println("  mailbox (invitations and report emails)  " + cloud.sesEndpoint() + "/");
        outcome.results().stream().limit(3).forEach(r -> System.out.println("  report JSON  curl -H \"Authorization: Bearer $TOKEN\" "
                + api + "/interviews/" + r.interviewId() + "/report"));
        System.out.println("  ranking CSV  curl -H \"Authorization: Bearer $TOKEN\" " + api + "/plans/" + outcome.planId()
                + "/candidates.csv");
        System.out.println("  TOKEN=" + outcome.recruiterToken());
        System.out.println("  candidate page: open an invitation link from the mailbox, or " + api + "/interview/#<token>");
        if (!outcome.complete()) {
            System.err.println("prescreen demo: " + outcome.results().size() + " of " + outcome.expected()
                    + " candidates have a report, " + outcome.results().stream().filter(Demo.Result::reportEmailed).count()
                    + " report emails arrived; see the logs above");
            return 1;
        }
        if (keep) {
            System.out.println("The stack keeps running (--keep). Press Ctrl-C to stop.");
            new java.util.concurrent.CountDownLatch(1).await();
        }
        System.out.println("Demo complete: every candidate has a report, and every report email is in the mailbox.");
        return 0;
    }

    private static void token(Map<String, String> options) {
        String organisation = options.get("org");
        String email = options.get("email");
        if (organisation == null || email == null) {
            System.err.println("usage: ./prescreen token --org ORG --email EMAIL [--hours N]");
            System.exit(2);
        }
        long hours = Long.parseLong(options.getOrDefault("hours", "12"));
        System.out.println(LocalJwt.fromFolder(stateDir(options)).mint(organisation, email, Duration.ofHours(hours)));
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--")) {
                String name = args[i].substring(2);
                boolean hasValue = i + 1 < args.length && !args[i + 1].startsWith("--");
                options.put(name, hasValue ? args[++i] : "true");
            }
        }
        return options;
    }

    private static void usage() {
        System.err.println("usage: prescreen up [--state-dir DIR] [--api-port N] [--ses-port N] [--dynamodb-port N]"
                + " [--scheduler-port N] [--s3-port N] [--sqs-port N] [--transcribe-port N]"
                + " | demo [--keep] | token --org ORG --email EMAIL [--hours N] [--state-dir DIR]");
    }
}
