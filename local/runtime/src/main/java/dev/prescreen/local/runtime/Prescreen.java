package dev.prescreen.local.runtime;

import dev.prescreen.local.cloud.LocalCloud;
import dev.prescreen.local.cloud.ProjectLayout;
import dev.prescreen.local.runtime.demo.Demo;
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
            case "demo" -> System.exit(demo(options));
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

    /** Runs the demo screening on a fresh local stack; 0 when every candidate has a report and its email. */
    private static int demo(Map<String, String> options) throws InterruptedException {
        boolean keep = options.containsKey("keep");
        System.out.println("Starting the local stack (emulators and functions)...");
        LocalCloud cloud = LocalCloud.builder().start();
        LocalRuntime runtime = LocalRuntime.builder().cloud(cloud).jwt(LocalJwt.fromFolder(stateDir())).start();
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
        System.err.println("usage: prescreen up [--api-port N] | demo [--keep] | token --org ORG --email EMAIL [--hours N]");
    }
}
