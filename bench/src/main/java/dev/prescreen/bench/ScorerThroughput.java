package dev.prescreen.bench;

import dev.prescreen.calibration.CalibrationSet;
import dev.prescreen.calibration.ScorerBenchmark;
import dev.prescreen.local.cloud.ProjectLayout;
import dev.prescreen.scoring.ScoringInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** {@code bench scorer}: the rubric scorer's single-thread throughput, in English and in each other language. */
final class ScorerThroughput {

    private ScorerThroughput() {
    }

    /**
     * One thread scoring the calibration answers (bank questions and recruiters' own, which always take the embedding
     * model) over and over; synthetic answers when they are absent.
     */
    static void run() throws IOException {
        Path dir = ProjectLayout.root().resolve("../shared/calibration").normalize();
        if (!Files.isRegularFile(dir.resolve("answers.jsonl"))) {
            System.out.println("# " + dir + " not found: scoring synthetic answers instead");
            ScorerBenchmark.main(new String[] {"5"});
            return;
        }
        List<ScoringInput> inputs = new ArrayList<>();
        for (String file : List.of("answers.jsonl", "varied.jsonl")) {
            CalibrationSet.read(dir.resolve(file)).forEach(e -> inputs.add(e.input()));
        }
        dev.prescreen.scoring.RubricScorer scorer = new dev.prescreen.scoring.RubricScorer();
        Bench.figure("scorer_throughput", throughput(scorer, inputs, 3, 10), "answers/s");
        // the other interview languages: no embedding model, a lexical pack each
        for (String language : dev.prescreen.domain.Languages.SUPPORTED) {
            Path file = dir.resolve("languages/" + language + ".jsonl");
            if (Files.isRegularFile(file)) {
                List<ScoringInput> answers = CalibrationSet.read(file).stream().map(CalibrationSet.Example::input).toList();
                Bench.figure("scorer_throughput_" + language, throughput(scorer, answers, 1, 3), "answers/s");
            }
        }
    }

    /** Answers scored per second on one thread, after a warm-up. */
    private static double throughput(dev.prescreen.scoring.RubricScorer scorer, List<ScoringInput> inputs,
            int warmSeconds, int seconds) {
        Instant warmEnd = Instant.now().plusSeconds(warmSeconds);
        int i = 0;
        while (Instant.now().isBefore(warmEnd)) {
            scorer.score(inputs.get(i++ % inputs.size()));
        }
        long start = System.nanoTime();
        long answers = 0;
        while (System.nanoTime() - start < seconds * 1_000_000_000L) {
            scorer.score(inputs.get((int) (answers++ % inputs.size())));
        }
        return answers / ((System.nanoTime() - start) / 1e9);
    }

}
