package dev.prescreen.compliance;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.prescreen.api.ApiResponses;
import dev.prescreen.domain.compliance.ImpactRatioService;
import dev.prescreen.domain.compliance.ImpactRatios;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Impact ratios as one CSV table, for the auditor's spreadsheet: a row per category of each dimension, then the
 * dimension's unknown count (never in the ratios). Every cell is the server's own text or a number.
 */
final class ImpactRatioCsv {

    private static final String[] HEADER = {"scope", "planId", "from", "to", "sampleSize", "medianOverall",
        "dimension", "category", "label", "candidates", "shareOfSample", "selectionRate", "selectionImpactRatio",
        "scoringRate", "scoringImpactRatio", "excluded", "fewCandidates", "belowFourFifths", "sampleTooSmall", "note"};

    private ImpactRatioCsv() {
    }

    static APIGatewayV2HTTPResponse response(ImpactRatioService.ImpactRatioReport report) {
        return ApiResponses.text(200, "text/csv; charset=utf-8", csv(report),
                Map.of("Content-Disposition", "attachment; filename=\"impact-ratios.csv\""));
    }

    static String csv(ImpactRatioService.ImpactRatioReport report) {
        StringWriter out = new StringWriter();
        ImpactRatios.Result result = report.result();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(HEADER).get())) {
            for (ImpactRatios.Dimension dimension : result.dimensions()) {
                for (ImpactRatios.Category c : dimension.categories()) {
                    printer.printRecord(report.scope(), report.planId(), report.from(), report.to(),
                            result.sampleSize(), result.medianOverall(), dimension.name(), c.category(), c.label(),
                            c.candidates(), c.shareOfSample(), c.selectionRate(), c.selectionImpactRatio(),
                            c.scoringRate(), c.scoringImpactRatio(), c.excluded(), c.fewCandidates(),
                            c.belowFourFifths(), dimension.sampleTooSmall(), c.note());
                }
                if (dimension.withheld()) {
                    printer.printRecord(report.scope(), report.planId(), report.from(), report.to(),
                            result.sampleSize(), result.medianOverall(), dimension.name(), "withheld",
                            "Known categories (withheld)", dimension.knownCandidates(), null, null, null, null, null,
                            true, false, false, dimension.sampleTooSmall(), dimension.note());
                }
                printer.printRecord(report.scope(), report.planId(), report.from(), report.to(), result.sampleSize(),
                        result.medianOverall(), dimension.name(), "unknown", "Unknown (not given or declined)",
                        dimension.unknownCandidates(), null, null, null, null, null, true, false, false,
                        dimension.sampleTooSmall(), "counted apart, never in the ratios");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
