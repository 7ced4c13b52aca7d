package org.rnnkit.core.layers;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What a forward pass over a sequence keeps for its backward pass. Every array is c-ordered and time-major: step
 * {@code t} of an array {@code [T, mb, n]} is the contiguous block of rows {@code [t*mb, (t+1)*mb)}.
 */
final class Trace {
    final int steps;
    final int mb;
    /** Input, {@code [T, mb, nIn]}. */
    final INDArray x;
    /** Input projections {@code x W} on entry to a step, the cell's gate outputs after it, {@code [T, mb, G*H]}. */
    final INDArray gates;
    /** Per-step values a cell keeps besides its gates ({@link CellKernel#auxBlocks()}), or null. */
    final INDArray aux;
    /** Hidden states, {@code [T+1, mb, H]}; slice 0 is the initial state. */
    final INDArray h;
    /** Memory cells (LSTM), {@code [T+1, mb, H]}, or null. */
    final INDArray c;
    /** Outputs, {@code [T, mb, H]}: the states themselves without a mask, 0 on masked steps with one. */
    final INDArray out;
    /** Mask values in time-major order ({@code t*mb + b}), or null. */
    final double[] mask;
    final Buf gatesBuf;
    final Buf auxBuf;
    final Buf hBuf;
    final Buf cBuf;
    final Buf outBuf;
    /** {@link #h} as a matrix {@code [(T+1)*mb, H]}. */
    final Mat hMat;
    /** {@link #aux} as a matrix {@code [T*mb, A*H]}, or null. */
    final Mat auxMat;

    Trace(INDArray x, INDArray gates, INDArray aux, INDArray h, INDArray c, INDArray out, double[] mask) {
        this.steps = (int) x.size(0);
        this.mb = (int) x.size(1);
        this.x = x;
        this.gates = gates;
        this.aux = aux;
        this.h = h;
        this.c = c;
        this.out = out;
        this.mask = mask;
        this.gatesBuf = Buf.of(gates);
        this.auxBuf = aux == null ? null : Buf.of(aux);
        this.hBuf = Buf.of(h);
        this.cBuf = c == null ? null : Buf.of(c);
        this.outBuf = mask == null ? null : Buf.of(out);
        this.hMat = Mat.rowsOf(h, (int) h.size(2));
        this.auxMat = aux == null ? null : Mat.rowsOf(aux, (int) aux.size(2));
    }
}
