package org.rnnkit.core.layers;


/** The {@link SimpleRnn} step: {@code h' = act(x W + h RW + b)}; its gate output is the new state itself. */
final class SimpleRnnKernel extends CellKernel {

    SimpleRnnKernel(int h, Fn act) {
        super(h, 1, act, act);
    }

    @Override
    void forward(Trace tr, int t, Weights w, Work work) {
        int mb = tr.mb;
        work.recurrentProduct(tr, t, w);
        int base = t * mb * h;
        double[] pre = work.preActivations(tr.gatesBuf, base, w.bias(), h);
        act.apply(pre, 0, mb * h);
        tr.gatesBuf.write(base, pre, mb * h);
        tr.hBuf.write(base + mb * h, pre, mb * h);
    }

    @Override
    void backward(Trace tr, int t, Weights w, Work work, StepGrad s) {
        int n = tr.mb * h;
        double[] y = work.preActivations();
        double[] dh = work.narrow(0);
        tr.gatesBuf.read(t * n, y, n);
        s.dh.read(0, dh, n);
        for (int i = 0; i < n; i++) {
            y[i] = dh[i] * act.derivative(y[i]);
        }
        s.dPreBuf.write(t * n, y, n);
        work.addStateGradient(y, s.dPre.rows(t * tr.mb, tr.mb), w, s);
    }
}
