package org.rnnkit.datasets;

/**
 * One example: features {@code [T][F]} (time-major) and labels {@code [L][C]} placed at steps
 * {@code labelOffset .. labelOffset+L-1} of the padded sequence. A per-sequence label (many-to-one) is a single
 * row {@code [1][C]}; a one-to-many example has one feature row and many label rows.
 */
public record SequenceExample(float[][] features, float[][] labels, int labelOffset) {

    /** Validates shapes and values: no empty sequences, no ragged rows, no NaN or infinite values. */
    public SequenceExample {
        check(features, "features");
        check(labels, "labels");
        if (labelOffset < 0) {
            throw new IllegalArgumentException("labelOffset < 0: " + labelOffset);
        }
    }

    /** An example whose labels start at step 0. */
    public SequenceExample(float[][] features, float[][] labels) {
        this(features, labels, 0);
    }

    private static void check(float[][] rows, String what) {
        if (rows == null || rows.length == 0 || rows[0].length == 0) {
            throw new IllegalArgumentException(what + " must have at least one step and one column");
        }
        int width = rows[0].length;
        for (int t = 0; t < rows.length; t++) {
            if (rows[t].length != width) {
                throw new IllegalArgumentException(what + " step " + t + " has " + rows[t].length
                        + " columns, expected " + width);
            }
            for (float v : rows[t]) {
                if (!Float.isFinite(v)) {
                    throw new IllegalArgumentException(what + " step " + t + " holds a non-finite value " + v);
                }
            }
        }
    }

    /** Number of feature steps T. */
    public int length() {
        return features.length;
    }

    /** Number of feature columns F. */
    public int numFeatures() {
        return features[0].length;
    }

    /** Number of label columns C. */
    public int numLabels() {
        return labels[0].length;
    }

    /** A one-hot label row of width {@code numClasses}. */
    public static float[][] oneHot(int classIndex, int numClasses) {
        float[][] row = new float[1][numClasses];
        row[0][classIndex] = 1f;
        return row;
    }
}
