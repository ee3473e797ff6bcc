package dev.prescreen.calibration;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.prescreen.calibration.CalibrationSet.Example;
import dev.prescreen.calibration.Summary.Row;
import dev.prescreen.scoring.RubricScorer;
import dev.prescreen.scoring.language.LanguagePacks;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores labelled JSONL files and prints agreement with the labels, per file, in-sample (the shipped thresholds)
 * and cross-validated (thresholds refitted without the answer's fold). Usage:
 * {@code ScoringEvaluation FILE.jsonl [FILE.jsonl…] [--json] [--folds K]}. The answers of all files given are pooled
 * for fitting; figures are reported per file and, where a file has several, per language. The last line of each
 * file's report is its summary: {@code spearman=… qwk=… exact=… within1=… flag_recall=… off_topic_precision=… n=…}.
 */
public final class ScoringEvaluation {

    private ScoringEvaluation() {
    }

    public static void main(String[] args) throws IOException {
        List<Path> files = new ArrayList<>();
        boolean json = false;
        int folds = CrossValidation.DEFAULT_FOLDS;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--json" -> json = true;
                case "--folds" -> folds = Integer.parseInt(args[++i]);
                default -> files.add(Path.of(args[i]));
            }
        }
        if (files.isEmpty() || folds < 2) {
            System.err.println("usage: ScoringEvaluation FILE.jsonl [FILE.jsonl...] [--json] [--folds K>=2]");
            System.exit(2);
        }
        CrossValidation.Result result;
        try {
            result = evaluate(files, new RubricScorer(), folds);
        } catch (IllegalArgumentException e) {
            System.err.println("eval-scoring: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (json) {
            printJson(result, System.out);
        } else {
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (only(result.inSample(), name).isEmpty()) {
                    continue;
                }
                EvaluationReport.print(name, only(result.inSample(), name), only(result.crossValidated(), name),
                        folds, System.out);
            }
        }
    }

    public static CrossValidation.Result evaluate(List<Path> files, RubricScorer scorer, int folds) throws IOException {
        List<Example> examples = new ArrayList<>();
        Map<String, Integer> skipped = new java.util.TreeMap<>();
        for (Path f : files) {
            for (Example e : CalibrationSet.read(f)) {
                if (LanguagePacks.supports(e.language())) {
                    examples.add(e);
                } else {
                    skipped.merge(e.language(), 1, Integer::sum);
                }
            }
        }
        // a language without its pack is not scored with another language's: its figures would mean nothing
        skipped.forEach((language, n) -> System.out.println("# skipped " + n + " answers in " + language
                + ": no language pack for it yet"));
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("no answer in a language the scorer has a pack for");
        }
        return CrossValidation.run(examples, scorer, folds);
    }

    public static List<Row> only(List<Row> rows, String file) {
        return rows.stream().filter(r -> r.example().file().equals(file)).toList();
    }

    /** One object per answer (today's fields plus the deciding rule and the cross-validated score), then summaries. */
    public static void printJson(CrossValidation.Result result, PrintStream out) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        ArrayNode answers = root.putArray("answers");
        for (int i = 0; i < result.inSample().size(); i++) {
            Row r = result.inSample().get(i);
            ObjectNode a = answers.addObject();
            a.put("id", r.example().id());
            a.put("file", r.example().file());
            a.put("language", r.example().language());
            a.put("question_type", r.example().type().label());
            a.put("label", r.label());
            a.put("predicted", r.predicted());
            a.put("predicted_cv", result.crossValidated().get(i).predicted());
            ArrayNode lf = a.putArray("label_flags");
            r.example().labelFlags().forEach(f -> lf.add(f.wireName()));
            ArrayNode flags = a.putArray("flags");
            r.card().flags().forEach(f -> flags.add(f.wireName()));
            a.put("rule", r.card().rule());
            a.put("reason", r.card().reason());
            a.set("evidence", mapper.valueToTree(r.card().evidence()));
            a.set("features", mapper.valueToTree(r.card().features()));
        }
        Map<String, List<Row>> inByFile = new LinkedHashMap<>();
        Map<String, List<Row>> cvByFile = new LinkedHashMap<>();
        for (int i = 0; i < result.inSample().size(); i++) {
            String file = result.inSample().get(i).example().file();
            inByFile.computeIfAbsent(file, k -> new ArrayList<>()).add(result.inSample().get(i));
            cvByFile.computeIfAbsent(file, k -> new ArrayList<>()).add(result.crossValidated().get(i));
        }
        ObjectNode summaries = root.putObject("summary");
        inByFile.forEach((file, rows) -> {
            ObjectNode s = summaries.putObject(file);
            s.set("in_sample", mapper.valueToTree(Summary.of(rows)));
            s.set("cross_validated", mapper.valueToTree(Summary.of(cvByFile.get(file))));
        });
        out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    }
}
