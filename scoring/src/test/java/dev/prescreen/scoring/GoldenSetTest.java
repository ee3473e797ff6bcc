package dev.prescreen.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every output of the scorer on the golden set is what was recorded, under the version recorded: a change to any
 * score, deciding rule or flag fails here until {@link RubricScorer#VERSION} is raised and the set re-recorded, so
 * two reports scored by different rules never carry the same version.
 */
class GoldenSetTest {

    @Test
    void outputsAreThoseRecordedUnderThisVersion() throws IOException {
        List<GoldenSet.Golden> golden = GoldenSet.read(GoldenSet.FILE);
        assertThat(golden).hasSizeGreaterThanOrEqualTo(20);
        assertThat(GoldenSet.recordedVersion(GoldenSet.FILE))
                .as("the golden set was recorded under another scorer version: re-record it (see GoldenSet)")
                .isEqualTo(RubricScorer.VERSION);
        RubricScorer scorer = new RubricScorer();
        List<String> differences = new ArrayList<>();
        for (GoldenSet.Golden g : golden) {
            ScoreCard card = scorer.score(g.input());
            if (card.score() != g.score() || !card.rule().equals(g.rule()) || !GoldenSet.flags(card).equals(g.flags())) {
                differences.add(g.line().path("id").asText() + ": expected " + g.score() + " " + g.rule() + " "
                        + g.flags() + ", got " + card.score() + " " + card.rule() + " " + GoldenSet.flags(card));
            }
            assertThat(card.scorerVersion()).startsWith(RubricScorer.VERSION);
        }
        assertThat(differences).as("scorer outputs changed: raise RubricScorer.VERSION and re-record the golden set")
                .isEmpty();
    }

    @Test
    void theGoldenSetHoldsAnswersInEveryInterviewLanguage() throws IOException {
        List<GoldenSet.Golden> golden = GoldenSet.read(GoldenSet.FILE);
        assertThat(golden).allSatisfy(g -> assertThat(g.line().has("expected")).as(g.line().path("id").asText()).isTrue());
        for (String language : dev.prescreen.scoring.language.LanguagePacks.languages()) {
            assertThat(golden).as(language).filteredOn(g -> g.input().language().equals(language)).hasSizeGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void theGoldenSetCoversEveryTypeAndEveryFlag() throws IOException {
        List<GoldenSet.Golden> golden = GoldenSet.read(GoldenSet.FILE);
        for (QuestionType type : QuestionType.values()) {
            assertThat(golden).as(type.label()).anyMatch(g -> g.input().type() == type);
        }
        for (String flag : List.of("prompt_injection", "no_answer", "keyword_stuffing", "off_topic", "hypothetical",
                "we_not_i")) {
            assertThat(golden).as(flag).anyMatch(g -> g.flags().contains(flag));
        }
    }
}
