package org.rnnkit.core.layers;

import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;

import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The time loop shared by rnnkit's recurrent cells: one matrix product projects the input of all steps, the
 * {@link CellKernel} runs each step, masks carry states through padded steps, and the backward pass ends with one
 * matrix product each for the input weights, the recurrent weights and the input gradient, over all steps.
 *
 * <p>Mask semantics (every cell): a step with mask {@code m} outputs {@code m * h_new} and moves the state to
 * {@code h + m (h_new - h)}, so a masked step outputs 0 and carries the state unchanged, and a right-padded
 * sequence ends on the state of its last real step.
 */
final class SequenceLoop {

    private SequenceLoop() {
    }

    /**
     * @param x    input {@code [T, mb, nIn]}, c order
     * @param h0   initial hidden state {@code [mb, H]} or null for zeros
     * @param c0   initial memory cell (cells with memory) or null for zeros
     * @param mask {@code [mb, T]} or null
     */
    static Trace forward(CellKernel k, INDArray x, CellKernel.Weights w, INDArray h0, INDArray c0, INDArray mask,
            Scratch mem) {
        DataType dt = x.dataType();
        int steps = (int) x.size(0);
        int mb = (int) x.size(1);
        int width = k.gates * k.h;
        INDArray gates = mem.get("gates", dt, steps, mb, width);
        Blas.gemm(Mat.rowsOf(x, (int) x.size(2)), false, w.w(), false, Mat.rowsOf(gates, width), 0);
        INDArray aux = k.auxBlocks() == 0 ? null
                : mem.get("aux", dt, steps, mb, (long) k.auxBlocks() * k.h);
        INDArray hs = states(mem, "h", h0, steps, mb, k.h, dt);
        INDArray cs = k.hasMemory() ? states(mem, "c", c0, steps, mb, k.h, dt) : null;
        double[] m = mask == null ? null : timeMajor(mask, mb, steps);
        INDArray out = m == null ? hs.get(interval(1, steps + 1), all(), all())
                : mem.get("out", dt, steps, mb, k.h);
        Trace tr = new Trace(x, gates, aux, hs, cs, out, m);
        CellKernel.Work work = work(mem, dt, mb, width, k.h);
        for (int t = 0; t < steps; t++) {
            k.forward(tr, t, w, work);
            if (m != null) {
                applyMask(tr, t, k.h);
            }
        }
        return tr;
    }

    private static INDArray states(Scratch mem, String name, INDArray init, int steps, int mb, int h, DataType dt) {
        INDArray s = mem.get(name, dt, steps + 1, mb, h);
        INDArray first = s.slice(0);
        if (init != null) {
            first.assign(init.castTo(dt));
        } else {
            first.assign(0);
        }
        return s;
    }

    private static CellKernel.Work work(Scratch mem, DataType dt, int mb, int width, int h) {
        INDArray rec = mem.get("rec", dt, mb, width);
        INDArray small = mem.get("small", dt, mb, h);
        return new CellKernel.Work(Mat.rowsOf(rec, width), Buf.of(rec), Mat.rowsOf(small, h), Buf.of(small), mb,
                width, h);
    }

    private static double[] timeMajor(INDArray mask, int mb, int steps) {
        double[] byRow = mask.castTo(DataType.DOUBLE).dup('c').data().asDouble();
        double[] out = new double[mb * steps];
        for (int b = 0; b < mb; b++) {
            for (int t = 0; t < steps; t++) {
                out[t * mb + b] = byRow[b * steps + t];
            }
        }
        return out;
    }

    private static void applyMask(Trace tr, int t, int h) {
        int mb = tr.mb;
        for (int b = 0; b < mb; b++) {
            double m = tr.mask[t * mb + b];
            int prev = (t * mb + b) * h;
            int next = prev + mb * h;
            for (int j = 0; j < h; j++) {
                double hNew = tr.hBuf.get(next + j);
                tr.outBuf.set(prev + j, m * hNew);
                if (m != 1) {
                    double hOld = tr.hBuf.get(prev + j);
                    tr.hBuf.set(next + j, hOld + m * (hNew - hOld));
                    if (tr.cBuf != null) {
                        double cOld = tr.cBuf.get(prev + j);
                        tr.cBuf.set(next + j, cOld + m * (tr.cBuf.get(next + j) - cOld));
                    }
                }
            }
        }
    }

    /**
     * Backpropagates through steps {@code [end, T)} (earlier steps get no gradient, as in truncated BPTT), writes the
     * parameter gradients into the given views and returns dL/dx as {@code [T*mb, nIn]}, time-major.
     *
     * @param eps   dL/d(output) as {@code [T, mb, H]}, c order
     * @param dh0   receives dL/d(initial hidden state) {@code [mb, H]} when not null (and {@code end} is 0)
     */
    static INDArray backward(CellKernel k, Trace tr, INDArray eps, CellKernel.Weights w, int end, INDArray gW,
            INDArray gRW, INDArray gB, INDArray dh0, Scratch mem, LayerWorkspaceMgr mgr) {
        DataType dt = eps.dataType();
        int steps = tr.steps;
        int mb = tr.mb;
        int h = k.h;
        int width = k.gates * h;
        CellKernel.StepGrad s = new CellKernel.StepGrad();
        INDArray dPre = mem.zeros("dPre", dt, steps, mb, width);
        INDArray dRec = k.separateRecurrentGradient() ? mem.zeros("dRec", dt, steps, mb, width) : dPre;
        s.dPre = Mat.rowsOf(dPre, width);
        s.dPreBuf = Buf.of(dPre);
        s.dRec = Mat.rowsOf(dRec, width);
        s.dRecBuf = Buf.of(dRec);
        INDArray[] dhArrays = {mem.zeros("dh0", dt, mb, h), mem.zeros("dh1", dt, mb, h)};
        Mat[] dhs = {Mat.rowsOf(dhArrays[0], h), Mat.rowsOf(dhArrays[1], h)};
        Buf[] dhBufs = {Buf.of(dhArrays[0]), Buf.of(dhArrays[1])};
        Buf[] dcBufs = k.hasMemory() ? new Buf[] {zeros(mem, "dc0", dt, mb, h), zeros(mem, "dc1", dt, mb, h)} : null;
        s.dh = zeros(mem, "dh", dt, mb, h);
        s.dc = k.hasMemory() ? zeros(mem, "dc", dt, mb, h) : null;
        CellKernel.Work work = work(mem, dt, mb, width, h);
        Buf epsBuf = Buf.of(eps);
        int next = 0;
        for (int t = steps - 1; t >= end; t--) {
            Buf dhNext = dhBufs[next];
            Buf dcNext = dcBufs == null ? null : dcBufs[next];
            s.dhPrev = dhs[1 - next];
            s.dhPrevBuf = dhBufs[1 - next];
            s.dcPrev = dcBufs == null ? null : dcBufs[1 - next];
            for (int b = 0; b < mb; b++) {
                double m = tr.mask == null ? 1 : tr.mask[t * mb + b];
                for (int j = 0; j < h; j++) {
                    int i = b * h + j;
                    double carried = dhNext.get(i);
                    s.dh.set(i, m * (epsBuf.get(t * mb * h + i) + carried));
                    s.dhPrevBuf.set(i, (1 - m) * carried);
                    if (dcNext != null) {
                        double carriedC = dcNext.get(i);
                        s.dc.set(i, m * carriedC);
                        s.dcPrev.set(i, (1 - m) * carriedC);
                    }
                }
            }
            k.backward(tr, t, w, work, s);
            next = 1 - next;
        }
        if (dh0 != null) {
            dh0.assign(dhArrays[next]); // the last step's dhPrev: the gradient of the state before step 0
        }
        long rows = (long) steps * mb;
        Mat x = Mat.rowsOf(tr.x, (int) tr.x.size(2));
        Blas.gemm(x, true, s.dPre, false, Mat.of(gW), 0);
        // Bias gradients are column sums: a product with a row of ones, as fast as the other products.
        Mat ones = Mat.rowsOf(mem.get("ones", dt, rows).assign(1), (int) rows);
        Blas.columnSums(ones, s.dPre, Mat.of(gB.get(all(), interval(0, width))));
        k.recurrentGradients(tr, tr.hMat.rows(0, (int) rows), s.dRec, ones, Mat.of(gRW), gB);
        INDArray epsIn = mgr.createUninitialized(ArrayType.ACTIVATION_GRAD, dt, new long[] {rows, tr.x.size(2)}, 'c');
        Blas.gemm(s.dPre, false, w.w(), true, Mat.of(epsIn), 0);
        return epsIn;
    }

    private static Buf zeros(Scratch mem, String name, DataType dt, int mb, int h) {
        return Buf.of(mem.zeros(name, dt, mb, h));
    }
}
