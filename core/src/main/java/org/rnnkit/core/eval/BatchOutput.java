package org.rnnkit.core.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A network's output for one batch copied into Java arrays, read per sequence ({@code [batch, units]}) or per real
 * step ({@code [batch, units, time]} with its mask): the one place that turns model outputs into plain values, for
 * predictions and evaluation alike.
 */
public final class BatchOutput {
    private final float[] values;
    private final float[] mask;
    private final int rows;
    private final int units;
    private final int steps;

    private BatchOutput(float[] values, float[] mask, int rows, int units, int steps) {
        this.values = values;
        this.mask = mask;
        this.rows = rows;
        this.units = units;
        this.steps = steps;
    }

    /** Copies {@code output} ({@code [batch, units]} or {@code [batch, units, time]}); {@code mask} may be null. */
    public static BatchOutput of(INDArray output, INDArray mask) {
        long[] shape = output.shape();
        if (shape.length != 2 && shape.length != 3) {
            throw new IllegalArgumentException("expected a model output of rank 2 or 3, got "
                    + Arrays.toString(shape));
        }
        int steps = shape.length == 3 ? (int) shape[2] : 0;
        float[] m = null;
        if (steps > 0 && mask != null) {
            if (mask.length() != shape[0] * steps) {
                throw new IllegalArgumentException("mask " + Arrays.toString(mask.shape()) + " does not fit output "
                        + Arrays.toString(shape));
            }
            m = mask.dup('c').reshape(mask.length()).toFloatVector();
        }
        float[] values = output.dup('c').reshape(output.length()).toFloatVector();
        return new BatchOutput(values, m, (int) shape[0], (int) shape[1], steps);
    }

    /** One output per sequence from plain values ({@code rows[i]} is sequence i's; all of one length). */
    public static BatchOutput ofRows(double[][] rows) {
        int units = rows.length == 0 ? 0 : rows[0].length;
        float[] values = new float[rows.length * units];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != units) {
                throw new IllegalArgumentException("row " + i + " has " + rows[i].length + " values, expected "
                        + units);
            }
            for (int u = 0; u < units; u++) {
                values[i * units + u] = (float) rows[i][u];
            }
        }
        return new BatchOutput(values, null, rows.length, units, 0);
    }

    /** Number of sequences in the batch. */
    public int rows() {
        return rows;
    }

    /** Outputs per sequence or step. */
    public int units() {
        return units;
    }

    /** Whether the model gives one output per step (many-to-many). */
    public boolean perStep() {
        return steps > 0;
    }

    /** Sequence {@code i}'s output (many-to-one). */
    public double[] row(int i) {
        if (perStep()) {
            throw new IllegalStateException("the model gives an output per step, not per sequence");
        }
        double[] out = new double[units];
        for (int u = 0; u < units; u++) {
            out[u] = values[i * units + u];
        }
        return out;
    }

    /** Whether step {@code t} of sequence {@code i} is real (not padding). */
    public boolean real(int i, int t) {
        return mask == null || mask[i * steps + t] != 0;
    }

    /** Sequence {@code i}'s outputs at its real steps, in order (many-to-many). */
    public List<double[]> steps(int i) {
        if (!perStep()) {
            throw new IllegalStateException("the model gives one output per sequence, not per step");
        }
        List<double[]> out = new ArrayList<>();
        for (int t = 0; t < steps; t++) {
            if (real(i, t)) {
                out.add(step(i, t));
            }
        }
        return out;
    }

    /** Sequence {@code i}'s output at step {@code t}. */
    public double[] step(int i, int t) {
        double[] out = new double[units];
        for (int u = 0; u < units; u++) {
            out[u] = values[(i * units + u) * steps + t];
        }
        return out;
    }

    /** Number of steps in the padded batch (0 for many-to-one). */
    public int length() {
        return steps;
    }
}
