package org.rnnkit.core.layers;

import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;

import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;

/**
 * GRU forward and backward maths over a whole sequence, time-major.
 *
 * <p>All per-step arrays are slices of {@code [T, mb, *]} c-order blocks, so each step works on contiguous
 * {@code [mb, *]} matrices and the parameter gradients become single big products after the time loop. The input
 * projection is one product {@code [T*mb, nIn] x [nIn, 3H]}; each step does one recurrent product for all three
 * gates (resetAfter) or one for r,z plus one for n (reset-before, where n needs {@code r*h} first).
 */
final class GruCell {

    /** Everything the backward pass needs from the forward pass. */
    static final class Forward {
        /** [T+1, mb, H]: slice 0 is the initial state, slice t+1 the (mask-carried) state after step t. */
        INDArray states;
        /** [T, mb, H]: layer output (h' at real steps, 0 at masked steps). */
        INDArray out;
        /** [T, mb, 3H]: gate activations r, z, n. */
        INDArray gates;
        /** [T, mb, 3H]: pre-activations, kept only for activations whose derivative needs them. */
        INDArray pre;
        /** [T, mb, H]: resetAfter: W_hn h + b_hn; reset-before: r * h. */
        INDArray rec;
        /** [T*mb, nIn]: the input, time-major. */
        INDArray xin;
        /** [mb, T] mask in the network data type, or null. */
        INDArray mask;
        int steps;
    }

    private final boolean resetAfter;
    private final IActivation act;
    private final IActivation gate;
    private final long h;
    private final boolean keepPre;

    GruCell(boolean resetAfter, IActivation act, IActivation gate, long h) {
        this.resetAfter = resetAfter;
        this.act = act;
        this.gate = gate;
        this.h = h;
        this.keepPre = !hasCheapDerivative(act) || !hasCheapDerivative(gate);
    }

    private static boolean hasCheapDerivative(IActivation a) {
        return a instanceof ActivationTanH || a instanceof ActivationSigmoid;
    }

    private INDArrayIndex r() {
        return interval(0, h);
    }

    private INDArrayIndex z() {
        return interval(h, 2 * h);
    }

    private INDArrayIndex n() {
        return interval(2 * h, 3 * h);
    }

    private INDArrayIndex rz() {
        return interval(0, 2 * h);
    }

    /** A [mb, 3H] buffer and its gate-block views, created once per sequence so the time loop indexes nothing. */
    private final class Blocks {
        final INDArray all;
        final INDArray r;
        final INDArray z;
        final INDArray n;
        final INDArray rz;

        Blocks(LayerWorkspaceMgr mgr, ArrayType ws, DataType dt, long mb) {
            all = mgr.createUninitialized(ws, dt, new long[] {mb, 3 * h}, 'c');
            r = all.get(all(), r());
            z = all.get(all(), z());
            n = all.get(all(), n());
            rz = all.get(all(), rz());
        }
    }

    /**
     * @param x    input [T, mb, nIn], c order
     * @param h0   initial state [mb, H] or null for zeros
     * @param mask [mb, T] or null
     */
    Forward forward(INDArray x, INDArray w, INDArray rw, INDArray b, INDArray h0, INDArray mask, boolean training,
            boolean forBackprop, LayerWorkspaceMgr mgr) {
        ArrayType ws = forBackprop ? ArrayType.BP_WORKING_MEM : ArrayType.FF_WORKING_MEM;
        DataType dt = x.dataType();
        int steps = (int) x.size(0);
        long mb = x.size(1);
        long nIn = x.size(2);
        Forward f = new Forward();
        f.steps = steps;
        f.mask = mask;
        f.xin = x.reshape('c', steps * mb, nIn);
        INDArray proj = mgr.createUninitialized(ws, dt, new long[] {steps * mb, 3 * h}, 'c');
        f.xin.mmul(w, proj);
        proj.addiRowVector(b.get(all(), interval(0, 3 * h)));
        INDArray proj3 = proj.reshape('c', steps, mb, 3 * h);
        f.states = mgr.create(ws, dt, new long[] {steps + 1, mb, h}, 'c');
        if (h0 != null) {
            f.states.slice(0).assign(h0);
        }
        f.gates = mgr.createUninitialized(ws, dt, new long[] {steps, mb, 3 * h}, 'c');
        f.pre = keepPre ? mgr.createUninitialized(ws, dt, new long[] {steps, mb, 3 * h}, 'c') : null;
        f.rec = mgr.createUninitialized(ws, dt, new long[] {steps, mb, h}, 'c');
        INDArray outs = mask == null ? null : mgr.createUninitialized(ws, dt, new long[] {steps, mb, h}, 'c');
        Blocks a = new Blocks(mgr, ws, dt, mb);
        Blocks gh = new Blocks(mgr, ws, dt, mb);
        Blocks pre = keepPre ? new Blocks(mgr, ws, dt, mb) : null;
        INDArray tmp = mgr.createUninitialized(ws, dt, new long[] {mb, h}, 'c');
        INDArray ghRz = resetAfter ? null : mgr.createUninitialized(ws, dt, new long[] {mb, 2 * h}, 'c');
        INDArray bh = resetAfter ? b.get(all(), interval(3 * h, 6 * h)) : null;
        INDArray rwRz = rw.get(all(), rz());
        INDArray rwN = rw.get(all(), n());
        for (int t = 0; t < steps; t++) {
            INDArray hPrev = f.states.slice(t);
            INDArray rec = f.rec.slice(t);
            a.all.assign(proj3.slice(t));
            if (resetAfter) {
                Nd4j.gemm(hPrev, rw, gh.all, false, false, 1.0, 0.0);
                gh.all.addiRowVector(bh);
                a.rz.addi(gh.rz);
            } else {
                Nd4j.gemm(hPrev, rwRz, ghRz, false, false, 1.0, 0.0);
                a.rz.addi(ghRz);
            }
            if (keepPre) {
                pre.rz.assign(a.rz);
            }
            activateInPlace(gate, a.rz, training);
            if (resetAfter) {
                rec.assign(gh.n);
                tmp.assign(gh.n).muli(a.r);
            } else {
                rec.assign(hPrev).muli(a.r);
                Nd4j.gemm(rec, rwN, tmp, false, false, 1.0, 0.0);
            }
            a.n.addi(tmp);
            if (keepPre) {
                pre.n.assign(a.n);
                f.pre.slice(t).assign(pre.all);
            }
            activateInPlace(act, a.n, training);
            f.gates.slice(t).assign(a.all);
            INDArray hNew = f.states.slice(t + 1);
            hNew.assign(hPrev).subi(a.n).muli(a.z).addi(a.n);
            if (mask != null) {
                INDArray m = mask.getColumn(t, true);
                outs.slice(t).assign(hNew).muliColumnVector(m);
                // Masked steps keep the previous state, so a padded sequence ends on its last real state.
                hNew.subi(hPrev).muliColumnVector(m).addi(hPrev);
            }
        }
        f.out = mask == null ? f.states.get(interval(1, steps + 1), all(), all()) : outs;
        return f;
    }

    private static void activateInPlace(IActivation fn, INDArray view, boolean training) {
        INDArray res = fn.getActivation(view, training);
        if (res != view) {
            view.assign(res);
        }
    }

    /** d *= fn'(pre): tanh and sigmoid from their outputs, other activations through their own backprop. */
    private static void mulDerivative(IActivation fn, INDArray d, INDArray post, INDArray pre, INDArray tmp) {
        if (fn instanceof ActivationTanH) {
            tmp.assign(d).muli(post).muli(post);
            d.subi(tmp);
        } else if (fn instanceof ActivationSigmoid) {
            tmp.assign(post).rsubi(1).muli(post);
            d.muli(tmp);
        } else {
            d.assign(fn.backprop(pre.dup(), d.dup()).getFirst());
        }
    }

    /**
     * Backpropagates through steps {@code [end, T)} (steps before {@code end} get no gradient, as in truncated
     * BPTT), writes the parameter gradients into the given views and returns dL/dx as [T*mb, nIn] (time-major).
     *
     * @param eps dL/d(output) as [T, mb, H] (any strides)
     */
    INDArray backward(Forward f, INDArray eps, INDArray w, INDArray rw, int end, INDArray gW, INDArray gRW,
            INDArray gB, LayerWorkspaceMgr mgr) {
        ArrayType ws = ArrayType.BP_WORKING_MEM;
        DataType dt = eps.dataType();
        int steps = f.steps;
        long mb = f.states.size(1);
        INDArray dX = mgr.create(ws, dt, new long[] {steps, mb, 3 * h}, 'c');
        INDArray dG = resetAfter ? mgr.create(ws, dt, new long[] {steps, mb, 3 * h}, 'c') : null;
        Blocks g = new Blocks(mgr, ws, dt, mb);
        Blocks d = new Blocks(mgr, ws, dt, mb);
        Blocks dg = resetAfter ? new Blocks(mgr, ws, dt, mb) : null;
        Blocks pre = f.pre == null ? null : new Blocks(mgr, ws, dt, mb);
        INDArray dh = mgr.createUninitialized(ws, dt, new long[] {mb, h}, 'c');
        INDArray dhNext = mgr.create(ws, dt, new long[] {mb, h}, 'c');
        INDArray tmp = mgr.createUninitialized(ws, dt, new long[] {mb, h}, 'c');
        INDArray da = resetAfter ? null : mgr.createUninitialized(ws, dt, new long[] {mb, h}, 'c');
        INDArray rwRz = rw.get(all(), rz());
        INDArray rwN = rw.get(all(), n());
        for (int t = steps - 1; t >= end; t--) {
            INDArray hPrev = f.states.slice(t);
            g.all.assign(f.gates.slice(t));
            if (pre != null) {
                pre.all.assign(f.pre.slice(t));
            }
            dh.assign(eps.slice(t)).addi(dhNext);
            if (f.mask != null) {
                INDArray m = f.mask.getColumn(t, true);
                // A masked step passes the incoming state gradient straight to the previous state.
                dhNext.muliColumnVector(m.rsub(1));
                dh.muliColumnVector(m);
            } else {
                dhNext.assign(0);
            }
            tmp.assign(dh).muli(g.z);
            dhNext.addi(tmp);
            d.n.assign(dh).subi(tmp);
            d.z.assign(hPrev).subi(g.n).muli(dh);
            mulDerivative(act, d.n, g.n, pre == null ? null : pre.n, tmp);
            mulDerivative(gate, d.z, g.z, pre == null ? null : pre.z, tmp);
            INDArray rec = f.rec.slice(t);
            if (resetAfter) {
                d.r.assign(d.n).muli(rec);
                mulDerivative(gate, d.r, g.r, pre == null ? null : pre.r, tmp);
                dg.all.assign(d.all);
                dg.n.muli(g.r);
                dG.slice(t).assign(dg.all);
                Nd4j.gemm(dg.all, rw, dhNext, false, true, 1.0, 1.0);
            } else {
                Nd4j.gemm(d.n, rwN, da, false, true, 1.0, 0.0);
                d.r.assign(da).muli(hPrev);
                mulDerivative(gate, d.r, g.r, pre == null ? null : pre.r, tmp);
                dhNext.addi(da.muli(g.r));
                Nd4j.gemm(d.rz, rwRz, dhNext, false, true, 1.0, 1.0);
            }
            dX.slice(t).assign(d.all);
        }
        INDArray dX2 = dX.reshape('c', steps * mb, 3 * h);
        INDArray hPrev2 = f.states.get(interval(0, steps), all(), all()).reshape('c', steps * mb, h);
        gW.assign(f.xin.transpose().mmul(dX2));
        if (resetAfter) {
            INDArray dG2 = dG.reshape('c', steps * mb, 3 * h);
            gRW.assign(hPrev2.transpose().mmul(dG2));
            gB.get(all(), interval(0, 3 * h)).assign(dX2.sum(0).reshape(1, 3 * h));
            gB.get(all(), interval(3 * h, 6 * h)).assign(dG2.sum(0).reshape(1, 3 * h));
        } else {
            INDArray rec2 = f.rec.reshape('c', steps * mb, h);
            gRW.get(all(), rz()).assign(hPrev2.transpose().mmul(dX2.get(all(), rz())));
            gRW.get(all(), n()).assign(rec2.transpose().mmul(dX2.get(all(), n())));
            gB.assign(dX2.sum(0).reshape(1, 3 * h));
        }
        INDArray epsIn = mgr.createUninitialized(ArrayType.ACTIVATION_GRAD, dt,
                new long[] {steps * mb, f.xin.size(1)}, 'c');
        dX2.mmul(w.transpose(), epsIn);
        return epsIn;
    }
}
