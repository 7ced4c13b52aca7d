package org.rnnkit.datasets;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;

/**
 * The one place where variable-length sequences are padded into DL4J's NCW arrays {@code [mb, channels, T]}
 * (padding at the end, value 0) with masks {@code [mb, T]} (1 = real step, 0 = padding). Every loader builds its
 * batches here.
 */
public final class SequenceBatcher {

    /** A padded batch: values {@code [mb, channels, T]} (or {@code [mb, C]} for per-sequence labels) and mask. */
    public record Padded(INDArray values, INDArray mask) {
    }

    @FunctionalInterface
    private interface StepWriter {
        /** Writes example {@code e}'s step {@code t}; channel c goes to {@code data[pos + c * stride]}. */
        void write(int e, int t, float[] data, int pos, int stride);
    }

    private SequenceBatcher() {
    }

    private static Padded pad(int[] lengths, int[] offsets, int channels, int minLength, StepWriter writer) {
        int mb = lengths.length;
        int steps = Math.max(1, minLength);
        for (int e = 0; e < mb; e++) {
            steps = Math.max(steps, offsets[e] + lengths[e]);
        }
        float[] data = new float[mb * channels * steps];
        float[] mask = new float[mb * steps];
        for (int e = 0; e < mb; e++) {
            for (int t = 0; t < lengths[e]; t++) {
                int step = offsets[e] + t;
                writer.write(e, t, data, e * channels * steps + step, steps);
                mask[e * steps + step] = 1f;
            }
        }
        return new Padded(Nd4j.create(data, new long[]{mb, channels, steps}, 'c'),
                Nd4j.create(mask, new long[]{mb, steps}, 'c'));
    }

    /** Pads time-major vector sequences {@code [T][F]}, each starting at its offset, to {@code [mb, F, T]}. */
    public static Padded padVectors(List<float[][]> sequences, int[] offsets, int minLength) {
        int width = sequences.get(0)[0].length;
        int[] lengths = new int[sequences.size()];
        for (int e = 0; e < lengths.length; e++) {
            lengths[e] = sequences.get(e).length;
            if (sequences.get(e)[0].length != width) {
                throw new IllegalArgumentException("example " + e + " has " + sequences.get(e)[0].length
                        + " columns, expected " + width);
            }
        }
        return pad(lengths, offsets, width, minLength, (e, t, data, pos, stride) -> {
            float[] row = sequences.get(e)[t];
            for (int c = 0; c < row.length; c++) {
                data[pos + c * stride] = row[c];
            }
        });
    }

    /**
     * Pads token sequences to {@code [mb, 1, T]} (INDEX) or {@code [mb, vocabSize, T]} (ONE_HOT), padded to at
     * least {@code minLength} steps.
     */
    public static Padded padTokens(List<int[]> sequences, TokenEncoding encoding, int vocabSize, int minLength) {
        int[] lengths = new int[sequences.size()];
        for (int e = 0; e < lengths.length; e++) {
            lengths[e] = sequences.get(e).length;
            for (int token : sequences.get(e)) {
                if (token < 0 || token >= vocabSize) {
                    throw new IllegalArgumentException("token " + token + " outside vocabulary of " + vocabSize);
                }
            }
        }
        int[] offsets = new int[lengths.length];
        if (encoding == TokenEncoding.INDEX) {
            return pad(lengths, offsets, 1, minLength,
                    (e, t, data, pos, stride) -> data[pos] = sequences.get(e)[t]);
        }
        return pad(lengths, offsets, vocabSize, minLength,
                (e, t, data, pos, stride) -> data[pos + sequences.get(e)[t] * stride] = 1f);
    }

    /** Stacks per-sequence rows into {@code [mb, C]} (no mask: every example has its label). */
    public static INDArray stackRows(List<float[]> rows) {
        int width = rows.get(0).length;
        float[] data = new float[rows.size() * width];
        for (int e = 0; e < rows.size(); e++) {
            System.arraycopy(rows.get(e), 0, data, e * width, width);
        }
        return Nd4j.create(data, new long[]{rows.size(), width}, 'c');
    }

    /**
     * A DataSet from examples. {@code perSequenceLabels}: labels {@code [mb, C]} from each example's single label
     * row (many-to-one, no label mask); otherwise labels {@code [mb, C, T]} with a label mask, features and labels
     * padded to the same T.
     */
    public static DataSet toDataSet(List<SequenceExample> examples, boolean perSequenceLabels) {
        List<float[][]> features = new ArrayList<>(examples.size());
        List<float[][]> labels = new ArrayList<>(examples.size());
        int[] zero = new int[examples.size()];
        int[] labelOffsets = new int[examples.size()];
        int steps = 1;
        for (int e = 0; e < examples.size(); e++) {
            SequenceExample x = examples.get(e);
            features.add(x.features());
            labels.add(x.labels());
            labelOffsets[e] = x.labelOffset();
            steps = Math.max(steps, Math.max(x.length(), x.labelOffset() + x.labels().length));
        }
        if (perSequenceLabels) {
            Padded f = padVectors(features, zero, 1);
            List<float[]> rows = new ArrayList<>(labels.size());
            for (float[][] l : labels) {
                rows.add(l[0]);
            }
            return new DataSet(f.values(), stackRows(rows), f.mask(), null);
        }
        Padded f = padVectors(features, zero, steps);
        Padded l = padVectors(labels, labelOffsets, steps);
        return new DataSet(f.values(), l.values(), f.mask(), l.mask());
    }

    /**
     * Next-token batches for language models: inputs are {@code seq[0..n-2]} in {@code inputEncoding}, labels
     * {@code seq[1..n-1]} in {@code labelEncoding}, both padded to the same T with the same mask.
     */
    public static DataSet nextToken(List<int[]> sequences, int vocabSize, TokenEncoding inputEncoding,
                                    TokenEncoding labelEncoding) {
        List<int[]> inputs = new ArrayList<>(sequences.size());
        List<int[]> targets = new ArrayList<>(sequences.size());
        for (int[] s : sequences) {
            if (s.length < 2) {
                throw new IllegalArgumentException("a next-token sequence needs at least 2 tokens, got " + s.length);
            }
            inputs.add(java.util.Arrays.copyOfRange(s, 0, s.length - 1));
            targets.add(java.util.Arrays.copyOfRange(s, 1, s.length));
        }
        Padded in = padTokens(inputs, inputEncoding, vocabSize, 1);
        Padded out = padTokens(targets, labelEncoding, vocabSize, 1);
        return new DataSet(in.values(), out.values(), in.mask(), out.mask());
    }
}
