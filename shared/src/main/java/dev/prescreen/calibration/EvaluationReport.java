package dev.prescreen.calibration;

import dev.prescreen.calibration.Summary.Row;
import dev.prescreen.scoring.Flag;
import dev.prescreen.scoring.QuestionType;
import dev.prescreen.scoring.eval.EvaluationMetrics;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/** The text report of one file: summaries, per type, per language, confusion matrix, per-flag precision and recall. */
final class EvaluationReport {

    private EvaluationReport() {
    }

    static void print(String file, List<Row> inSample, List<Row> crossValidated, int folds, PrintStream out) {
        Summary in = Summary.of(inSample);
        Summary cv = Summary.of(crossValidated);
        out.printf(Locale.ROOT, "== %s (n=%d)%n", file, in.n());
        out.println("                 spearman    qwk  exact within1 flag_recall off_topic_prec  pairs  fairness");
        line(out, "in-sample", in);
        line(out, folds + "-fold cv", cv);
        out.println("type          n  exact  within1    mae   exact_cv within1_cv");
        for (QuestionType type : QuestionType.values()) {
            List<Row> sub = inSample.stream().filter(r -> r.example().type() == type).toList();
            List<Row> subCv = crossValidated.stream().filter(r -> r.example().type() == type).toList();
            if (!sub.isEmpty()) {
                int[] t = labels(sub);
                int[] p = predicted(sub);
                out.printf(Locale.ROOT, "%-12s %3d  %.3f    %.3f  %.3f   %.3f    %.3f%n", type.label(), sub.size(),
                        EvaluationMetrics.exact(t, p), EvaluationMetrics.withinOne(t, p),
                        EvaluationMetrics.meanAbsoluteError(t, p), EvaluationMetrics.exact(labels(subCv), predicted(subCv)),
                        EvaluationMetrics.withinOne(labels(subCv), predicted(subCv)));
            }
        }
        TreeSet<String> languages = new TreeSet<>();
        inSample.forEach(r -> languages.add(r.example().language()));
        if (languages.size() > 1) {
            out.println("language      n  spearman  within1  spearman_cv within1_cv");
            for (String language : languages) {
                Summary l = Summary.of(inSample.stream().filter(r -> r.example().language().equals(language)).toList());
                Summary lcv = Summary.of(crossValidated.stream()
                        .filter(r -> r.example().language().equals(language)).toList());
                out.printf(Locale.ROOT, "%-10s %4d  %.3f     %.3f    %.3f       %.3f%n", language, l.n(), l.spearman(),
                        l.within1(), lcv.spearman(), lcv.within1());
            }
        }
        int[][] m = EvaluationMetrics.confusion(labels(inSample), predicted(inSample));
        out.println("confusion, in-sample (rows = label 1..5, columns = predicted 1..5)");
        for (int i = 0; i < 5; i++) {
            StringBuilder sb = new StringBuilder("  " + (i + 1) + ":");
            for (int j = 0; j < 5; j++) {
                sb.append(String.format(Locale.ROOT, "%4d", m[i][j]));
            }
            out.println(sb);
        }
        out.println("flag               labelled predicted  precision recall  precision_cv recall_cv");
        for (Flag flag : Flag.values()) {
            long labelled = inSample.stream().filter(r -> r.example().labelFlags().contains(flag)).count();
            long predicted = inSample.stream().filter(r -> r.card().has(flag)).count();
            out.printf(Locale.ROOT, "%-18s %8d %9d  %9.3f %6.3f  %12.3f %9.3f%n", flag.wireName(), labelled, predicted,
                    Summary.precision(inSample, flag), Summary.recall(inSample, flag),
                    Summary.precision(crossValidated, flag), Summary.recall(crossValidated, flag));
        }
        if (in.pairAccuracy() != null) {
            out.printf(Locale.ROOT, "pair_accuracy=%.3f pair_accuracy_cv=%.3f pairs=%d%n", in.pairAccuracy(),
                    cv.pairAccuracy(), in.pairs());
        }
        if (in.fairnessMad() != null) {
            out.printf(Locale.ROOT, "fairness_mad=%.3f fairness_mad_cv=%.3f groups=%d%n", in.fairnessMad(),
                    cv.fairnessMad(), in.groups());
        }
        out.println("cv: " + cv.lastLine());
        out.println(in.lastLine());
    }

    private static void line(PrintStream out, String name, Summary s) {
        out.printf(Locale.ROOT, "%-15s %8.3f %6.3f %6.3f %7.3f %11.3f %14.3f %6s %9s%n", name, s.spearman(), s.qwk(),
                s.exact(), s.within1(), s.flagRecall(), s.offTopicPrecision(),
                s.pairAccuracy() == null ? "-" : String.format(Locale.ROOT, "%.3f", s.pairAccuracy()),
                s.fairnessMad() == null ? "-" : String.format(Locale.ROOT, "%.3f", s.fairnessMad()));
    }

    private static int[] labels(List<Row> rows) {
        return rows.stream().mapToInt(Row::label).toArray();
    }

    private static int[] predicted(List<Row> rows) {
        return rows.stream().mapToInt(Row::predicted).toArray();
    }
}
