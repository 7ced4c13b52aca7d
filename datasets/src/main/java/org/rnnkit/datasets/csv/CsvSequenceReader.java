package org.rnnkit.datasets.csv;

import org.rnnkit.datasets.DelimitedRecords;
import org.rnnkit.datasets.DataFormatException;
import org.rnnkit.datasets.LabelSet;
import org.rnnkit.datasets.NumericFields;
import org.rnnkit.datasets.SequenceDataset;
import org.rnnkit.datasets.SequenceExample;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads numeric sequences from delimited files (fields split by DataVec's {@link SerializableCSVParser}, so
 * quoted fields work): either one file per sequence ({@link #readFiles}) or one file whose {@code idColumn}
 * names the sequence of each row ({@link #readGrouped}; rows of a sequence keep their order). One column is the
 * class label; every other column is a feature. Labels are per sequence (then equal on all rows of a sequence)
 * or per step. Immutable; configure with the {@code with...} methods.
 */
public final class CsvSequenceReader {

    private final char delimiter;
    private final int headerLines;
    private final int labelColumn;
    private final int idColumn;
    private final boolean perStepLabels;
    private final LabelSet classes;

    private CsvSequenceReader(char delimiter, int headerLines, int labelColumn, int idColumn,
                              boolean perStepLabels, LabelSet classes) {
        this.delimiter = delimiter;
        this.headerLines = headerLines;
        this.labelColumn = labelColumn;
        this.idColumn = idColumn;
        this.perStepLabels = perStepLabels;
        this.classes = classes;
    }

    /** Comma-separated, no header, label in the last column, one label per sequence, classes inferred. */
    public static CsvSequenceReader create() {
        return new CsvSequenceReader(',', 0, -1, -1, false, null);
    }

    /** Field delimiter. */
    public CsvSequenceReader withDelimiter(char d) {
        return new CsvSequenceReader(d, headerLines, labelColumn, idColumn, perStepLabels, classes);
    }

    /** Number of header lines to skip at the top of each file. */
    public CsvSequenceReader withHeaderLines(int n) {
        return new CsvSequenceReader(delimiter, n, labelColumn, idColumn, perStepLabels, classes);
    }

    /** 0-based label column; -1 means the last column. */
    public CsvSequenceReader withLabelColumn(int column) {
        return new CsvSequenceReader(delimiter, headerLines, column, idColumn, perStepLabels, classes);
    }

    /** 0-based sequence-id column, used by {@link #readGrouped}. */
    public CsvSequenceReader withIdColumn(int column) {
        return new CsvSequenceReader(delimiter, headerLines, labelColumn, column, perStepLabels, classes);
    }

    /** Labels per step ({@code [mb, C, T]}) instead of per sequence ({@code [mb, C]}). */
    public CsvSequenceReader withPerStepLabels(boolean perStep) {
        return new CsvSequenceReader(delimiter, headerLines, labelColumn, idColumn, perStep, classes);
    }

    /** Known classes (a label outside them is an error) instead of classes inferred from the data. */
    public CsvSequenceReader withClasses(LabelSet known) {
        return new CsvSequenceReader(delimiter, headerLines, labelColumn, idColumn, perStepLabels, known);
    }

    private record Row(float[] features, String label, long line) {
    }

    private record RawSequence(Path file, List<Row> rows) {
    }

    /** Each file is one sequence, one row per step. */
    public SequenceDataset readFiles(List<Path> files) {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no files given");
        }
        List<RawSequence> sequences = new ArrayList<>();
        int[] width = {-1};
        for (Path file : files) {
            List<Row> rows = new ArrayList<>();
            parse(file, width, (id, row) -> rows.add(row));
            if (rows.isEmpty()) {
                throw DataFormatException.inFile(file, "at least one data row", null);
            }
            sequences.add(new RawSequence(file, rows));
        }
        return build(files.size() == 1 ? files.get(0).toString() : files.size() + " files", sequences);
    }

    /** One file; rows are grouped into sequences by the id column (which must be set). */
    public SequenceDataset readGrouped(Path file) {
        if (idColumn < 0) {
            throw new IllegalStateException("readGrouped needs withIdColumn(...)");
        }
        Map<String, List<Row>> groups = new LinkedHashMap<>();
        parse(file, new int[]{-1}, (id, row) -> groups.computeIfAbsent(id, k -> new ArrayList<>()).add(row));
        if (groups.isEmpty()) {
            throw DataFormatException.inFile(file, "at least one data row", null);
        }
        List<RawSequence> sequences = new ArrayList<>();
        groups.values().forEach(rows -> sequences.add(new RawSequence(file, rows)));
        return build(file.getFileName().toString(), sequences);
    }

    private interface RowSink {
        void accept(String id, Row row);
    }

    private void parse(Path file, int[] width, RowSink sink) {
        DelimitedRecords.forEach(file, delimiter, headerLines, (n, fields) -> {
            if (width[0] < 0) {
                width[0] = fields.length;
                int minimum = 2 + (idColumn >= 0 ? 1 : 0);
                if (fields.length < minimum || labelColumn >= fields.length || idColumn >= fields.length) {
                    throw DataFormatException.atLine(file, n, "at least " + minimum
                            + " fields including the label" + (idColumn >= 0 ? " and id" : "") + " columns, found "
                            + fields.length);
                }
            } else if (fields.length != width[0]) {
                throw DataFormatException.atLine(file, n, width[0] + " fields like the first row, found "
                        + fields.length);
            }
            int label = labelColumn < 0 ? fields.length - 1 : labelColumn;
            if (label == idColumn) {
                throw new IllegalStateException("the label column and the id column are both column " + label);
            }
            float[] features = new float[fields.length - 1 - (idColumn >= 0 ? 1 : 0)];
            int k = 0;
            for (int i = 0; i < fields.length; i++) {
                if (i != label && i != idColumn) {
                    features[k++] = NumericFields.parse(fields[i], file, n, i + 1);
                }
            }
            String labelText = fields[label].strip();
            if (labelText.isEmpty()) {
                throw DataFormatException.atField(file, n, label + 1, "a class label, found an empty field");
            }
            if (classes != null && classes.indexOf(labelText) < 0) {
                throw DataFormatException.atField(file, n, label + 1, "one of the classes " + classes.names()
                        + ", found \"" + NumericFields.abbreviate(labelText) + "\"");
            }
            sink.accept(idColumn >= 0 ? fields[idColumn].strip() : "", new Row(features, labelText, n));
        });
    }

    private SequenceDataset build(String name, List<RawSequence> sequences) {
        List<String> observed = new ArrayList<>();
        for (RawSequence s : sequences) {
            String first = s.rows().get(0).label();
            for (Row r : s.rows()) {
                if (!perStepLabels && !r.label().equals(first)) {
                    throw DataFormatException.atLine(s.file(), r.line(), "the sequence's label \"" + first
                            + "\" on every row (per-sequence labels), found \"" + r.label() + "\"");
                }
                observed.add(r.label());
            }
        }
        LabelSet set = classes != null ? classes : LabelSet.sorted(observed);
        List<SequenceExample> examples = new ArrayList<>(sequences.size());
        for (RawSequence s : sequences) {
            float[][] features = new float[s.rows().size()][];
            float[][] labels = new float[perStepLabels ? features.length : 1][set.size()];
            for (int t = 0; t < features.length; t++) {
                features[t] = s.rows().get(t).features();
                if (perStepLabels || t == 0) {
                    labels[t][set.indexOf(s.rows().get(t).label())] = 1f;
                }
            }
            examples.add(new SequenceExample(features, labels));
        }
        return new SequenceDataset(name, examples, !perStepLabels, set);
    }
}
