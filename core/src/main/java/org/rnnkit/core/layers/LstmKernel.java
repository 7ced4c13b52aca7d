package org.rnnkit.core.layers;


/**
 * The {@link LSTM} step, gate blocks in DL4J's order: block input {@code g} (activation), forget {@code f}, output
 * {@code o}, input gate {@code i} (gate activation); {@code c' = f c + i g}, {@code h' = o act(c')}. Keeps
 * {@code act(c')} in {@code aux}.
 */
final class LstmKernel extends CellKernel {

    LstmKernel(int h, Fn act, Fn gate) {
        super(h, 4, act, gate);
    }

    @Override
    int auxBlocks() {
        return 1;
    }

    @Override
    boolean hasMemory() {
        return true;
    }

    @Override
    void forward(Trace tr, int t, Weights w, Work work) {
        int mb = tr.mb;
        int w4 = 4 * h;
        Blas.gemm(tr.hMat.rows(t * mb, mb), false, w.rw(), false, work.rec(), 0);
        Buf g = tr.gatesBuf;
        Buf hs = tr.hBuf;
        Buf cs = tr.cBuf;
        int gBase = t * mb * w4;
        int hBase = t * mb * h;
        // Pre-activations of the whole step, then each activation over contiguous runs (f, o, i are one run).
        double[] pre = work.preActivations(g, gBase, w.bias(), w4);
        for (int b = 0; b < mb; b++) {
            act.apply(pre, b * w4, b * w4 + h);
            gate.apply(pre, b * w4 + h, (b + 1) * w4);
        }
        double[] c = work.cell();
        double[] tc = work.cellAct();
        for (int b = 0; b < mb; b++) {
            for (int j = 0; j < h; j++) {
                int p = b * w4 + j;
                double v = pre[p + h] * cs.get(hBase + b * h + j) + pre[p + 3 * h] * pre[p];
                c[b * h + j] = v;
                tc[b * h + j] = v;
            }
        }
        act.apply(tc, 0, mb * h);
        g.write(gBase, pre, mb * w4);
        tr.auxBuf.write(hBase, tc, mb * h);
        cs.write(hBase + mb * h, c, mb * h);
        for (int b = 0; b < mb; b++) {
            for (int j = 0; j < h; j++) {
                hs.set(hBase + mb * h + b * h + j, pre[b * w4 + 2 * h + j] * tc[b * h + j]);
            }
        }
    }

    @Override
    void backward(Trace tr, int t, Weights w, Work work, StepGrad s) {
        int mb = tr.mb;
        int w4 = 4 * h;
        Buf g = tr.gatesBuf;
        Buf cs = tr.cBuf;
        Buf aux = tr.auxBuf;
        Buf dPre = s.dPreBuf;
        for (int b = 0; b < mb; b++) {
            int gi = (t * mb + b) * w4;
            int hi = (t * mb + b) * h;
            for (int j = 0; j < h; j++) {
                int k = b * h + j;
                double dh = s.dh.get(k);
                double in = g.get(gi + j);
                double f = g.get(gi + h + j);
                double o = g.get(gi + 2 * h + j);
                double i = g.get(gi + 3 * h + j);
                double tc = aux.get(hi + j);
                double dc = s.dc.get(k) + dh * o * act.derivative(tc);
                dPre.set(gi + j, dc * i * act.derivative(in));
                dPre.set(gi + h + j, dc * cs.get(hi + j) * gate.derivative(f));
                dPre.set(gi + 2 * h + j, dh * tc * gate.derivative(o));
                dPre.set(gi + 3 * h + j, dc * in * gate.derivative(i));
                s.dcPrev.add(k, dc * f);
            }
        }
        Blas.gemm(s.dPre.rows(t * mb, mb), false, w.rw(), true, s.dhPrev, 1);
    }
}
