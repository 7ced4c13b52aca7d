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
        int n = mb * h;
        double[] bias = w.bias();
        // Reset-before needs only the r and z columns here; one product over all three keeps the code single.
        work.recurrentProduct(tr, t, w);
        int gBase = t * mb * w3;
        int hBase = t * mb * h;
        double[] pre = work.preActivations(tr.gatesBuf, gBase, bias, 2 * h);
        for (int b = 0; b < mb; b++) {
            if (resetAfter) {
                // Reset-after has a second (recurrent) bias after the input one; reset-before has one bias.
                for (int j = 0; j < 2 * h; j++) {
                    pre[b * w3 + j] += bias[w3 + j];
                }
            }
            gate.apply(pre, b * w3, b * w3 + 2 * h);
        }
        double[] hPrev = work.narrow(0);
        double[] aux = work.narrow(1);
        tr.hBuf.read(hBase, hPrev, n);
        if (resetAfter) {
            double[] rec = work.wide();
            for (int b = 0; b < mb; b++) {
                for (int j = 0; j < h; j++) {
                    double hn = rec[b * w3 + 2 * h + j] + bias[w3 + 2 * h + j];
                    aux[b * h + j] = hn;
                    pre[b * w3 + 2 * h + j] += pre[b * w3 + j] * hn;
                }
            }
            tr.auxBuf.write(hBase, aux, n);
        } else {
            for (int b = 0; b < mb; b++) {
                for (int j = 0; j < h; j++) {
                    aux[b * h + j] = pre[b * w3 + j] * hPrev[b * h + j];
                }
            }
            tr.auxBuf.write(hBase, aux, n);
            Blas.gemm(tr.auxMat.rows(t * mb, mb), false, w.rw().cols(2 * h, h), false, work.small(), 0);
            double[] hn = work.narrow(2);
            work.smallBuf().read(0, hn, n);
            for (int b = 0; b < mb; b++) {
                for (int j = 0; j < h; j++) {
                    pre[b * w3 + 2 * h + j] += hn[b * h + j];
                }
            }
        }
        for (int b = 0; b < mb; b++) {
            act.apply(pre, b * w3 + 2 * h, (b + 1) * w3);
        }
        double[] hNew = work.narrow(3);
        for (int b = 0; b < mb; b++) {
            for (int j = 0; j < h; j++) {
                double z = pre[b * w3 + h + j];
                hNew[b * h + j] = (1 - z) * pre[b * w3 + 2 * h + j] + z * hPrev[b * h + j];
            }
        }
        tr.gatesBuf.write(gBase, pre, mb * w3);
        tr.hBuf.write(hBase + n, hNew, n);
    }

    @Override
    void backward(Trace tr, int t, Weights w, Work work, StepGrad s) {
        int mb = tr.mb;
        int w3 = 3 * h;
        int n = mb * h;
        int gBase = t * mb * w3;
        int hBase = t * mb * h;
        double[] g = work.wide();
        double[] hPrev = work.narrow(0);
        double[] aux = work.narrow(1);
        double[] dh = work.narrow(2);
        double[] dhPrev = work.narrow(3);
        tr.gatesBuf.read(gBase, g, mb * w3);
        tr.hBuf.read(hBase, hPrev, n);
        tr.auxBuf.read(hBase, aux, n);
        s.dh.read(0, dh, n);
        s.dhPrevBuf.read(0, dhPrev, n);
        double[] d = work.preActivations();
        for (int b = 0; b < mb; b++) {
            for (int j = 0; j < h; j++) {
                int k = b * h + j;
                int p = b * w3 + j;
                double r = g[p];
                double z = g[p + h];
                double dn = dh[k] * (1 - z) * act.derivative(g[p + 2 * h]);
                d[p + h] = dh[k] * (hPrev[k] - g[p + 2 * h]) * gate.derivative(z);
                d[p + 2 * h] = dn;
                dhPrev[k] += dh[k] * z;
                if (resetAfter) {
                    d[p] = dn * aux[k] * gate.derivative(r);
                }
            }
        }
        s.dPreBuf.write(gBase, d, mb * w3);
        Mat dPreT = s.dPre.rows(t * mb, mb);
        if (resetAfter) {
            // The recurrent weights see the same r and z gradients and, for the candidate, dn * r.
            for (int b = 0; b < mb; b++) {
                for (int j = 0; j < h; j++) {
                    d[b * w3 + 2 * h + j] *= g[b * w3 + j];
                }
            }
            s.dRecBuf.write(gBase, d, mb * w3);
            s.dhPrevBuf.write(0, dhPrev, n);
            work.addStateGradient(d, s.dRec.rows(t * mb, mb), w, s);
            return;
        }
        // d(r*h) through the candidate's recurrent product, then the r gate and the direct path to h.
        Blas.gemm(dPreT.cols(2 * h, h), false, w.rw().cols(2 * h, h), true, work.small(), 0);
        double[] drh = work.narrow(4);
        work.smallBuf().read(0, drh, n);
        for (int b = 0; b < mb; b++) {
            for (int j = 0; j < h; j++) {
                int k = b * h + j;
                double r = g[b * w3 + j];
                d[b * w3 + j] = drh[k] * hPrev[k] * gate.derivative(r);
                dhPrev[k] += drh[k] * r;
            }
        }
        s.dPreBuf.write(gBase, d, mb * w3);
        s.dhPrevBuf.write(0, dhPrev, n);
        Blas.gemm(dPreT.cols(0, 2 * h), false, w.rw().cols(0, 2 * h), true, s.dhPrev, 1);
    }

    @Override
    void recurrentGradients(Trace tr, Mat hPrev, Mat dRec, Mat ones, Mat gRW, INDArray gBias) {
        if (resetAfter) {
            super.recurrentGradients(tr, hPrev, dRec, ones, gRW, gBias);
            Blas.columnSums(ones, dRec, Mat.of(gBias.get(all(), interval(3 * h, 6 * h))));
            return;
        }
        // The candidate's recurrent weights multiply the reset state r*h (kept in aux), the others h itself.
        Blas.gemm(hPrev, true, dRec.cols(0, 2 * h), false, gRW.cols(0, 2 * h), 0);
        Blas.gemm(tr.auxMat.rows(0, hPrev.rows), true, dRec.cols(2 * h, h), false, gRW.cols(2 * h, h), 0);
    }
}
