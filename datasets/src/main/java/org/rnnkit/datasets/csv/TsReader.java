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
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads the UEA/sktime {@code .ts} format: {@code #} comment lines, {@code @} header lines (the class names come
 * from {@code @classLabel true name...}; {@code @dimensions} is checked when present), then after
 * {@code @data} one case per line: channels separated by {@code :}, each a comma-separated list of values (all
 * channels of a case equally long; cases may differ in length), and the class label last. Missing values
 * ({@code ?}) and time-stamped files are rejected. Produces a many-to-one {@link SequenceDataset} with features {@code [T][channels]}.
 */
public final class TsReader {

    private TsReader() {
    }

    /** Reads a file, failing on the first bad case. */
    public static SequenceDataset read(Path file) {
        return read(file, RecordErrors.failFast());
    }

    /** Reads a file; bad cases go to {@code errors} (which may skip them). */
    public static SequenceDataset read(Path file, RecordErrors errors) {
        State s = new State(file);
        StrictText.forEachLine(file, (n, line) -> s.line(n, line, errors));
        if (s.classes == null) {
            throw DataFormatException.inFile(file, "a header line \"@classLabel true <names...>\"", null);
        }
        if (!s.inData) {
            throw DataFormatException.inFile(file, "a line \"@data\" followed by cases", null);
        }
        if (s.examples.isEmpty()) {
            throw DataFormatException.inFile(file, "at least one case after @data", null);
        }
        return new SequenceDataset(file.getFileName().toString(), s.examples, true, s.classes);
    }

    private static final class State {
        final Path file;
        LabelSet classes;
        int dimensions = -1;
        boolean inData;
        final List<SequenceExample> examples = new ArrayList<>();

        State(Path file) {
            this.file = file;
        }

        void line(long n, String raw, RecordErrors errors) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                return;
            }
            if (!inData) {
                header(n, line);
                return;
            }
            try {
                examples.add(dataCase(n, line));
            } catch (DataFormatException e) {
                errors.handle(e);
            }
        }

        void header(long n, String line) {
            if (!line.startsWith("@")) {
                throw DataFormatException.atLine(file, n, "a header line starting with @ or @data before the cases");
            }
            String[] parts = line.split("\\s+");
            String key = parts[0].toLowerCase(Locale.ROOT);
            switch (key) {
                case "@data" -> inData = true;
                case "@dimensions" -> {
                    try {
                        dimensions = Integer.parseInt(parts[1]);
                    } catch (RuntimeException e) {
                        throw DataFormatException.atLine(file, n, "@dimensions followed by a whole number");
                    }
                }
                case "@timestamps" -> {
                    if (parts.length > 1 && parts[1].equalsIgnoreCase("true")) {
                        throw DataFormatException.atLine(file, n,
                                "@timeStamps false (time-stamped series are not supported)");
                    }
                }
                case "@classlabel" -> {
                    if (parts.length < 3 || !parts[1].equalsIgnoreCase("true")) {
                        throw DataFormatException.atLine(file, n,
                                "\"@classLabel true <names...>\" (only classification files are supported)");
                    }
                    classes = LabelSet.of(Arrays.asList(parts).subList(2, parts.length));
                }
                default -> {
                    // other headers (@problemName, @missing, @univariate, @equalLength,
                    // @seriesLength) carry nothing the reader needs: the data lines are checked directly.
                }
            }
        }

        SequenceExample dataCase(long n, String line) {
            if (classes == null) {
                throw DataFormatException.atLine(file, n, "@classLabel header before @data");
            }
            int lastColon = line.lastIndexOf(':');
            if (lastColon < 0) {
                throw DataFormatException.atLine(file, n, "channels separated by ':' and the class label last");
            }
            String label = line.substring(lastColon + 1).strip();
            int cls = classes.indexOf(label);
            if (cls < 0) {
                throw DataFormatException.atLine(file, n, "a class label among " + classes.names() + ", found \""
                        + NumericFields.abbreviate(label) + "\"");
            }
            String[] channels = line.substring(0, lastColon).split(":", -1);
            if (dimensions > 0 && channels.length != dimensions) {
                throw DataFormatException.atLine(file, n, dimensions + " channels (@dimensions), found "
                        + channels.length);
            }
            if (!examples.isEmpty() && channels.length != examples.get(0).numFeatures()) {
                throw DataFormatException.atLine(file, n, examples.get(0).numFeatures()
                        + " channels like the first case, found " + channels.length);
            }
            float[][] values = null;
            int field = 0;
            for (int c = 0; c < channels.length; c++) {
                String[] tokens = channels[c].split(",", -1);
                if (values == null) {
                    values = new float[tokens.length][channels.length];
                } else if (tokens.length != values.length) {
                    throw DataFormatException.atLine(file, n, "channel " + (c + 1) + " with " + values.length
                            + " values like channel 1, found " + tokens.length);
                }
                for (int t = 0; t < tokens.length; t++) {
                    field++;
                    values[t][c] = NumericFields.parse(tokens[t], file, n, field);
                }
            }
            return new SequenceExample(values, SequenceExample.oneHot(cls, classes.size()));
        }
    }
}
