package org.rnnkit.datasets.csv;

import org.rnnkit.datasets.DataFormatException;
import org.rnnkit.datasets.LabelSet;
import org.rnnkit.datasets.NumericFields;
import org.rnnkit.datasets.SequenceDataset;
import org.rnnkit.datasets.SequenceExample;
import org.rnnkit.datasets.StrictText;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the UCI synthetic control chart file: one series per line (values separated by whitespace), no label
 * column; the class is the line's block: six equal blocks in the order of {@link #CLASSES}, so the label of
 * line i (0-based) of n lines is {@code i / (n / 6)}. The line count must be a multiple of 6.
 */
public final class ControlChartFile {

    /** The six classes, in the file's block order. */
    public static final LabelSet CLASSES = LabelSet.of("normal", "cyclic", "increasing trend",
            "decreasing trend", "upward shift", "downward shift");

    private ControlChartFile() {
    }

    /** Reads the file as a many-to-one data set with features {@code [T][1]}. */
    public static SequenceDataset read(Path file) {
        List<float[][]> series = new ArrayList<>();
        StrictText.forEachLine(file, (n, line) -> {
            String[] fields = NumericFields.splitLoose(line);
            if (fields.length == 0) {
                throw DataFormatException.atLine(file, n, "a series of values (blank lines would shift the class blocks)");
            }
            if (!series.isEmpty() && fields.length != series.get(0).length) {
                throw DataFormatException.atLine(file, n, series.get(0).length + " values like line 1, found "
                        + fields.length);
            }
            float[][] values = new float[fields.length][1];
            for (int i = 0; i < fields.length; i++) {
                values[i][0] = NumericFields.parse(fields[i], file, n, i + 1);
            }
            series.add(values);
        });
        if (series.isEmpty() || series.size() % CLASSES.size() != 0) {
            throw DataFormatException.inFile(file, "a positive multiple of 6 lines (six class blocks), found "
                    + series.size(), null);
        }
        int block = series.size() / CLASSES.size();
        List<SequenceExample> examples = new ArrayList<>(series.size());
        for (int i = 0; i < series.size(); i++) {
            examples.add(new SequenceExample(series.get(i), SequenceExample.oneHot(i / block, CLASSES.size())));
        }
        return new SequenceDataset(file.getFileName().toString(), examples, true, CLASSES);
    }
}
