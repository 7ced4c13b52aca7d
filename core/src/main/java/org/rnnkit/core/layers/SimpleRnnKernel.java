package org.rnnkit.core.layers;


/** The {@link SimpleRnn} step: {@code h' = act(x W + h RW + b)}; its gate output is the new state itself. */
final class SimpleRnnKernel extends CellKernel {

    SimpleRnnKernel(int h, Fn act) {
        super(h, 1, act, act);
    }

    @Override
    void forward(Trace tr, int t, Weights w, Work work) {
        int mb = tr.mb;
        double[] bias = w.bias();
        Blas.gemm(tr.hMat.rows(t * mb, mb), false, w.rw(), false, work.rec(), 0);
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
        Blas.gemm(s.dPre.rows(t * mb, mb), false, w.rw(), true, s.dhPrev, 1);
    }
}
