package dev.prescreen.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The golden set: answers the team wrote ({@code src/test/resources/golden/answers.jsonl}) with the score, deciding
 * rule and flags the scorer gave them under the version in the file's first line. {@link GoldenSetTest} fails on any
 * difference. To change outputs on purpose: raise {@link RubricScorer#VERSION}, then re-record with
 * {@code java -cp <test classpath> dev.prescreen.scoring.GoldenSet record}; recording refuses to change outputs
 * under an unchanged version.
 */
public final class GoldenSet {

    static final Path FILE = Path.of("src/test/resources/golden/answers.jsonl");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One golden answer and what it is expected to get. */
    record Golden(ObjectNode line, ScoringInput input, int score, String rule, List<String> flags) {
    }

    private GoldenSet() {
    }

    static String recordedVersion(Path file) throws IOException {
        return JSON.readTree(Files.readAllLines(file, StandardCharsets.UTF_8).get(0)).path("scorer_version").asText();
    }

    static List<Golden> read(Path file) throws IOException {
        List<Golden> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (String l : lines.subList(1, lines.size())) {
            if (l.isBlank()) {
                continue;
            }
            ObjectNode n = (ObjectNode) JSON.readTree(l);
            List<String> concepts = new ArrayList<>();
            n.path("concepts").forEach(c -> concepts.add(c.asText()));
            ScoringInput input = new ScoringInput(n.path("question").asText(),
                    QuestionType.fromLabel(n.path("question_type").asText()), concepts,
                    n.path("language").asText(ScoringInput.DEFAULT_LANGUAGE),
                    n.path("answer").asText(), text(n, "follow_up_answer"), text(n, "follow_up_question"));
            JsonNode expected = n.path("expected");
            List<String> flags = new ArrayList<>();
            expected.path("flags").forEach(f -> flags.add(f.asText()));
            out.add(new Golden(n, input, expected.path("score").asInt(), expected.path("rule").asText(), flags));
        }
        return out;
    }

    private static String text(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText() : null;
    }

    static List<String> flags(ScoreCard card) {
        return new ArrayList<>(new TreeSet<>(card.flags().stream().map(Flag::wireName).toList()));
    }

    /** Re-records the expected outputs; only under a new version if any output changes. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1 || !args[0].equals("record")) {
            System.err.println("usage: GoldenSet record");
            System.exit(2);
        }
        RubricScorer scorer = new RubricScorer();
        boolean changed = false;
        StringBuilder out = new StringBuilder("{\"scorer_version\":\"" + RubricScorer.VERSION + "\"}\n");
        for (Golden g : read(FILE)) {
            ScoreCard card = scorer.score(g.input());
            // an answer added without "expected" is recorded for the first time, which changes no output
            boolean recordedBefore = g.line().has("expected");
            changed |= recordedBefore && (card.score() != g.score() || !card.rule().equals(g.rule())
                    || !flags(card).equals(g.flags()));
            ObjectNode expected = JSON.createObjectNode();
            expected.put("score", card.score());
            expected.put("rule", card.rule());
            flags(card).forEach(expected.putArray("flags")::add);
            g.line().set("expected", expected);
            out.append(JSON.writeValueAsString(g.line())).append('\n');
        }
        if (changed && recordedVersion(FILE).equals(RubricScorer.VERSION)) {
            System.err.println("outputs changed under the same scorer version " + RubricScorer.VERSION
                    + ": raise RubricScorer.VERSION first");
            System.exit(1);
        }
        Files.writeString(FILE, out.toString(), StandardCharsets.UTF_8);
        System.out.println("recorded " + FILE + " under " + RubricScorer.VERSION);
    }
}
