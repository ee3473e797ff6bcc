package dev.prescreen.calibration;

import dev.prescreen.scoring.QuestionType;
import dev.prescreen.scoring.RubricScorer;
import dev.prescreen.scoring.ScoringInput;
import java.util.List;
import java.util.Locale;

/**
 * Single-thread throughput of {@link RubricScorer} on synthetic answers of typical length. Usage:
 * {@code ScorerBenchmark [seconds]}; prints {@code scorer_throughput <value> answers/s}.
 */
public final class ScorerBenchmark {

    private ScorerBenchmark() {
    }

    private static final List<ScoringInput> INPUTS = List.of(
            ScoringInput.of("Tell me about a time you worked with microservices.", QuestionType.BEHAVIORAL,
                    List.of("microservice", "service", "monolith", "deploy"),
                    "yes, at a ticketing company in 2020 our booking monolith took an hour to deploy. i extracted "
                    + "seat reservations into a go service with its own postgres database and an outbox that "
                    + "published events to kafka. reservation errors fell from 3 percent to under 0.2 percent and "
                    + "deploys of that part went down to ten minutes."),
            ScoringInput.of("What is your experience with Docker?", QuestionType.EXPERIENCE,
                    List.of("docker", "kubernetes", "container"),
                    "um, i've used docker for four years, dockerfiles, multi-stage builds and compose for local "
                    + "development, and some kubernetes with helm at my current job, where i moved our three "
                    + "services to a managed cluster."),
            ScoringInput.of("How would you diagnose a slow server?", QuestionType.SITUATIONAL,
                    List.of("latency", "slow", "profiling", "database"),
                    "first i'd check whether every endpoint is slow or only one, then look at p99 latency and cpu in "
                    + "grafana. if it's the database i'd run explain on the slowest query and add an index, but "
                    + "indexes cost write speed, so i'd check the write load first. afterwards i'd confirm the "
                    + "latency is back to normal."),
            ScoringInput.of("What languages are you most comfortable in?", QuestionType.GENERAL,
                    List.of("language", "java", "python"),
                    "java and kotlin, about seven years, mostly spring boot. i can read python but i'm slow in it."));

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
        RubricScorer scorer = new RubricScorer();
        long warmupEnd = System.nanoTime() + 2_000_000_000L;
        int i = 0;
        while (System.nanoTime() < warmupEnd) {
            scorer.score(INPUTS.get(i++ % INPUTS.size()));
        }
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long n = 0;
        while (System.nanoTime() < end) {
            scorer.score(INPUTS.get((int) (n % INPUTS.size())));
            n++;
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "scorer_throughput %.1f answers/s%n", n / elapsed);
    }
}
