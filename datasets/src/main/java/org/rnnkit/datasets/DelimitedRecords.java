package org.rnnkit.datasets;

import java.io.IOException;
import java.nio.file.Path;
import org.datavec.api.records.reader.impl.csv.SerializableCSVParser;

/**
 * Reads a delimited text file (CSV, TSV, …) record by record through DataVec's parser, skipping header
 * and blank lines; a malformed record raises a {@link DataFormatException} naming file and line.
 */
public final class DelimitedRecords {

    /** Receives each record's fields with the record's 1-based line number. */
    @FunctionalInterface
    public interface RecordHandler {
        void record(long line, String[] fields);
    }

    private DelimitedRecords() {
    }

    /** Calls {@code handler} for every data record after the first {@code headerLines} lines. */
    public static void forEach(Path file, char delimiter, int headerLines, RecordHandler handler) {
        SerializableCSVParser parser = new SerializableCSVParser(delimiter);
        StrictText.forEachLine(file, (n, line) -> {
            if (n <= headerLines || line.isBlank()) {
                return;
            }
            String[] fields;
            try {
                fields = parser.parseLine(line);
            } catch (IOException e) {
                throw DataFormatException.atLine(file, n, "a delimited record (" + e.getMessage() + ")");
            }
            handler.record(n, fields);
        });
    }
}
