package dev.prescreen.scheduling;

import dev.prescreen.domain.DomainException;
import dev.prescreen.domain.candidate.CandidateRow;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Candidate uploads as CSV with a header row: {@code name,email[,phone][,externalId]}, in any order. */
final class CandidateCsv {

    private CandidateCsv() {
    }

    static List<CandidateRow> parse(String csv) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).setAllowMissingColumnNames(true).get();
        String text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            Map<String, String> columns = new TreeMap<>();
            parser.getHeaderNames().forEach(header ->
                    columns.put(header.toLowerCase(Locale.ROOT).replace("_", "").replace(" ", ""), header));
            if (!columns.containsKey("name") || !columns.containsKey("email")) {
                throw new DomainException.InvalidInput("header", "the first row must name the columns, "
                        + "with at least name and email (and optionally phone, externalId)");
            }
            List<CandidateRow> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                rows.add(new CandidateRow((int) record.getRecordNumber(), value(record, columns.get("name")),
                        value(record, columns.get("email")), value(record, columns.get("phone")),
                        value(record, columns.get("externalid"))));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw new DomainException.InvalidInput("body", "is not valid CSV: " + e.getClass().getSimpleName());
        }
    }

    private static String value(CSVRecord record, String column) {
        return column != null && record.isMapped(column) && record.isSet(column) ? record.get(column) : null;
    }
}
