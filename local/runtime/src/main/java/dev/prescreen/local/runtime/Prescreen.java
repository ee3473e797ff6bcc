package dev.prescreen.local.runtime;

import dev.prescreen.local.cloud.LocalCloud;
import dev.prescreen.local.cloud.ProjectLayout;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
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
            default -> {
                usage();
                System.exit(2);
            }
        }
    }

    private static Path stateDir() {
        return ProjectLayout.root().resolve(".prescreen");
    }

    private static void up(Map<String, String> options) throws InterruptedException {
        int apiPort = Integer.parseInt(options.getOrDefault("api-port", Integer.toString(API_PORT)));
        Path data = stateDir().resolve("data");
        LocalCloud cloud = LocalCloud.builder().dataDir(data)
                .ports(DYNAMO_PORT, SQS_PORT, S3_PORT, SES_PORT).transcribePort(TRANSCRIBE_PORT).start();
        LocalRuntime runtime = LocalRuntime.builder().cloud(cloud).dataDir(data)
                .jwt(LocalJwt.fromFolder(stateDir())).ports(apiPort, SCHEDULER_PORT).start();
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
        System.out.println("  SQS             " + cloud.sqsEndpoint());
        System.out.println("  S3              " + cloud.s3Endpoint());
        System.out.println("  Transcribe      " + cloud.transcribe().endpoint() + "   (pocketsphinx stand-in)");
        System.out.println("  data            " + data);
        System.out.println("  token           ./prescreen token --org ORG --email EMAIL");
        System.out.println("Press Ctrl-C to stop.");
        stopped.await();
    }

    private static void token(Map<String, String> options) {
        String organisation = options.get("org");
        String email = options.get("email");
        if (organisation == null || email == null) {
            System.err.println("usage: ./prescreen token --org ORG --email EMAIL [--hours N]");
            System.exit(2);
        }
        long hours = Long.parseLong(options.getOrDefault("hours", "12"));
        System.out.println(LocalJwt.fromFolder(stateDir()).mint(organisation, email, Duration.ofHours(hours)));
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
        System.err.println("usage: prescreen up [--api-port N] | token --org ORG --email EMAIL [--hours N]");
    }
}
