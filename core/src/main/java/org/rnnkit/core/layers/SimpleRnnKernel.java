package org.rnnkit.core.layers;

import org.nd4j.linalg.factory.Nd4j;

/** The {@link SimpleRnn} step: {@code h' = act(x W + h RW + b)}; its gate output is the new state itself. */
final class SimpleRnnKernel extends CellKernel {

    SimpleRnnKernel(int h, Fn act) {
        super(h, 1, act, act);
    }

    @Override
    void forward(Trace tr, int t, Weights w, Work work) {
        int mb = tr.mb;
        double[] bias = w.bias();
        Nd4j.gemm(tr.h.slice(t), w.rw(), work.rec(), false, false, 1.0, 0.0);
        Buf g = tr.gatesBuf;
        Buf rec = work.recBuf();
        Buf hs = tr.hBuf;
        for (int b = 0; b < mb; b++) {
            int gi = (t * mb + b) * h;
            for (int j = 0; j < h; j++) {
                double y = act.apply(g.get(gi + j) + bias[j] + rec.get(b * h + j));
                g.set(gi + j, y);
                hs.set(gi + mb * h + j, y);
            }
        }
    }

    @Override
    void backward(Trace tr, int t, Weights w, Work work, StepGrad s) {
        int mb = tr.mb;
        Buf g = tr.gatesBuf;
        for (int b = 0; b < mb; b++) {
            int gi = (t * mb + b) * h;
            for (int j = 0; j < h; j++) {
                s.dPreBuf.set(gi + j, s.dh.get(b * h + j) * act.derivative(g.get(gi + j)));
            }
        }
        Nd4j.gemm(s.dPre.slice(t), w.rw(), s.dhPrev, false, true, 1.0, 1.0);
    }
}
