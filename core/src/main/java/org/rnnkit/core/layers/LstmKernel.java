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
        int n = mb * h;
        work.recurrentProduct(tr, t, w);
        int gBase = t * mb * w4;
        int hBase = t * mb * h;
        // Pre-activations of the whole step, then each activation over contiguous runs (f, o, i are one run).
        double[] pre = work.preActivations(tr.gatesBuf, gBase, w.bias(), w4);
        for (int b = 0; b < mb; b++) {
            act.apply(pre, b * w4, b * w4 + h);
            gate.apply(pre, b * w4 + h, (b + 1) * w4);
        }
        double[] cPrev = work.narrow(0);
        double[] c = work.narrow(1);
        double[] tc = work.narrow(2);
        tr.cBuf.read(hBase, cPrev, n);
        for (int b = 0; b < mb; b++) {
            for (int j = 0; j < h; j++) {
                int p = b * w4 + j;
                double v = pre[p + h] * cPrev[b * h + j] + pre[p + 3 * h] * pre[p];
                c[b * h + j] = v;
                tc[b * h + j] = v;
            }
        }
        act.apply(tc, 0, n);
        double[] hNew = cPrev;
        for (int b = 0; b < mb; b++) {
            for (int j = 0; j < h; j++) {
                hNew[b * h + j] = pre[b * w4 + 2 * h + j] * tc[b * h + j];
            }
        }
        tr.gatesBuf.write(gBase, pre, mb * w4);
        tr.auxBuf.write(hBase, tc, n);
        tr.cBuf.write(hBase + n, c, n);
        tr.hBuf.write(hBase + n, hNew, n);
    }

    @Override
    void backward(Trace tr, int t, Weights w, Work work, StepGrad s) {
        int mb = tr.mb;
        int w4 = 4 * h;
        int n = mb * h;
        int gBase = t * mb * w4;
        int hBase = t * mb * h;
        double[] g = work.wide();
        double[] tc = work.narrow(0);
        double[] cPrev = work.narrow(1);
        double[] dh = work.narrow(2);
        double[] dcIn = work.narrow(3);
        double[] dcPrev = work.narrow(4);
        tr.gatesBuf.read(gBase, g, mb * w4);
        tr.auxBuf.read(hBase, tc, n);
        tr.cBuf.read(hBase, cPrev, n);
        s.dh.read(0, dh, n);
        s.dc.read(0, dcIn, n);
        s.dcPrev.read(0, dcPrev, n);
        double[] d = work.preActivations();
        for (int b = 0; b < mb; b++) {
            for (int j = 0; j < h; j++) {
                int k = b * h + j;
                int p = b * w4 + j;
                double in = g[p];
                double f = g[p + h];
                double o = g[p + 2 * h];
                double i = g[p + 3 * h];
                double dc = dcIn[k] + dh[k] * o * act.derivative(tc[k]);
                d[p] = dc * i * act.derivative(in);
                d[p + h] = dc * cPrev[k] * gate.derivative(f);
                d[p + 2 * h] = dh[k] * tc[k] * gate.derivative(o);
                d[p + 3 * h] = dc * in * gate.derivative(i);
                dcPrev[k] += dc * f;
            }
        }
        s.dPreBuf.write(gBase, d, mb * w4);
        s.dcPrev.write(0, dcPrev, n);
        work.addStateGradient(d, s.dPre.rows(t * mb, mb), w, s);
    }
}
