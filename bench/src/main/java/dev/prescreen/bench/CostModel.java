package dev.prescreen.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.prescreen.cloud.LambdaFunction;
import dev.prescreen.json.Json;
import dev.prescreen.local.cloud.LocalCloud;
import dev.prescreen.local.cloud.ProjectLayout;
import dev.prescreen.local.runtime.LocalRuntime;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ./prescreen cost}: dollars per candidate for a standard screen (8 questions of 120 s, spoken),
 * from what one screening actually does on the local stack: each function's invocations and measured
 * duration at its configured memory, every DynamoDB, SQS, S3 and SES request the functions make (counted
 * by an SDK interceptor), and Transcribe billed on the plan's answer times with the 15-second minimum.
 * Prices come from {@code docs/prices-us-east-1.json}.
 */
public final class CostModel {

    /** Opus in WebM as browsers record speech: about 32 kbit/s. */
    private static final double RECORDING_BYTES_PER_SECOND = 4000;
    private static final int RETENTION_DAYS = 90;
    private static final int QUESTIONS = 8;

    private CostModel() {
    }

    public static void main(String[] args) throws Exception {
        JsonNode prices = Json.read(Files.readString(ProjectLayout.root().resolve("docs/prices-us-east-1.json")),
                JsonNode.class);
        RequestCounter counter = new RequestCounter();
        Map<LambdaFunction, long[]> before;
        Map<LambdaFunction, long[]> after;
        byte[] voice = dev.prescreen.local.runtime.demo.Demo.speak("I moved our ingestion to queues and it cut costs "
                + "by forty percent").orElse(null);
        try (LocalCloud cloud = LocalCloud.builder().start();
                LocalRuntime runtime = LocalRuntime.builder().cloud(cloud).interceptor(counter).start()) {
            before = runtime.functions().usage();
            // One candidate answering all eight questions by voice: one screening, end to end.
            Pipeline.run(runtime, 1, voice);
            after = runtime.functions().usage();
        }
        Map<String, Long> requests = new java.util.TreeMap<>();
        // Keys are "<service>.<operation>" with the SDK's service names; normalise the case.
        counter.snapshot().forEach((key, value) -> requests.merge(key.replaceFirst("^(?i)dynamodb", "DynamoDB")
                .replaceFirst("^(?i)sesv2", "SESv2").replaceFirst("^(?i)sqs", "SQS").replaceFirst("^(?i)s3", "S3"),
                value, Long::sum));
        Map<String, Double> lines = new LinkedHashMap<>();
        double gbSeconds = 0;
        long invocations = 0;
        for (LambdaFunction function : LambdaFunction.values()) {
            long calls = after.get(function)[0] - before.get(function)[0];
            long millis = after.get(function)[1] - before.get(function)[1];
            invocations += calls;
            gbSeconds += millis / 1000.0 * function.memoryMb() / 1024.0;
        }
        lines.put("lambda_compute", gbSeconds * prices.path("lambda_gb_second_arm64").asDouble());
        lines.put("lambda_requests", invocations * prices.path("lambda_request").asDouble());
        long apiCalls = invocations(after, before, LambdaFunction.PLANS_API, LambdaFunction.SESSION_API,
                LambdaFunction.BATCHES_API, LambdaFunction.REPORTS_API);
        lines.put("api_gateway", apiCalls * prices.path("api_gateway_http_request").asDouble());
        long writes = sum(requests, "DynamoDB.PutItem", "DynamoDB.UpdateItem", "DynamoDB.DeleteItem",
                "DynamoDB.BatchWriteItem");
        long reads = sum(requests, "DynamoDB.GetItem", "DynamoDB.Query", "DynamoDB.Scan");
        lines.put("dynamodb", writes * prices.path("dynamodb_write_request_unit").asDouble()
                + reads * prices.path("dynamodb_read_request_unit").asDouble());
        // The local pollers' receives are not Lambda's: count each message sent, plus the receive and the
        // delete that Lambda's event source mapping makes for it.
        long sqs = 3 * sum(requests, "SQS.SendMessage", "SQS.SendMessageBatch");
        lines.put("sqs", sqs * prices.path("sqs_request").asDouble());
        // Browser uploads and Transcribe's own reads and writes are not SDK calls of ours: one PUT and one
        // GET of the recording, one PUT of the transcript per answer, plus the functions' own S3 calls.
        long s3Puts = QUESTIONS * 2L + sum(requests, "S3.PutObject");
        long s3Gets = QUESTIONS + sum(requests, "S3.GetObject", "S3.HeadObject", "S3.ListObjectsV2");
        double storedGb = QUESTIONS * Pipeline.ANSWER_SECONDS * RECORDING_BYTES_PER_SECOND / 1e9;
        lines.put("s3", s3Puts * prices.path("s3_put_request").asDouble() + s3Gets * prices.path("s3_get_request").asDouble()
                + storedGb * RETENTION_DAYS / 30.0 * prices.path("s3_storage_gb_month").asDouble());
        double billedAudio = QUESTIONS * Math.max(prices.path("transcribe_minimum_seconds_per_job").asDouble(),
                Pipeline.ANSWER_SECONDS);
        lines.put("transcribe", billedAudio * prices.path("transcribe_second_tier1").asDouble());
        long emails = sum(requests, "SESv2.SendEmail");
        lines.put("ses", emails * prices.path("ses_email").asDouble());
        lines.put("scheduler", 0.0);

        System.out.println("# per candidate, standard screen: " + QUESTIONS + " questions x " + Pipeline.ANSWER_SECONDS
                + " s spoken (" + billedAudio / 60 + " min billed audio); prices " + prices.path("region").asText()
                + " taken " + prices.path("taken").asText());
        System.out.println("# requests: " + requests);
        System.out.println("# measured: " + invocations + " invocations, " + String.format(Locale.ROOT, "%.2f", gbSeconds)
                + " GB-s, " + writes + " DynamoDB writes, " + reads + " reads, " + sqs + " SQS requests, "
                + emails + " emails");
        double total = 0;
        for (var line : lines.entrySet()) {
            total += line.getValue();
            System.out.printf(Locale.ROOT, "cost_%s %.5f USD%n", line.getKey(), line.getValue());
        }
        double price = prices.path("price_per_candidate").asDouble();
        System.out.printf(Locale.ROOT, "cost_total %.4f USD%n", total);
        System.out.printf(Locale.ROOT, "cost_total_without_transcribe %.4f USD%n", total - lines.get("transcribe"));
        System.out.printf(Locale.ROOT, "margin_at_price %.4f USD%n", price - total);
        System.out.printf(Locale.ROOT, "margin_at_price_share %.1f %%%n", 100 * (price - total) / price);
        double tier2 = billedAudio * prices.path("transcribe_second_tier2").asDouble();
        System.out.printf(Locale.ROOT, "cost_total_transcribe_tier2 %.4f USD%n", total - lines.get("transcribe") + tier2);
        double halfFilled = QUESTIONS * Math.max(prices.path("transcribe_minimum_seconds_per_job").asDouble(),
                Pipeline.ANSWER_SECONDS / 2.0) * prices.path("transcribe_second_tier1").asDouble();
        System.out.printf(Locale.ROOT, "cost_total_answers_half_used %.4f USD%n", total - lines.get("transcribe") + halfFilled);
        System.exit(0);
    }

    private static long sum(Map<String, Long> requests, String... keys) {
        long total = 0;
        for (String key : keys) {
            total += requests.getOrDefault(key, 0L);
        }
        return total;
    }

    private static long invocations(Map<LambdaFunction, long[]> after, Map<LambdaFunction, long[]> before,
            LambdaFunction... functions) {
        long total = 0;
        for (LambdaFunction function : functions) {
            total += after.get(function)[0] - before.get(function)[0];
        }
        return total;
    }
}
