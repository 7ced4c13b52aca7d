package org.rnnkit.datasets.csv;

import org.rnnkit.datasets.DataFormatException;
import org.rnnkit.datasets.LabelSet;
import org.rnnkit.datasets.NumericFields;
import org.rnnkit.datasets.RecordErrors;
import org.rnnkit.datasets.SequenceDataset;
import org.rnnkit.datasets.SequenceExample;
import org.rnnkit.datasets.StrictText;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the UCR archive's text format: one univariate series per line, the class label first, then the values,
 * separated by whitespace and/or commas. All series of a file must have the same length. Produces a
 * many-to-one {@link SequenceDataset} (features {@code [T][1]}, one-hot label per sequence).
 */
public final class UcrReader {

    private UcrReader() {
    }

    /**
     * Reads a training file, inferring the classes from its labels (sorted numerically when numeric). Read a
     * test file with {@link #read(Path, LabelSet)} and the training classes, so that its labels get the same
     * indices even when it holds only some of the classes.
     */
    public static SequenceDataset read(Path file) {
        return read(file, null, RecordErrors.failFast());
    }

    /** Reads a file whose labels must be among {@code classes} (the training file's), with their indices. */
    public static SequenceDataset read(Path file, LabelSet classes) {
        if (classes == null) {
            throw new IllegalArgumentException("classes: the training data's label set, got null");
        }
        return read(file, classes, RecordErrors.failFast());
    }

    /**
     * Reads a file with known classes (e.g. the training file's, for the test file; a label outside them is an
     * error), or inferred classes when {@code classes} is null.
     */
    public static SequenceDataset read(Path file, LabelSet classes, RecordErrors errors) {
        List<String> labels = new ArrayList<>();
        List<float[][]> series = new ArrayList<>();
        int[] length = {-1};
        StrictText.forEachLine(file, (n, line) -> {
            String[] fields = NumericFields.splitLoose(line);
            if (fields.length == 0) {
                return;
            }
            try {
                if (fields.length < 2) {
                    throw DataFormatException.atLine(file, n, "a label followed by at least one value");
                }
                if (length[0] >= 0 && fields.length - 1 != length[0]) {
                    throw DataFormatException.atLine(file, n, length[0] + " values like the first series, found "
                            + (fields.length - 1));
                }
                String label = canonicalLabel(fields[0], file, n);
                if (classes != null && classes.indexOf(label) < 0) {
                    throw DataFormatException.atField(file, n, 1, "one of the classes " + classes.names()
                            + ", found \"" + fields[0] + "\"");
                }
                float[][] values = new float[fields.length - 1][1];
                for (int i = 1; i < fields.length; i++) {
                    values[i - 1][0] = NumericFields.parse(fields[i], file, n, i + 1);
                }
                length[0] = fields.length - 1;
                labels.add(label);
                series.add(values);
            } catch (DataFormatException e) {
                errors.handle(e);
            }
        });
        if (series.isEmpty()) {
            throw DataFormatException.inFile(file, "at least one series (label then values)", null);
        }
        LabelSet set = classes != null ? classes : LabelSet.sorted(labels);
        List<SequenceExample> examples = new ArrayList<>(series.size());
        for (int i = 0; i < series.size(); i++) {
            examples.add(new SequenceExample(series.get(i), SequenceExample.oneHot(set.indexOf(labels.get(i)),
                    set.size())));
        }
        return new SequenceDataset(file.getFileName().toString(), examples, true, set);
    }

    /** UCR labels are written as floats ("1.0000000e+00"); integral ones become "1", "-1". */
    private static String canonicalLabel(String raw, Path file, long line) {
        float v = NumericFields.parse(raw, file, line, 1);
        return v == Math.rint(v) ? Integer.toString((int) v) : Float.toString(v);
    }
}
