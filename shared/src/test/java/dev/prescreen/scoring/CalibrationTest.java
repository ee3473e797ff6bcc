package dev.prescreen.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prescreen.scoring.eval.ScoringEvaluation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The scorer against the labelled calibration set kept beside the repository ({@code <repo>/../shared/calibration}).
 * Skipped when that directory is not there.
 */
class CalibrationTest {

    private static Path dir;

    @BeforeAll
    static void locate() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("cdk.json"))) {
            p = p.getParent();
        }
        dir = p == null ? Path.of("../shared/calibration") : p.resolve("../shared/calibration").normalize();
    }

    private static ScoringEvaluation.Summary evaluate(String file) throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(dir), "../shared/calibration not found: calibration test skipped");
        List<ScoringEvaluation.Row> rows = ScoringEvaluation.score(dir.resolve(file), new RubricScorer());
        assertThat(rows).isNotEmpty();
        return ScoringEvaluation.summarise(rows);
    }

    @Test
    void labelledAnswers() throws IOException {
        ScoringEvaluation.Summary s = evaluate("answers.jsonl");
        assertThat(s.spearman()).as(s.lastLine()).isGreaterThanOrEqualTo(0.85);
        assertThat(s.within1()).as(s.lastLine()).isGreaterThanOrEqualTo(0.95);
        assertThat(s.exact()).as(s.lastLine()).isGreaterThanOrEqualTo(0.65);
        assertThat(s.flagRecall()).as(s.lastLine()).isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void contrastPairsAreOrderedLikeTheirLabels() throws IOException {
        ScoringEvaluation.Summary s = evaluate("contrast_pairs.jsonl");
        assertThat(s.pairs()).isPositive();
        assertThat(s.pairAccuracy()).as(s.lastLine()).isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void nonNativeAndSpeechRecognitionVariantsScoreLikeTheOriginal() throws IOException {
        ScoringEvaluation.Summary s = evaluate("fairness_variants.jsonl");
        assertThat(s.groups()).isPositive();
        assertThat(s.fairnessMad()).as(s.lastLine()).isLessThanOrEqualTo(0.3);
    }
}
