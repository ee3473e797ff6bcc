package dev.prescreen.bench;

import dev.prescreen.local.cloud.LocalMailbox;
import dev.prescreen.local.runtime.LocalRuntime;
import dev.prescreen.local.runtime.demo.CandidateDriver;
import dev.prescreen.local.runtime.demo.RecruiterClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Candidates through the whole local stack: invitation, answers, scoring, report and its email. */
final class Pipeline {

    private static final List<Integer> QUESTIONS = List.of(1, 3, 5, 7, 9, 13, 16, 17);
    static final int ANSWER_SECONDS = 120;

    private Pipeline() {
    }

    static Map<String, Object> plan(String recipient, boolean followUps) {
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("roleTitle", "Backend Engineer");
        plan.put("bankRole", "backend-engineer");
        plan.put("questions", QUESTIONS.stream().map(n -> Map.of("bankQuestion", n)).toList());
        plan.put("answerSeconds", ANSWER_SECONDS);
        plan.put("slotMinutes", 25);
        plan.put("passThreshold", 60);
        plan.put("recipients", List.of(recipient));
        plan.put("followUps", Map.of("enabled", followUps, "maxPerInterview", followUps ? 2 : 0));
        return plan;
    }

    static String awaitLink(LocalMailbox mailbox, String email, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            Optional<String> link = mailbox.to(email).stream().findFirst().flatMap(LocalMailbox.Email::interviewLink);
            if (link.isPresent()) {
                return link.get();
            }
            Bench.pause(Duration.ofMillis(200));
        }
        throw new IllegalStateException("no invitation for " + email);
    }

    /** The organisation and plan a run created, to read its answers and usage afterwards. */
    record Run(String organisation, String planId) {
    }

    /**
     * Runs {@code count} candidates answering every question (typed, or spoken when {@code spoken} gives the
     * recording for a question's position) and, typed, prints the time from each one's last answer to its report.
     */
    static Run run(LocalRuntime runtime, int count, java.util.function.IntFunction<byte[]> spoken) {
        String org = "bench-pipe-" + UUID.randomUUID().toString().substring(0, 6);
        RecruiterClient recruiter = new RecruiterClient(runtime, org, "bench@" + org + ".example");
        String planId = recruiter.call("POST", "/plans", plan("hiring@" + org + ".example", false), 201)
                .path("planId").asText();
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(Map.of("name", "Candidate " + i, "email", "p" + i + "@" + org + ".example"));
        }
        LocalMailbox mailbox = new LocalMailbox(runtime.cloud().sesEndpoint());
        Instant start = Instant.now();
        recruiter.call("POST", "/plans/" + planId + "/batches", Map.of("candidates", rows), 201);
        String answer = "At Spotify in 2022 I moved our ingestion to SQS and Lambda myself, which cut costs by 40 percent "
                + "and latency from 300 to 40 milliseconds; the trade-off was more moving parts to monitor.";
        // A report's email goes out right after the report is stored: its arrival in the mailbox marks the
        // report, watched alongside the candidates without loading the API under measurement.
        String recipient = "hiring@" + org + ".example";
        Map<String, Instant> lastAnswer = new java.util.concurrent.ConcurrentHashMap<>();
        Map<String, Instant> reported = new java.util.concurrent.ConcurrentHashMap<>();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(8));
        Thread watcher = new Thread(() -> {
            while (reported.size() < count && Instant.now().isBefore(deadline)) {
                Instant now = Instant.now();
                for (LocalMailbox.Email email : mailbox.to(recipient)) {
                    String name = email.subject().replaceFirst("^Screening report, [^:]*: ", "");
                    reported.putIfAbsent(name, now);
                }
                Bench.pause(Duration.ofMillis(50));
            }
        }, "report-watcher");
        watcher.start();
        for (int i = 0; i < count; i++) {
            String link = awaitLink(mailbox, "p" + i + "@" + org + ".example", Duration.ofSeconds(60));
            CandidateDriver driver = Bench.driver(runtime, link);
            driver.run((position, kind, question) -> spoken != null
                    ? CandidateDriver.Answer.spoken(spoken.apply(position)) : CandidateDriver.Answer.typed(answer),
                    Integer.MAX_VALUE, Duration.ofMinutes(5));
            lastAnswer.put("Candidate " + i, Instant.now());
        }
        try {
            watcher.join(Duration.between(Instant.now(), deadline).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        List<Double> latencies = new ArrayList<>();
        reported.forEach((name, at) -> latencies.add((double) Math.max(0,
                Duration.between(lastAnswer.getOrDefault(name, at), at).toMillis())));
        double minutes = Duration.between(start, Instant.now()).toMillis() / 60000.0;
        if (spoken == null) {
            Bench.figure("pipeline_candidates", reported.size(), "reports");
            Bench.figure("pipeline_last_answer_to_report_p50", Bench.percentile(latencies, 50), "ms");
            Bench.figure("pipeline_last_answer_to_report_p95", Bench.percentile(latencies, 95), "ms");
            Bench.figure("pipeline_throughput", reported.size() / minutes, "candidates/min");
        }
        if (reported.size() < count) {
            throw new IllegalStateException("only " + reported.size() + " of " + count + " reports arrived");
        }
        return new Run(org, planId);
    }
}
