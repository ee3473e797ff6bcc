package dev.prescreen.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.prescreen.cloud.LambdaFunction;
import dev.prescreen.cloud.Table;
import dev.prescreen.domain.Transcript;
import dev.prescreen.domain.interview.Answer;
import dev.prescreen.json.Json;
import dev.prescreen.local.cloud.LocalCloud;
import dev.prescreen.local.cloud.ProjectLayout;
import dev.prescreen.local.runtime.LocalRuntime;
import dev.prescreen.local.runtime.demo.Demo;
import dev.prescreen.local.runtime.demo.RecruiterClient;
import dev.prescreen.storage.DynamoInterviewRepository;
import java.nio.file.Files;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code ./prescreen cost}: dollars per candidate for an 8-question voice screen, from what one screening actually
 * does on the local stack: each function's invocations and measured duration at its configured memory, every
 * DynamoDB, SQS, S3 and SES request the functions make (counted by an SDK interceptor), and Transcribe billed as the
 * usage meter bills it, from the recordings' own durations (15-second minimum per job). The candidate speaks the
 * demo's strong answers (espeak-ng), so the demo's recordings are priced as they are; a typical screen is priced
 * from {@link #TYPICAL_SPEECH_SECONDS}. Prices come from {@code docs/prices-us-east-1.json}.
 */
public final class CostModel {

    private static final int QUESTIONS = 8;
    /**
     * A typical spoken answer: one-way interview answers to background and behavioural questions run about 60–90 s;
     * the middle of that, well inside the plan's 120 s limit that the old figure assumed every answer filled.
     */
    static final double TYPICAL_SPEECH_SECONDS = 75;
    /** What the page keeps around the speech: its pre-roll and its tail (speech.js, RULES). */
    static final double PAGE_KEPT_SILENCE_SECONDS = 0.5 + 0.5;
    /** 16 kHz mono 16-bit PCM WAV, as the page uploads speech. */
    private static final double RECORDING_BYTES_PER_SECOND = 32000;
    /** The plan's retention: the bench's plan keeps recordings for the default 90 days. */
    private static final int RETENTION_DAYS = dev.prescreen.domain.plan.PlanRules.DEFAULT_RETENTION_DAYS;
    private static final String DEMO_CANDIDATE = "Ada Lovelace";
    private static final String[] TIERS = {"tier1", "tier2", "tier3", "tier4"};

    private CostModel() {
    }

    public static void main(String[] args) throws Exception {
        JsonNode prices = Json.read(Files.readString(ProjectLayout.root().resolve("docs/prices-us-east-1.json")),
                JsonNode.class);
        List<byte[]> recordings = demoRecordings();
        RequestCounter counter = new RequestCounter();
        Map<String, Double> lines = new LinkedHashMap<>();
        List<Answer> answers;
        long storedBytes;
        JsonNode usage;
        Map<String, Long> requests;
        try (LocalCloud cloud = LocalCloud.builder().start();
                LocalRuntime runtime = LocalRuntime.builder().cloud(cloud).interceptor(counter).start()) {
            Map<LambdaFunction, long[]> before = runtime.functions().usage();
            Pipeline.Run run = Pipeline.run(runtime, 1, position -> recordings.get(position - 1));
            Map<LambdaFunction, long[]> after = runtime.functions().usage();
            requests = requests(counter);
            infrastructure(prices, before, after, requests, lines);
            RecruiterClient recruiter = new RecruiterClient(runtime, run.organisation(), "cost@example.com");
            usage = recruiter.call("GET", "/usage?month=" + YearMonth.now(ZoneOffset.UTC), null, 200);
            String interviewId = recruiter.call("GET", "/plans/" + run.planId() + "/candidates", null, 200)
                    .path("items").path(0).path("interviewId").asText();
            answers = new DynamoInterviewRepository(runtime.clients().dynamoDb(),
                    runtime.settings().tableName(Table.MAIN)).answers(run.organisation(), interviewId);
            String bucket = runtime.settings().bucketName(dev.prescreen.cloud.Bucket.RECORDINGS);
            storedBytes = answers.stream().mapToLong(a -> runtime.clients().s3()
                    .headObject(r -> r.bucket(bucket).key(a.recordingKey())).contentLength()).sum();
        }
        double minimum = prices.path("transcribe_minimum_seconds_per_job").asDouble();
        double tier1 = prices.path("transcribe_second_tier1").asDouble();
        double others = lines.values().stream().mapToDouble(Double::doubleValue).sum();

        System.out.println("# requests: " + requests);
        System.out.println("# demo screen: " + DEMO_CANDIDATE + "'s " + QUESTIONS + " demo answers spoken (espeak-ng) and "
                + "uploaded as the page uploads speech (WAV); Transcribe billed from the usage meter");
        double silenceMax = 0;
        for (Answer answer : answers) {
            double speech = speechSeconds(answer.transcript());
            double silence = answer.audioSeconds() - speech;
            silenceMax = Math.max(silenceMax, silence);
            System.out.printf(Locale.ROOT, "# %s recorded %.2f s, speech %.2f s (first word to last), silence %.2f s%n",
                    answer.answerId(), answer.audioSeconds(), speech, silence);
        }
        double demoBilled = usage.path("billedAudioSeconds").asDouble();
        double demoStored = storedBytes / 1e9; // espeak-ng's WAV is 22,050 Hz, the page's 16 kHz
        Bench.figure("demo_recorded_audio", usage.path("audioSeconds").asDouble(), "s");
        Bench.figure("demo_billed_audio", demoBilled, "s");
        System.out.printf(Locale.ROOT, "demo_silence_per_answer_max %.2f s%n", silenceMax);
        double demoTotal = others + storage(prices, demoStored) + demoBilled * tier1;
        lines.put("s3_storage_demo", storage(prices, demoStored));
        lines.put("transcribe_demo", demoBilled * tier1);

        double typicalSeconds = Math.ceil(Math.max(minimum, TYPICAL_SPEECH_SECONDS + PAGE_KEPT_SILENCE_SECONDS));
        double typicalBilled = QUESTIONS * typicalSeconds;
        double typicalStored = typicalBilled * RECORDING_BYTES_PER_SECOND / 1e9;
        System.out.printf(Locale.ROOT, "# typical screen: %d answers x %.0f s of speech + %.1f s the page keeps around "
                + "it = %.0f s billed each (%.1f min); other costs measured as above%n", QUESTIONS,
                TYPICAL_SPEECH_SECONDS, PAGE_KEPT_SILENCE_SECONDS, typicalSeconds, typicalBilled / 60);
        lines.put("transcribe_typical", typicalBilled * tier1);
        lines.put("s3_storage_typical", storage(prices, typicalStored));
        for (var line : lines.entrySet()) {
            System.out.printf(Locale.ROOT, "cost_%s %.5f USD%n", line.getKey(), line.getValue());
        }
        double typicalTotal = others + storage(prices, typicalStored) + typicalBilled * tier1;
        System.out.printf(Locale.ROOT, "cost_total_demo %.4f USD%n", demoTotal);
        System.out.printf(Locale.ROOT, "cost_total_typical %.4f USD%n", typicalTotal);
        System.out.printf(Locale.ROOT, "cost_total_typical_without_transcribe %.4f USD%n",
                typicalTotal - typicalBilled * tier1);
        JsonNode bounds = prices.path("transcribe_tier_upper_minutes_per_month");
        for (int i = 0; i < TIERS.length; i++) {
            double perSecond = prices.path("transcribe_second_" + TIERS[i]).asDouble();
            String range = i == 0 ? "first " + bounds.path(0).asLong() : i < bounds.size()
                    ? bounds.path(i - 1).asLong() + "-" + bounds.path(i).asLong() : "over " + bounds.path(i - 1).asLong();
            System.out.printf(Locale.ROOT, "# transcribe %s: %.4f USD/min (%s min a month)%n", TIERS[i], perSecond * 60,
                    range);
            System.out.printf(Locale.ROOT, "cost_total_typical_transcribe_%s %.4f USD%n", TIERS[i],
                    typicalTotal - typicalBilled * tier1 + typicalBilled * perSecond);
        }
        double fullTime = QUESTIONS * Math.max(minimum, Pipeline.ANSWER_SECONDS);
        System.out.printf(Locale.ROOT, "cost_total_recorded_to_the_timer %.4f USD%n", others
                + storage(prices, fullTime * RECORDING_BYTES_PER_SECOND / 1e9) + fullTime * tier1);
        double price = prices.path("price_per_candidate").asDouble();
        System.out.printf(Locale.ROOT, "margin_at_price_typical %.4f USD%n", price - typicalTotal);
        System.out.printf(Locale.ROOT, "margin_at_price_typical_share %.1f %%%n", 100 * (price - typicalTotal) / price);
        System.exit(0);
    }

    /** The demo's strong candidate's answers to the eight questions, spoken; the bench needs espeak-ng. */
    private static List<byte[]> demoRecordings() {
        List<byte[]> recordings = new ArrayList<>();
        for (String text : Demo.answersOf(DEMO_CANDIDATE)) {
            recordings.add(Demo.speak(text).orElseThrow(() ->
                    new IllegalStateException("./prescreen cost speaks the demo's answers: install espeak-ng")));
        }
        if (recordings.size() != QUESTIONS) {
            throw new IllegalStateException("the demo's candidate has " + recordings.size() + " answers, not " + QUESTIONS);
        }
        return recordings;
    }

    /** From the first spoken word's start to the last one's end: what of a recording is speech. */
    static double speechSeconds(Transcript transcript) {
        List<Transcript.Word> words = transcript.words().stream().filter(w -> !w.punctuation()).toList();
        return words.isEmpty() ? 0 : words.get(words.size() - 1).endSeconds() - words.get(0).startSeconds();
    }

    private static double storage(JsonNode prices, double gigabytes) {
        return gigabytes * RETENTION_DAYS / 30.0 * prices.path("s3_storage_gb_month").asDouble();
    }

    private static Map<String, Long> requests(RequestCounter counter) {
        Map<String, Long> requests = new TreeMap<>();
        // Keys are "<service>.<operation>" with the SDK's service names; normalise the case.
        counter.snapshot().forEach((key, value) -> requests.merge(key.replaceFirst("^(?i)dynamodb", "DynamoDB")
                .replaceFirst("^(?i)sesv2", "SESv2").replaceFirst("^(?i)sqs", "SQS").replaceFirst("^(?i)s3", "S3"),
                value, Long::sum));
        return requests;
    }

    /** Everything but Transcribe and recording storage, as measured. */
    private static void infrastructure(JsonNode prices, Map<LambdaFunction, long[]> before,
            Map<LambdaFunction, long[]> after, Map<String, Long> requests, Map<String, Double> lines) {
        double gbSeconds = 0;
        long invocations = 0;
        long apiCalls = 0;
        for (LambdaFunction function : LambdaFunction.values()) {
            long calls = after.get(function)[0] - before.get(function)[0];
            invocations += calls;
            gbSeconds += (after.get(function)[1] - before.get(function)[1]) / 1000.0 * function.memoryMb() / 1024.0;
            apiCalls += function.name().endsWith("_API") ? calls : 0;
        }
        lines.put("lambda_compute", gbSeconds * prices.path("lambda_gb_second_arm64").asDouble());
        lines.put("lambda_requests", invocations * prices.path("lambda_request").asDouble());
        lines.put("api_gateway", apiCalls * prices.path("api_gateway_http_request").asDouble());
        long writes = sum(requests, "DynamoDB.PutItem", "DynamoDB.UpdateItem", "DynamoDB.DeleteItem",
                "DynamoDB.BatchWriteItem", "DynamoDB.TransactWriteItems");
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
        lines.put("s3_requests", s3Puts * prices.path("s3_put_request").asDouble()
                + s3Gets * prices.path("s3_get_request").asDouble());
        long emails = sum(requests, "SESv2.SendEmail");
        lines.put("ses", emails * prices.path("ses_email").asDouble());
        lines.put("scheduler", 0.0);
        System.out.println("# measured: " + invocations + " invocations, " + String.format(Locale.ROOT, "%.2f",
                gbSeconds) + " GB-s, " + writes + " DynamoDB writes, " + reads + " reads, " + sqs + " SQS requests, "
                + emails + " emails");
    }

    private static long sum(Map<String, Long> requests, String... keys) {
        long total = 0;
        for (String key : keys) {
            total += requests.getOrDefault(key, 0L);
        }
        return total;
    }
}
