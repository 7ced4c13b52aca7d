package org.rnnkit.core.layers;


/** The {@link SimpleRnn} step: {@code h' = act(x W + h RW + b)}; its gate output is the new state itself. */
final class SimpleRnnKernel extends CellKernel {

    SimpleRnnKernel(int h, Fn act) {
        super(h, 1, act, act);
    }

    @Override
    void forward(Trace tr, int t, Weights w, Work work) {
        int mb = tr.mb;
        Blas.gemm(tr.hMat.rows(t * mb, mb), false, w.rw(), false, work.rec(), 0);
        int base = t * mb * h;
        double[] pre = work.preActivations(tr.gatesBuf, base, w.bias(), h);
        act.apply(pre, 0, mb * h);
        tr.gatesBuf.write(base, pre, mb * h);
        tr.hBuf.write(base + mb * h, pre, mb * h);
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
