package dev.prescreen.local.cloud;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.prescreen.aws.AwsClients;
import dev.prescreen.cloud.Bucket;
import dev.prescreen.cloud.Queue;
import dev.prescreen.cloud.Table;
import dev.prescreen.config.Settings;
import dev.prescreen.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * The AWS services prescreen uses, emulated locally by open-source programs started here: dynalite
 * (DynamoDB), ElasticMQ (SQS, in process), S3Proxy (S3, in process) and aws-ses-v2-local (SES v2).
 * Every table, queue and bucket of {@link Table}, {@link Queue} and {@link Bucket} is created on start.
 */
public final class LocalCloud implements AutoCloseable {

    public static final String REGION = "us-east-1";
    public static final String ACCOUNT_ID = "000000000000";
    private static final String ACCESS_KEY = "local";
    private static final String SECRET_KEY = "local-secret";
    private static final String NAME_PREFIX = "prescreen-";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    static {
        // The JDK's HTTP server (Transcribe stand-in, local API, scheduler) writes headers and body
        // separately; without TCP_NODELAY, Nagle's algorithm and delayed ACKs add 40 ms to every response.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final List<AutoCloseable> running = new ArrayList<>();
    private final Map<String, String> settings = new HashMap<>();
    private final Path workDir;
    private final Optional<Path> dataDir;
    private final int dynamoPort;
    private final int sqsPort;
    private final int s3Port;
    private final int sesPort;
    private final int transcribePort;
    private LocalTranscribe transcribe;
    private final AtomicLong sequencer = new AtomicLong();
    private AwsClients clients;

    private LocalCloud(Builder builder) {
        this.dataDir = Optional.ofNullable(builder.dataDir);
        this.workDir = builder.dataDir != null ? builder.dataDir : tempDir();
        this.dynamoPort = portOrFree(builder.dynamoPort);
        this.sqsPort = portOrFree(builder.sqsPort);
        this.s3Port = portOrFree(builder.s3Port);
        this.sesPort = portOrFree(builder.sesPort);
        this.transcribePort = portOrFree(builder.transcribePort);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts every emulator and creates the resources; on failure stops whatever had started. */
    public LocalCloud start() {
        // Every port is checked before anything starts, so a taken one fails fast and names its service.
        Ports.busy(servicePorts()).stream().findFirst().ifPresent(busy -> {
            throw busy;
        });
        try {
            Files.createDirectories(workDir.resolve("logs"));
            startDynalite();
            startSqs();
            ObjectCreatedBridge bridge = startS3();
            startSes();
            settings.put("AWS_REGION", REGION);
            settings.put("AWS_ACCESS_KEY_ID", ACCESS_KEY);
            settings.put("AWS_SECRET_ACCESS_KEY", SECRET_KEY);
            settings.put("AWS_ENDPOINT_URL_DYNAMODB", dynamoEndpoint().toString());
            settings.put("AWS_ENDPOINT_URL_SQS", sqsEndpoint().toString());
            settings.put("AWS_ENDPOINT_URL_S3", s3Endpoint().toString());
            settings.put("AWS_ENDPOINT_URL_SESV2", sesEndpoint().toString());
            clients = new AwsClients(new Settings(settings));
            running.add(clients);
            settings.putAll(new ResourceProvisioner(clients, NAME_PREFIX).provision());
            bridge.listener(this::announceObjectCreated);
            transcribe = new LocalTranscribe(transcribePort, clients.s3(), clients.sqs(),
                    settings.get(Settings.queueUrlKey(Queue.TRANSCRIPTION_EVENTS)), workDir.resolve("transcribe"));
            running.add(transcribe);
            settings.put("AWS_ENDPOINT_URL_TRANSCRIBE", transcribe.endpoint().toString());
            return this;
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The ports this cloud listens on, each with the service it is for. */
    public Map<Integer, String> servicePorts() {
        Map<Integer, String> ports = new java.util.LinkedHashMap<>();
        ports.put(dynamoPort, "DynamoDB, dynalite");
        ports.put(sqsPort, "SQS, ElasticMQ");
        ports.put(s3Port, "S3, S3Proxy");
        ports.put(sesPort, "SES, aws-ses-v2-local");
        ports.put(transcribePort, "Transcribe, the local stand-in");
        return ports;
    }

    private void startDynalite() throws IOException {
        List<String> arguments = new ArrayList<>(List.of("--host", "127.0.0.1", "--port", Integer.toString(dynamoPort),
                "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0"));
        if (dataDir.isPresent()) {
            Path dynamoData = dataDir.get().resolve("dynamodb");
            Files.createDirectories(dynamoData);
            arguments.addAll(List.of("--path", dynamoData.toString()));
        }
        running.add(ChildProcess.startNode("dynalite", ProjectLayout.nodeModule("dynalite").resolve("cli.js"),
                arguments, workDir.resolve("run"), ProjectLayout.root(), workDir.resolve("logs/dynalite.log"),
                dynamoPort, START_TIMEOUT));
    }

    /** SQS: with a data folder, queues and messages are kept in H2 under it ({@link DurableSqs}); else in memory. */
    private void startSqs() throws IOException {
        if (dataDir.isPresent()) {
            Path sqsData = Files.createDirectories(dataDir.get().resolve("sqs"));
            running.add(DurableSqs.start(sqsData, sqsPort, REGION, ACCOUNT_ID));
            return;
        }
        SQSRestServer server = SQSRestServerBuilder
                .withInterface("127.0.0.1")
                .withPort(sqsPort)
                .withServerAddress(new NodeAddress("http", "127.0.0.1", sqsPort, ""))
                .withAWSRegion(REGION)
                .withAWSAccountId(ACCOUNT_ID)
                .start();
        server.waitUntilStarted();
        running.add(server::stopAndWait);
    }

    private ObjectCreatedBridge startS3() throws IOException {
        BlobStore store;
        if (dataDir.isPresent()) {
            Path s3Data = dataDir.get().resolve("s3");
            Files.createDirectories(s3Data);
            store = new FilesystemNio2BlobStore(s3Data.toString());
        } else {
            store = new TransientNio2BlobStore();
        }
        ObjectCreatedBridge bridge = new ObjectCreatedBridge(store);
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(bridge)
                .endpoint(URI.create("http://127.0.0.1:" + s3Port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .corsRules(new org.gaul.s3proxy.CrossOriginResourceSharing(
                        List.of("*"), List.of("GET", "PUT", "HEAD"), List.of("*"), List.of("ETag"), "false"))
                .ignoreUnknownHeaders(true)
                .build();
        try {
            proxy.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start S3Proxy: " + e.getMessage(), e);
        }
        running.add(proxy::stop);
        return bridge;
    }

    private void startSes() {
        running.add(ChildProcess.startNode("aws-ses-v2-local",
                ProjectLayout.nodeModule("aws-ses-v2-local").resolve("dist/cli.js"),
                List.of("--host", "127.0.0.1", "--port", Integer.toString(sesPort)), workDir.resolve("run"),
                ProjectLayout.root(), workDir.resolve("logs/ses.log"), sesPort, START_TIMEOUT));
    }

    /** Delivers an S3 event notification for a new object to the queue its bucket notifies, as S3 does. */
    private void announceObjectCreated(String bucketName, String key, long size, String eTag, String eventName) {
        for (Bucket bucket : Bucket.values()) {
            if (!physicalName(bucket.logicalName()).equals(bucketName)) {
                continue;
            }
            bucket.notification()
                    .filter(notification -> key.startsWith(notification.prefix()))
                    .ifPresent(notification -> clients.sqs().sendMessage(SendMessageRequest.builder()
                            .queueUrl(settings.get(Settings.queueUrlKey(notification.queue())))
                            .messageBody(s3Event(bucketName, key, size, eTag, eventName))
                            .build()));
        }
    }

    private String s3Event(String bucket, String key, long size, String eTag, String eventName) {
        ObjectNode root = Json.mapper().createObjectNode();
        ArrayNode records = root.putArray("Records");
        ObjectNode record = records.addObject();
        record.put("eventVersion", "2.1");
        record.put("eventSource", "aws:s3");
        record.put("awsRegion", REGION);
        record.put("eventTime", Instant.now().toString());
        record.put("eventName", eventName);
        record.putObject("userIdentity").put("principalId", "local");
        record.putObject("requestParameters").put("sourceIPAddress", "127.0.0.1");
        record.putObject("responseElements").put("x-amz-request-id", Long.toHexString(sequencer.get()));
        ObjectNode s3 = record.putObject("s3");
        s3.put("s3SchemaVersion", "1.0");
        s3.put("configurationId", "new-recordings");
        ObjectNode bucketNode = s3.putObject("bucket");
        bucketNode.put("name", bucket);
        bucketNode.putObject("ownerIdentity").put("principalId", "local");
        bucketNode.put("arn", "arn:aws:s3:::" + bucket);
        ObjectNode object = s3.putObject("object");
        // S3 URL-encodes keys in event notifications.
        object.put("key", URLEncoder.encode(key, StandardCharsets.UTF_8));
        object.put("size", size);
        if (eTag != null) {
            object.put("eTag", eTag.replace("\"", ""));
        }
        object.put("sequencer", String.format("%016X", sequencer.incrementAndGet()));
        return Json.write(root);
    }

    static String physicalName(String logicalName) {
        return NAME_PREFIX + logicalName;
    }

    /**
     * What a function needs to reach this cloud: region, credentials, the endpoint overrides and the
     * names of every table, queue and bucket, under the keys {@link Settings} reads.
     */
    public Map<String, String> settings() {
        return Collections.unmodifiableMap(settings);
    }

    /** Clients wired to the emulators, shared by everything in this process. */
    public AwsClients clients() {
        return clients;
    }

    public URI dynamoEndpoint() {
        return URI.create("http://127.0.0.1:" + dynamoPort);
    }

    public URI sqsEndpoint() {
        return URI.create("http://127.0.0.1:" + sqsPort);
    }

    public URI s3Endpoint() {
        return URI.create("http://127.0.0.1:" + s3Port);
    }

    public URI sesEndpoint() {
        return URI.create("http://127.0.0.1:" + sesPort);
    }

    /** The Transcribe stand-in, for tests that simulate lost events. */
    public LocalTranscribe transcribe() {
        return transcribe;
    }

    public Path workDir() {
        return workDir;
    }

    @Override
    public void close() {
        List<AutoCloseable> toStop = new ArrayList<>(running);
        Collections.reverse(toStop);
        running.clear();
        for (AutoCloseable part : toStop) {
            try {
                part.close();
            } catch (Exception e) {
                System.err.println("local cloud: error while stopping: " + e.getMessage());
            }
        }
    }

    private static int portOrFree(int port) {
        return port > 0 ? port : FreePorts.next();
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("prescreen-cloud-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static final class Builder {
        private Path dataDir;
        private int dynamoPort;
        private int sqsPort;
        private int s3Port;
        private int sesPort;
        private int transcribePort;

        /**
         * Keeps tables, objects, and queues with their messages under this folder across restarts (and crashes);
         * without it all is transient.
         */
        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        /** Fixed ports (0 = a random free one). */
        public Builder ports(int dynamo, int sqs, int s3, int ses) {
            this.dynamoPort = dynamo;
            this.sqsPort = sqs;
            this.s3Port = s3;
            this.sesPort = ses;
            return this;
        }

        public Builder transcribePort(int port) {
            this.transcribePort = port;
            return this;
        }

        public LocalCloud start() {
            return new LocalCloud(this).start();
        }
    }
}
