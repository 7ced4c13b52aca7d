package org.rnnkit.datasets.timeseries;

import org.rnnkit.datasets.DelimitedRecords;
import org.rnnkit.datasets.DataFormatException;
import org.rnnkit.datasets.NumericFields;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one numeric series {@code [T][columns]} from a delimited file (one row per step, fields split by
 * DataVec's {@link SerializableCSVParser}), taking only the chosen columns so that e.g. a date column can be
 * left out. Immutable; configure with the {@code with...} methods.
 */
public final class SeriesReader {

    private final int[] columns;
    private final char delimiter;
    private final int headerLines;

    private SeriesReader(int[] columns, char delimiter, int headerLines) {
        if (columns.length == 0) {
            throw new IllegalArgumentException("choose at least one column");
        }
        this.columns = columns.clone();
        this.delimiter = delimiter;
        this.headerLines = headerLines;
    }

    /** Reads the given 0-based columns of a comma-separated file without header. */
    public static SeriesReader columns(int... columns) {
        return new SeriesReader(columns, ',', 0);
    }

    /** Field delimiter. */
    public SeriesReader withDelimiter(char d) {
        return new SeriesReader(columns, d, headerLines);
    }

    /** Number of header lines to skip. */
    public SeriesReader withHeaderLines(int n) {
        return new SeriesReader(columns, delimiter, n);
    }

    /** The series; every row must have the chosen columns, all numeric and finite. */
    public float[][] read(Path file) {
        List<float[]> rows = new ArrayList<>();
        DelimitedRecords.forEach(file, delimiter, headerLines, (n, fields) -> {
            float[] row = new float[columns.length];
            for (int i = 0; i < columns.length; i++) {
                int c = columns[i];
                if (c >= fields.length) {
                    throw DataFormatException.atLine(file, n, "at least " + (c + 1) + " fields, found " + fields.length);
                }
                row[i] = NumericFields.parse(fields[c], file, n, c + 1);
            }
            rows.add(row);
        });
        if (rows.isEmpty()) {
            throw DataFormatException.inFile(file, "at least one data row", null);
        }
        return rows.toArray(new float[0][]);
    }
}
