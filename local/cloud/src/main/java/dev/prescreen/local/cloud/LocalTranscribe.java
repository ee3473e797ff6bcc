package dev.prescreen.local.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.prescreen.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A local stand-in for Amazon Transcribe batch jobs. It speaks the Transcribe API's JSON protocol for
 * StartTranscriptionJob, GetTranscriptionJob and ListTranscriptionJobs, reads the media from the local
 * S3, decodes it with ffmpeg to 16 kHz mono WAV, recognises English with pocketsphinx (word times and
 * confidences), writes Transcribe's output JSON to the requested bucket and key, and sends the
 * "Transcribe Job State Change" event to the queue the EventBridge rule feeds in AWS.
 *
 * <p>Accuracy is far below Amazon Transcribe's (see README), so the transcript-quality gate will
 * rightly stop many local transcripts.
 */
public final class LocalTranscribe implements AutoCloseable {

    private static final Set<String> LANGUAGES = Set.of("en-US");
    private static final Set<String> FILLERS = Set.of("<s>", "</s>", "<sil>", "[NOISE]", "(NULL)", "<unk>");

    private final HttpServer server;
    private final S3Client s3;
    private final SqsClient sqs;
    private final String eventQueueUrl;
    private final Path workDir;
    private final Map<String, ObjectNode> jobs = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "local-transcribe");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean dropEvents;

    LocalTranscribe(int port, S3Client s3, SqsClient sqs, String eventQueueUrl, Path workDir) throws IOException {
        this.s3 = s3;
        this.sqs = sqs;
        this.eventQueueUrl = eventQueueUrl;
        this.workDir = Files.createDirectories(workDir);
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 16);
        server.createContext("/", this::serve);
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Stops sending state-change events, as if EventBridge lost them (to exercise the reconciler). */
    public void dropEvents(boolean drop) {
        this.dropEvents = drop;
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = String.valueOf(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
            JsonNode request = Json.mapper().readTree(exchange.getRequestBody());
            switch (target) {
                case "Transcribe.StartTranscriptionJob" -> start(exchange, request);
                case "Transcribe.GetTranscriptionJob" -> {
                    ObjectNode job = jobs.get(request.path("TranscriptionJobName").asText());
                    if (job == null) {
                        error(exchange, "BadRequestException",
                                "The requested job couldn't be found. Check the job name and try your request again.");
                        return;
                    }
                    reply(exchange, Json.mapper().createObjectNode().set("TranscriptionJob", job.deepCopy()));
                }
                case "Transcribe.ListTranscriptionJobs" -> {
                    ObjectNode out = Json.mapper().createObjectNode();
                    ArrayNode summaries = out.putArray("TranscriptionJobSummaries");
                    String status = request.path("Status").asText("");
                    String contains = request.path("JobNameContains").asText("");
                    jobs.values().stream()
                            .filter(j -> status.isEmpty() || status.equals(j.path("TranscriptionJobStatus").asText()))
                            .filter(j -> j.path("TranscriptionJobName").asText().contains(contains))
                            .forEach(j -> summaries.addObject()
                                    .put("TranscriptionJobName", j.path("TranscriptionJobName").asText())
                                    .put("TranscriptionJobStatus", j.path("TranscriptionJobStatus").asText())
                                    .put("LanguageCode", j.path("LanguageCode").asText())
                                    .put("CreationTime", j.path("CreationTime").asDouble()));
                    reply(exchange, out);
                }
                default -> error(exchange, "UnknownOperationException", "operation " + target + " is not supported");
            }
        }
    }

    private void start(HttpExchange exchange, JsonNode request) throws IOException {
        String name = request.path("TranscriptionJobName").asText("");
        if (!name.matches("[0-9a-zA-Z._-]{1,200}")) {
            error(exchange, "BadRequestException", "TranscriptionJobName must match [0-9a-zA-Z._-]+");
            return;
        }
        ObjectNode job = Json.mapper().createObjectNode();
        job.put("TranscriptionJobName", name);
        job.put("TranscriptionJobStatus", "IN_PROGRESS");
        job.put("LanguageCode", request.path("LanguageCode").asText());
        job.put("MediaFormat", request.path("MediaFormat").asText());
        job.set("Media", request.path("Media").deepCopy());
        job.put("CreationTime", Instant.now().toEpochMilli() / 1000.0);
        job.put("StartTime", Instant.now().toEpochMilli() / 1000.0);
        if (jobs.putIfAbsent(name, job) != null) {
            error(exchange, "ConflictException", "The requested job name already exists. Use a different job name.");
            return;
        }
        String outputBucket = request.path("OutputBucketName").asText();
        String outputKey = request.path("OutputKey").asText(name + ".json");
        worker.submit(() -> run(job, outputBucket, outputKey));
        reply(exchange, Json.mapper().createObjectNode().set("TranscriptionJob", job.deepCopy()));
    }

    private void run(ObjectNode job, String outputBucket, String outputKey) {
        String name = job.path("TranscriptionJobName").asText();
        Path media = workDir.resolve(UUID.randomUUID() + ".media");
        Path wav = workDir.resolve(UUID.randomUUID() + ".wav");
        try {
            if (!LANGUAGES.contains(job.path("LanguageCode").asText())) {
                // AWS transcribes all nine interview languages; pocketsphinx here has an English model only, so the
                // answer goes to a person rather than being scored on a transcript of the wrong language
                finish(job, "FAILED", "no local recogniser for " + job.path("LanguageCode").asText()
                        + " (the local Transcribe stand-in recognises " + String.join(", ", LANGUAGES) + " only)", null);
                return;
            }
            String uri = job.path("Media").path("MediaFileUri").asText();
            String bucket = uri.replaceFirst("^s3://", "").split("/", 2)[0];
            String key = uri.replaceFirst("^s3://[^/]+/", "");
            Files.write(media, s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asByteArray());
            Command decode = Command.run(List.of("ffmpeg", "-y", "-loglevel", "error", "-i", media.toString(), "-ar",
                    "16000", "-ac", "1", "-sample_fmt", "s16", wav.toString()), 120);
            if (decode.exit != 0) {
                finish(job, "FAILED", "The media format could not be decoded: " + decode.output.trim(), null);
                return;
            }
            Command recognise = Command.run(List.of("pocketsphinx_continuous", "-infile", wav.toString(), "-time",
                    "yes", "-logfn", "/dev/null"), 300);
            if (recognise.exit != 0) {
                finish(job, "FAILED", "Internal failure: the recogniser exited with " + recognise.exit, null);
                return;
            }
            ObjectNode transcript = transcriptJson(name, recognise.output);
            s3.putObject(r -> r.bucket(outputBucket).key(outputKey).contentType("application/json"),
                    RequestBody.fromString(transcript.toString()));
            finish(job, "COMPLETED", null, "https://s3.us-east-1.amazonaws.com/" + outputBucket + "/" + outputKey);
        } catch (Exception e) {
            finish(job, "FAILED", "Internal failure: " + e.getClass().getSimpleName(), null);
        } finally {
            media.toFile().delete();
            wav.toFile().delete();
        }
    }

    /** pocketsphinx prints the hypothesis, then one line per word: {@code word start end probability}. */
    static ObjectNode transcriptJson(String jobName, String recogniserOutput) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("jobName", jobName);
        root.put("accountId", LocalCloud.ACCOUNT_ID);
        root.put("status", "COMPLETED");
        ObjectNode results = root.putObject("results");
        ArrayNode items = results.putArray("items");
        List<String> words = new ArrayList<>();
        for (String line : recogniserOutput.split("\n")) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length != 4 || !isNumber(parts[1]) || !isNumber(parts[2]) || !isNumber(parts[3])) {
                continue;
            }
            String word = parts[0].replaceAll("\\(\\d+\\)$", "");
            if (FILLERS.contains(word) || word.startsWith("++") || word.startsWith("[")) {
                continue;
            }
            words.add(word);
            ObjectNode item = items.addObject();
            item.put("start_time", parts[1]);
            item.put("end_time", parts[2]);
            item.putArray("alternatives").addObject()
                    .put("confidence", String.format(Locale.ROOT, "%.4f", Double.parseDouble(parts[3])))
                    .put("content", word);
            item.put("type", "pronunciation");
        }
        results.putArray("transcripts").addObject().put("transcript", String.join(" ", words));
        return root;
    }

    private static boolean isNumber(String text) {
        try {
            Double.parseDouble(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private void finish(ObjectNode job, String status, String failureReason, String transcriptUri) {
        job.put("TranscriptionJobStatus", status);
        job.put("CompletionTime", Instant.now().toEpochMilli() / 1000.0);
        if (failureReason != null) {
            job.put("FailureReason", failureReason);
        }
        if (transcriptUri != null) {
            job.putObject("Transcript").put("TranscriptFileUri", transcriptUri);
        }
        if (dropEvents) {
            return;
        }
        ObjectNode event = Json.mapper().createObjectNode();
        event.put("version", "0");
        event.put("id", UUID.randomUUID().toString());
        event.put("detail-type", "Transcribe Job State Change");
        event.put("source", "aws.transcribe");
        event.put("account", LocalCloud.ACCOUNT_ID);
        event.put("time", Instant.now().toString());
        event.put("region", LocalCloud.REGION);
        event.putArray("resources");
        ObjectNode detail = event.putObject("detail");
        detail.put("TranscriptionJobName", job.path("TranscriptionJobName").asText());
        detail.put("TranscriptionJobStatus", status);
        if (failureReason != null) {
            detail.put("FailureReason", failureReason);
        }
        sqs.sendMessage(r -> r.queueUrl(eventQueueUrl).messageBody(event.toString()));
    }

    private static void reply(HttpExchange exchange, JsonNode body) throws IOException {
        send(exchange, 200, body, null);
    }

    private static void error(HttpExchange exchange, String type, String message) throws IOException {
        send(exchange, 400, Json.mapper().createObjectNode().put("__type", type).put("Message", message), type);
    }

    private static void send(HttpExchange exchange, int status, JsonNode body, String errorType) throws IOException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        if (errorType != null) {
            exchange.getResponseHeaders().set("x-amzn-ErrorType", errorType);
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** A finished command: its exit code and what it printed on standard output. */
    private record Command(int exit, String output) {
        static Command run(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Command(-1, "timed out");
            }
            return new Command(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        }
    }

    @Override
    public void close() {
        server.stop(0);
        worker.shutdownNow();
    }
}
