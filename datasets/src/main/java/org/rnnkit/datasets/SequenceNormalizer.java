package org.rnnkit.datasets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Per-feature normalisation fitted on training sequences only (all steps of all sequences), then applied to any
 * split: standardise ({@code (x - mean) / std}) or min-max to [0, 1]. A constant feature gets scale 1 (never a
 * NaN). Immutable; saved and loaded as JSON so an app can store it with its model.
 */
public final class SequenceNormalizer {

    /** The kind of normalisation. */
    public enum Kind {
        /** Zero mean, unit variance. */
        STANDARDIZE,
        /** Scaled to [0, 1] on the training range. */
        MIN_MAX
    }

    private final Kind kind;
    private final double[] shift;
    private final double[] scale;

    private SequenceNormalizer(Kind kind, double[] shift, double[] scale) {
        this.kind = kind;
        this.shift = shift;
        this.scale = scale;
    }

    /** Fits on the features of {@code train}. */
    public static SequenceNormalizer fit(Kind kind, SequenceDataset train) {
        List<float[][]> features = new ArrayList<>(train.size());
        train.examples().forEach(x -> features.add(x.features()));
        return fit(kind, features);
    }

    /**
     * Fits on raw time-major sequences {@code [T][F]}, e.g. the training part of a series before it is cut into
     * {@link org.rnnkit.datasets.timeseries.SlidingWindows} (then targets are normalised too; see
     * {@link #revert}).
     */
    public static SequenceNormalizer fit(Kind kind, List<float[][]> train) {
        if (train.isEmpty() || train.get(0).length == 0) {
            throw new IllegalArgumentException("cannot fit a normalizer on no data");
        }
        int f = train.get(0)[0].length;
        double[] shift = new double[f];
        double[] scale = new double[f];
        if (kind == Kind.STANDARDIZE) {
            double[] sum = new double[f];
            double[] sumSq = new double[f];
            long n = 0;
            for (float[][] x : train) {
                for (float[] row : x) {
                    checkWidth(row, f);
                    for (int c = 0; c < f; c++) {
                        sum[c] += row[c];
                        sumSq[c] += (double) row[c] * row[c];
                    }
                    n++;
                }
            }
            for (int c = 0; c < f; c++) {
                shift[c] = sum[c] / n;
                double var = Math.max(0, sumSq[c] / n - shift[c] * shift[c]);
                scale[c] = var > 1e-12 ? Math.sqrt(var) : 1.0;
            }
        } else {
            double[] min = new double[f];
            double[] max = new double[f];
            java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
            java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
            for (float[][] x : train) {
                for (float[] row : x) {
                    checkWidth(row, f);
                    for (int c = 0; c < f; c++) {
                        min[c] = Math.min(min[c], row[c]);
                        max[c] = Math.max(max[c], row[c]);
                    }
                }
            }
            for (int c = 0; c < f; c++) {
                shift[c] = min[c];
                scale[c] = max[c] - min[c] > 1e-12 ? max[c] - min[c] : 1.0;
            }
        }
        return new SequenceNormalizer(kind, shift, scale);
    }

    private static void checkWidth(float[] row, int width) {
        if (row.length != width) {
            throw new IllegalArgumentException("a step has " + row.length + " features, expected " + width);
        }
    }

    /** Features per step it was fitted on. */
    public int features() {
        return shift.length;
    }

    /** The kind fitted. */
    public Kind kind() {
        return kind;
    }

    /** Normalises one time-major sequence {@code [T][F]} into a new array. */
    public float[][] transform(float[][] features) {
        float[][] out = new float[features.length][];
        for (int t = 0; t < features.length; t++) {
            if (features[t].length != shift.length) {
                throw new IllegalArgumentException("sequence has " + features[t].length + " features, normalizer "
                        + shift.length);
            }
            out[t] = new float[shift.length];
            for (int c = 0; c < shift.length; c++) {
                out[t][c] = (float) ((features[t][c] - shift[c]) / scale[c]);
            }
        }
        return out;
    }

    /** Undoes {@link #transform} (e.g. to read forecasts in the series' units); a new array. */
    public float[][] revert(float[][] normalised) {
        float[][] out = new float[normalised.length][];
        for (int t = 0; t < normalised.length; t++) {
            checkWidth(normalised[t], shift.length);
            out[t] = new float[shift.length];
            for (int c = 0; c < shift.length; c++) {
                out[t][c] = (float) (normalised[t][c] * scale[c] + shift[c]);
            }
        }
        return out;
    }

    /** A copy of {@code data} with normalised features (labels unchanged). */
    public SequenceDataset apply(SequenceDataset data) {
        List<SequenceExample> out = new ArrayList<>(data.size());
        for (SequenceExample x : data.examples()) {
            out.add(new SequenceExample(transform(x.features()), x.labels(), x.labelOffset()));
        }
        return data.withExamples(data.name(), out);
    }

    /** JSON form: {@code {"kind":"STANDARDIZE","shift":[...],"scale":[...]}}. */
    public String toJson() {
        ObjectNode node = Json.object();
        node.put("kind", kind.name());
        ArrayNode s = node.putArray("shift");
        ArrayNode k = node.putArray("scale");
        for (int c = 0; c < shift.length; c++) {
            s.add(shift[c]);
            k.add(scale[c]);
        }
        return Json.write(node);
    }

    /** Parses {@link #toJson()}'s form. */
    public static SequenceNormalizer fromJson(String json) {
        JsonNode node = Json.read(json, "normalizer");
        String kindName = Json.field(node, "kind", "normalizer").asText();
        Kind kind;
        try {
            kind = Kind.valueOf(kindName);
        } catch (IllegalArgumentException e) {
            throw DataFormatException.at("normalizer", "JSON", "kind STANDARDIZE or MIN_MAX, found \"" + kindName + "\"");
        }
        JsonNode s = Json.field(node, "shift", "normalizer");
        JsonNode k = Json.field(node, "scale", "normalizer");
        if (s.size() != k.size()) {
            throw DataFormatException.at("normalizer", "JSON", "shift and scale of equal length");
        }
        double[] shift = new double[s.size()];
        double[] scale = new double[k.size()];
        for (int c = 0; c < shift.length; c++) {
            shift[c] = s.get(c).asDouble();
            scale[c] = k.get(c).asDouble();
        }
        return new SequenceNormalizer(kind, shift, scale);
    }

    /** Writes the JSON form to a stream (left open). */
    public void save(OutputStream out) throws IOException {
        out.write(toJson().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        out.flush();
    }

    /** Reads the JSON form from a stream. */
    public static SequenceNormalizer load(InputStream in) throws IOException {
        return fromJson(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
    }
}
