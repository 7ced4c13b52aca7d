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
        double[] bias = w.bias();
        Blas.gemm(tr.hMat.rows(t * mb, mb), false, w.rw(), false, work.rec(), 0);
        Buf g = tr.gatesBuf;
        Buf rec = work.recBuf();
        Buf hs = tr.hBuf;
        Buf cs = tr.cBuf;
        Buf aux = tr.auxBuf;
        for (int b = 0; b < mb; b++) {
            int gi = (t * mb + b) * w4;
            int ri = b * w4;
            int hi = (t * mb + b) * h;
            for (int j = 0; j < h; j++) {
                double in = act.apply(g.get(gi + j) + bias[j] + rec.get(ri + j));
                double f = gate.apply(g.get(gi + h + j) + bias[h + j] + rec.get(ri + h + j));
                double o = gate.apply(g.get(gi + 2 * h + j) + bias[2 * h + j] + rec.get(ri + 2 * h + j));
                double i = gate.apply(g.get(gi + 3 * h + j) + bias[3 * h + j] + rec.get(ri + 3 * h + j));
                double c = f * cs.get(hi + j) + i * in;
                double tc = act.apply(c);
                g.set(gi + j, in);
                g.set(gi + h + j, f);
                g.set(gi + 2 * h + j, o);
                g.set(gi + 3 * h + j, i);
                aux.set(hi + j, tc);
                cs.set(hi + mb * h + j, c);
                hs.set(hi + mb * h + j, o * tc);
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
