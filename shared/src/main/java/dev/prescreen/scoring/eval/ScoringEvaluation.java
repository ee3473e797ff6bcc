package dev.prescreen.scoring.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.prescreen.domain.QuestionType;
import dev.prescreen.domain.bank.BankQuestion;
import dev.prescreen.domain.bank.QuestionBank;
import dev.prescreen.domain.bank.QuestionBanks;
import dev.prescreen.scoring.AnswerScorer;
import dev.prescreen.scoring.Flag;
import dev.prescreen.scoring.RubricScorer;
import dev.prescreen.scoring.ScoreCard;
import dev.prescreen.scoring.ScoringInput;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Scores a labelled JSONL file and prints agreement with the labels. Usage: {@code ScoringEvaluation FILE.jsonl
 * [--json]}. Lines carry {@code id, question_no, question_type, question, answer, score, flags} and optionally
 * {@code pair_id} (contrast pairs) or {@code group_id} (fairness variants; the original's id ends with
 * {@code -orig}). The last line of the text report is the summary:
 * {@code spearman=… qwk=… exact=… within1=… flag_recall=… n=…}.
 */
public final class ScoringEvaluation {

    /** One scored line. */
    public record Row(String id, int questionNo, QuestionType type, int label, Set<Flag> labelFlags, String pairId,
                      String groupId, ScoreCard card) {
    }

    /** The figures of one evaluation run. */
    public record Summary(int n, double spearman, double qwk, double exact, double within1, double flagRecall,
                          Double pairAccuracy, int pairs, Double fairnessMad, int groups) {

        public String lastLine() {
            return String.format(Locale.ROOT, "spearman=%.3f qwk=%.3f exact=%.3f within1=%.3f flag_recall=%.3f n=%d",
                    spearman, qwk, exact, within1, flagRecall, n);
        }
    }

    private ScoringEvaluation() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: ScoringEvaluation FILE.jsonl [--json]");
            System.exit(2);
        }
        boolean json = List.of(args).contains("--json");
        List<Row> rows = score(Path.of(args[0]), new RubricScorer());
        if (json) {
            printJson(rows, System.out);
        } else {
            printReport(rows, System.out);
        }
    }

    public static List<Row> score(Path file, AnswerScorer scorer) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        QuestionBank bank = QuestionBanks.builtIn().find("backend-engineer").orElse(null);
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode n = mapper.readTree(line);
            int no = n.path("question_no").asInt();
            String question = n.path("question").asText();
            QuestionType type = QuestionType.fromLabel(n.path("question_type").asText());
            List<String> concepts = List.of();
            if (bank != null) {
                concepts = bank.question(no).filter(q -> normalise(q.text()).equals(normalise(question)))
                        .map(BankQuestion::concepts).orElse(List.of());
            }
            Set<Flag> labelFlags = EnumSet.noneOf(Flag.class);
            n.path("flags").forEach(f -> labelFlags.add(Flag.fromWireName(f.asText())));
            ScoreCard card = scorer.score(ScoringInput.of(question, type, concepts, n.path("answer").asText()));
            rows.add(new Row(n.path("id").asText(), no, type, n.path("score").asInt(), labelFlags,
                    n.hasNonNull("pair_id") ? n.get("pair_id").asText() : null,
                    n.hasNonNull("group_id") ? n.get("group_id").asText() : null, card));
        }
        return rows;
    }

    private static String normalise(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip();
    }

    public static Summary summarise(List<Row> rows) {
        int[] truth = rows.stream().mapToInt(Row::label).toArray();
        int[] pred = rows.stream().mapToInt(r -> r.card().score()).toArray();
        int labelled = 0;
        int found = 0;
        for (Row r : rows) {
            for (Flag f : r.labelFlags()) {
                labelled++;
                if (r.card().has(f)) {
                    found++;
                }
            }
        }
        Map<String, List<Row>> pairs = new LinkedHashMap<>();
        Map<String, List<Row>> groups = new LinkedHashMap<>();
        for (Row r : rows) {
            if (r.pairId() != null) {
                pairs.computeIfAbsent(r.pairId(), k -> new ArrayList<>()).add(r);
            }
            if (r.groupId() != null) {
                groups.computeIfAbsent(r.groupId(), k -> new ArrayList<>()).add(r);
            }
        }
        List<EvaluationMetrics.Pair> pairList = new ArrayList<>();
        for (List<Row> p : pairs.values()) {
            if (p.size() == 2) {
                pairList.add(new EvaluationMetrics.Pair(p.get(0).label(), p.get(1).label(),
                        p.get(0).card().score(), p.get(1).card().score()));
            }
        }
        List<EvaluationMetrics.Variant> variants = new ArrayList<>();
        int groupCount = 0;
        for (List<Row> g : groups.values()) {
            Row original = g.stream().filter(r -> r.id().endsWith("-orig")).findFirst().orElse(g.get(0));
            groupCount++;
            for (Row r : g) {
                if (r != original) {
                    variants.add(new EvaluationMetrics.Variant(original.card().score(), r.card().score()));
                }
            }
        }
        return new Summary(rows.size(), EvaluationMetrics.spearman(truth, pred),
                EvaluationMetrics.quadraticWeightedKappa(truth, pred), EvaluationMetrics.exact(truth, pred),
                EvaluationMetrics.withinOne(truth, pred), EvaluationMetrics.ratio(found, labelled),
                pairs.isEmpty() ? null : EvaluationMetrics.pairAccuracy(pairList), pairList.size(),
                groups.isEmpty() ? null : EvaluationMetrics.fairnessMad(variants), groupCount);
    }

    public static void printReport(List<Row> rows, PrintStream out) {
        out.println("type          n  exact  within1    mae");
        for (QuestionType type : QuestionType.values()) {
            List<Row> sub = rows.stream().filter(r -> r.type() == type).toList();
            if (sub.isEmpty()) {
                continue;
            }
            int[] t = sub.stream().mapToInt(Row::label).toArray();
            int[] p = sub.stream().mapToInt(r -> r.card().score()).toArray();
            out.printf(Locale.ROOT, "%-12s %2d  %.3f    %.3f  %.3f%n", type.label(), sub.size(),
                    EvaluationMetrics.exact(t, p), EvaluationMetrics.withinOne(t, p),
                    EvaluationMetrics.meanAbsoluteError(t, p));
        }
        int[][] m = EvaluationMetrics.confusion(rows.stream().mapToInt(Row::label).toArray(),
                rows.stream().mapToInt(r -> r.card().score()).toArray());
        out.println("confusion (rows = label 1..5, columns = predicted 1..5)");
        for (int i = 0; i < 5; i++) {
            StringBuilder sb = new StringBuilder("  " + (i + 1) + ":");
            for (int j = 0; j < 5; j++) {
                sb.append(String.format(Locale.ROOT, "%4d", m[i][j]));
            }
            out.println(sb);
        }
        out.println("flag               labelled predicted  precision recall");
        for (Flag flag : Flag.values()) {
            int labelled = 0;
            int predicted = 0;
            int both = 0;
            for (Row r : rows) {
                boolean l = r.labelFlags().contains(flag);
                boolean p = r.card().has(flag);
                labelled += l ? 1 : 0;
                predicted += p ? 1 : 0;
                both += l && p ? 1 : 0;
            }
            out.printf(Locale.ROOT, "%-18s %8d %9d  %9.3f %6.3f%n", flag.wireName(), labelled, predicted,
                    EvaluationMetrics.ratio(both, predicted), EvaluationMetrics.ratio(both, labelled));
        }
        Summary s = summarise(rows);
        if (s.pairAccuracy() != null) {
            out.printf(Locale.ROOT, "pair_accuracy=%.3f pairs=%d%n", s.pairAccuracy(), s.pairs());
        }
        if (s.fairnessMad() != null) {
            out.printf(Locale.ROOT, "fairness_mad=%.3f groups=%d%n", s.fairnessMad(), s.groups());
        }
        out.println(s.lastLine());
    }

    public static void printJson(List<Row> rows, PrintStream out) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        ArrayNode answers = root.putArray("answers");
        for (Row r : rows) {
            ObjectNode a = answers.addObject();
            a.put("id", r.id());
            a.put("question_type", r.type().label());
            a.put("label", r.label());
            a.put("predicted", r.card().score());
            ArrayNode lf = a.putArray("label_flags");
            r.labelFlags().forEach(f -> lf.add(f.wireName()));
            ArrayNode flags = a.putArray("flags");
            r.card().flags().forEach(f -> flags.add(f.wireName()));
            a.put("reason", r.card().reason());
            a.set("evidence", mapper.valueToTree(r.card().evidence()));
            a.set("features", mapper.valueToTree(r.card().features()));
        }
        Summary s = summarise(rows);
        ObjectNode summary = root.putObject("summary");
        summary.put("spearman", s.spearman());
        summary.put("qwk", s.qwk());
        summary.put("exact", s.exact());
        summary.put("within1", s.within1());
        summary.put("flag_recall", s.flagRecall());
        summary.put("n", s.n());
        if (s.pairAccuracy() != null) {
            summary.put("pair_accuracy", s.pairAccuracy());
            summary.put("pairs", s.pairs());
        }
        if (s.fairnessMad() != null) {
            summary.put("fairness_mad", s.fairnessMad());
            summary.put("groups", s.groups());
        }
        out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    }
}
