package org.rnnkit.core.layers;

import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The {@link GRU} step (equations there), gate blocks r, z, n. Keeps per step the gates and, in {@code aux}, the
 * recurrent part of the candidate: {@code W_hn h + b_hn} (reset-after) or the reset state {@code r * h} (reset-before).
 */
final class GruKernel extends CellKernel {

    private final boolean resetAfter;

    GruKernel(int h, Fn act, Fn gate, boolean resetAfter) {
        super(h, 3, act, gate);
        this.resetAfter = resetAfter;
    }

    @Override
    int auxBlocks() {
        return 1;
    }

    @Override
    boolean separateRecurrentGradient() {
        return resetAfter;
    }

    @Override
    void forward(Trace tr, int t, Weights w, Work work) {
        int mb = tr.mb;
        int w3 = 3 * h;
        double[] bias = w.bias();
        // Reset-before needs only the r and z columns here; one product over all three keeps the code single.
        Blas.gemm(tr.hMat.rows(t * mb, mb), false, w.rw(), false, work.rec(), 0);
        Buf g = tr.gatesBuf;
        Buf hs = tr.hBuf;
        int gBase = t * mb * w3;
        int hBase = t * mb * h;
        double[] pre = work.preActivations(g, gBase, bias, 2 * h);
        for (int b = 0; b < mb; b++) {
            if (resetAfter) {
                // Reset-after has a second (recurrent) bias after the input one; reset-before has one bias.
                for (int j = 0; j < 2 * h; j++) {
                    pre[b * w3 + j] += bias[w3 + j];
                }
            }
            gate.apply(pre, b * w3, b * w3 + 2 * h);
        }
        double[] aux = work.cell();
        if (resetAfter) {
            Buf rec = work.recBuf();
            for (int b = 0; b < mb; b++) {
                for (int j = 0; j < h; j++) {
                    double hn = rec.get(b * w3 + 2 * h + j) + bias[w3 + 2 * h + j];
                    aux[b * h + j] = hn;
                    pre[b * w3 + 2 * h + j] += pre[b * w3 + j] * hn;
                }
            }
            tr.auxBuf.write(hBase, aux, mb * h);
        } else {
            for (int b = 0; b < mb; b++) {
                for (int j = 0; j < h; j++) {
                    aux[b * h + j] = pre[b * w3 + j] * hs.get(hBase + b * h + j);
                }
            }
            tr.auxBuf.write(hBase, aux, mb * h);
            Blas.gemm(tr.auxMat.rows(t * mb, mb), false, w.rw().cols(2 * h, h), false, work.small(), 0);
            Buf hn = work.smallBuf();
            for (int b = 0; b < mb; b++) {
                for (int j = 0; j < h; j++) {
                    pre[b * w3 + 2 * h + j] += hn.get(b * h + j);
                }
            }
        }
        for (int b = 0; b < mb; b++) {
            act.apply(pre, b * w3 + 2 * h, (b + 1) * w3);
        }
        g.write(gBase, pre, mb * w3);
        for (int b = 0; b < mb; b++) {
            for (int j = 0; j < h; j++) {
                double z = pre[b * w3 + h + j];
                double n = pre[b * w3 + 2 * h + j];
                hs.set(hBase + mb * h + b * h + j, (1 - z) * n + z * hs.get(hBase + b * h + j));
            }
        }
    }

    @Override
    void backward(Trace tr, int t, Weights w, Work work, StepGrad s) {
        int mb = tr.mb;
        int w3 = 3 * h;
        Buf g = tr.gatesBuf;
        Buf hs = tr.hBuf;
        Buf aux = tr.auxBuf;
        Buf dPre = s.dPreBuf;
        for (int b = 0; b < mb; b++) {
            int gi = (t * mb + b) * w3;
            int hi = (t * mb + b) * h;
            for (int j = 0; j < h; j++) {
                double dh = s.dh.get(b * h + j);
                double r = g.get(gi + j);
                double z = g.get(gi + h + j);
                double n = g.get(gi + 2 * h + j);
                double dn = dh * (1 - z) * act.derivative(n);
                dPre.set(gi + h + j, dh * (hs.get(hi + j) - n) * gate.derivative(z));
                dPre.set(gi + 2 * h + j, dn);
                s.dhPrevBuf.add(b * h + j, dh * z);
                if (resetAfter) {
                    double dr = dn * aux.get(hi + j) * gate.derivative(r);
                    dPre.set(gi + j, dr);
                    s.dRecBuf.set(gi + j, dr);
                    s.dRecBuf.set(gi + h + j, dPre.get(gi + h + j));
                    s.dRecBuf.set(gi + 2 * h + j, dn * r);
                }
            }
        }
        Mat dPreT = s.dPre.rows(t * mb, mb);
        if (resetAfter) {
            Blas.gemm(s.dRec.rows(t * mb, mb), false, w.rw(), true, s.dhPrev, 1);
            return;
        }
        // d(r*h) through the candidate's recurrent product, then the r gate and the direct path to h.
        Blas.gemm(dPreT.cols(2 * h, h), false, w.rw().cols(2 * h, h), true, work.small(), 0);
        Buf drh = work.smallBuf();
        for (int b = 0; b < mb; b++) {
            int gi = (t * mb + b) * w3;
            int hi = (t * mb + b) * h;
            for (int j = 0; j < h; j++) {
                double d = drh.get(b * h + j);
                double r = g.get(gi + j);
                dPre.set(gi + j, d * hs.get(hi + j) * gate.derivative(r));
                s.dhPrevBuf.add(b * h + j, d * r);
            }
        }
        Blas.gemm(dPreT.cols(0, 2 * h), false, w.rw().cols(0, 2 * h), true, s.dhPrev, 1);
    }

    @Override
    void recurrentGradients(Trace tr, Mat hPrev, Mat dRec, Mat ones, Mat gRW, INDArray gBias) {
        if (resetAfter) {
            super.recurrentGradients(tr, hPrev, dRec, ones, gRW, gBias);
            Blas.gemm(ones, false, dRec, false, Mat.of(gBias.get(all(), interval(3 * h, 6 * h))), 0);
            return;
        }
        // The candidate's recurrent weights multiply the reset state r*h (kept in aux), the others h itself.
        Blas.gemm(hPrev, true, dRec.cols(0, 2 * h), false, gRW.cols(0, 2 * h), 0);
        Blas.gemm(tr.auxMat.rows(0, hPrev.rows), true, dRec.cols(2 * h, h), false, gRW.cols(2 * h, h), 0);
    }
}
