package org.rnnkit.core.layers;

import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Per-sequence time reversal restricted to the steps a mask marks as real.
 *
 * <p>For sequence {@code b} with real steps {@code p_0 < ... < p_{k-1}}, step {@code p_i} and {@code p_{k-1-i}}
 * swap; masked steps stay where they are. The permutation is its own inverse and keeps the mask unchanged, so the
 * same instance reverses inputs, reverses outputs back, and routes gradients through both (a permutation's
 * transpose is its inverse).
 */
final class SequenceReversal {

    /** Row {@code b*T + t} of the result reads row {@code rows[b*T + t]} of the source. */
    private final int[] rows;
    private final int steps;

    private SequenceReversal(int[] rows, int steps) {
        this.rows = rows;
        this.steps = steps;
    }

    /** Builds the permutation for a [mb, T] mask (null: reverse every sequence over all T steps). */
    static SequenceReversal of(INDArray mask, long minibatch, long steps) {
        int mb = (int) minibatch;
        int ts = (int) steps;
        int[] rows = new int[mb * ts];
        double[] m = mask == null ? null : mask.castTo(DataType.DOUBLE).dup('c').data().asDouble();
        int[] real = new int[ts];
        for (int b = 0; b < mb; b++) {
            int k = 0;
            for (int t = 0; t < ts; t++) {
                rows[b * ts + t] = b * ts + t;
                if (m == null || m[b * ts + t] != 0.0) {
                    real[k++] = t;
                }
            }
            for (int i = 0; i < k; i++) {
                rows[b * ts + real[i]] = b * ts + real[k - 1 - i];
            }
        }
        return new SequenceReversal(rows, ts);
    }

    /**
     * Applies the permutation along time.
     *
     * @param x   [mb, size, T] (NCW) or [mb, T, size] (NWC)
     * @param nwc whether {@code x} is NWC
     * @return a new array of {@code type}, same shape and format as {@code x}
     */
    INDArray apply(INDArray x, boolean nwc, ArrayType type, LayerWorkspaceMgr mgr) {
        INDArray tMajor = nwc ? x : x.permute(0, 2, 1);
        long mb = tMajor.size(0);
        long size = tMajor.size(2);
        if (tMajor.size(1) != steps || mb * steps != rows.length) {
            throw new IllegalStateException("Sequence reversal built for " + (rows.length / Math.max(1, steps))
                    + " sequences of " + steps + " steps, applied to " + mb + " x " + tMajor.size(1));
        }
        INDArray src = tMajor.dup('c').reshape('c', mb * steps, size);
        INDArray dst = mgr.createUninitialized(type, x.dataType(), new long[] {mb * steps, size}, 'c');
        INDArray idx = Nd4j.createFromArray(rows);
        Nd4j.exec(DynamicCustomOp.builder("gather").addInputs(src, idx).addOutputs(dst).addIntegerArguments(0)
                .build());
        INDArray out = dst.reshape('c', mb, steps, size);
        return nwc ? out : out.permute(0, 2, 1);
    }
}
