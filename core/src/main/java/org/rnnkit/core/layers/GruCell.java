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
        f.states = mgr.create(ws, dt, new long[] {steps + 1, mb, h}, 'c');
        if (h0 != null) {
            f.states.slice(0).assign(h0);
        }
        f.gates = mgr.createUninitialized(ws, dt, new long[] {steps, mb, 3 * h}, 'c');
        f.pre = keepPre ? mgr.createUninitialized(ws, dt, new long[] {steps, mb, 3 * h}, 'c') : null;
        f.rec = mgr.createUninitialized(ws, dt, new long[] {steps, mb, h}, 'c');
        INDArray outs = mask == null ? null : mgr.createUninitialized(ws, dt, new long[] {steps, mb, h}, 'c');
        INDArray bh = resetAfter ? b.get(all(), interval(3 * h, 6 * h)) : null;
        INDArray rwRz = rw.get(all(), rz());
        INDArray rwN = rw.get(all(), n());
        INDArray gh = mgr.createUninitialized(ws, dt, new long[] {mb, resetAfter ? 3 * h : 2 * h}, 'c');
        INDArray proj3 = proj.reshape('c', steps, mb, 3 * h);
        for (int t = 0; t < steps; t++) {
            INDArray hPrev = f.states.slice(t);
            INDArray xp = proj3.slice(t);
            INDArray g = f.gates.slice(t);
            INDArray gRz = g.get(all(), rz());
            INDArray gN = g.get(all(), n());
            INDArray rec = f.rec.slice(t);
            hPrev.mmul(resetAfter ? rw : rwRz, gh);
            if (resetAfter) {
                gh.addiRowVector(bh);
            }
            gRz.assign(xp.get(all(), rz())).addi(gh.get(all(), rz()));
            if (keepPre) {
                f.pre.slice(t).get(all(), rz()).assign(gRz);
            }
            activateInPlace(gate, gRz, training);
            INDArray rGate = g.get(all(), r());
            if (resetAfter) {
                rec.assign(gh.get(all(), n()));
                gN.assign(rec).muli(rGate).addi(xp.get(all(), n()));
            } else {
                rec.assign(hPrev).muli(rGate);
                gN.assign(rec.mmul(rwN)).addi(xp.get(all(), n()));
            }
            if (keepPre) {
                f.pre.slice(t).get(all(), n()).assign(gN);
            }
            activateInPlace(act, gN, training);
            INDArray hNew = f.states.slice(t + 1);
            hNew.assign(hPrev).subi(gN).muli(g.get(all(), z())).addi(gN);
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

    /** dL/d(pre-activation) from dL/d(activation); tanh and sigmoid use their outputs, others their inputs. */
    private static INDArray activationGrad(IActivation fn, INDArray pre, INDArray post, INDArray eps) {
        if (fn instanceof ActivationTanH) {
            return post.mul(post).rsubi(1).muli(eps);
        }
        if (fn instanceof ActivationSigmoid) {
            return post.rsub(1).muli(post).muli(eps);
        }
        return fn.backprop(pre.dup(), eps.dup()).getFirst();
    }

    /**
     * Backpropagates through steps {@code [end, T)} (steps before {@code end} get no gradient, as in truncated
     * BPTT), writes the parameter gradients into the given views and returns dL/dx as [T*mb, nIn] (time-major).
     *
     * @param eps dL/d(output) as [T, mb, H] (any strides)
     */
    INDArray backward(Forward f, INDArray eps, INDArray w, INDArray rw, int end, INDArray gW, INDArray gRW,
            INDArray gB, LayerWorkspaceMgr mgr) {
        DataType dt = eps.dataType();
        int steps = f.steps;
        long mb = f.states.size(1);
        INDArray dX = mgr.create(ArrayType.BP_WORKING_MEM, dt, new long[] {steps, mb, 3 * h}, 'c');
        INDArray dG = resetAfter ? mgr.create(ArrayType.BP_WORKING_MEM, dt, new long[] {steps, mb, 3 * h}, 'c')
                : null;
        INDArray rwT = rw.transpose();
        INDArray rwRzT = rw.get(all(), rz()).transpose();
        INDArray rwNT = rw.get(all(), n()).transpose();
        INDArray dhNext = null;
        for (int t = steps - 1; t >= end; t--) {
            INDArray hPrev = f.states.slice(t);
            INDArray g = f.gates.slice(t);
            INDArray rG = g.get(all(), r());
            INDArray zG = g.get(all(), z());
            INDArray nG = g.get(all(), n());
            INDArray pre = f.pre == null ? null : f.pre.slice(t);
            INDArray dh = dhNext == null ? eps.slice(t).dup('c') : eps.slice(t).add(dhNext);
            INDArray carry = null;
            if (f.mask != null) {
                INDArray m = f.mask.getColumn(t, true);
                if (dhNext != null) {
                    carry = dhNext.mulColumnVector(m.rsub(1));
                }
                dh.muliColumnVector(m);
            }
            INDArray dhPrev = dh.mul(zG);
            if (carry != null) {
                dhPrev.addi(carry);
            }
            INDArray dn = dh.mul(zG.rsub(1));
            INDArray dz = dh.mul(hPrev.sub(nG));
            INDArray dnPre = activationGrad(act, pre == null ? null : pre.get(all(), n()), nG, dn);
            INDArray dzPre = activationGrad(gate, pre == null ? null : pre.get(all(), z()), zG, dz);
            INDArray dXt = dX.slice(t);
            dXt.get(all(), n()).assign(dnPre);
            dXt.get(all(), z()).assign(dzPre);
            INDArray rec = f.rec.slice(t);
            if (resetAfter) {
                INDArray drPre = activationGrad(gate, pre == null ? null : pre.get(all(), r()), rG, dnPre.mul(rec));
                dXt.get(all(), r()).assign(drPre);
                INDArray dGt = dG.slice(t);
                dGt.assign(dXt);
                dGt.get(all(), n()).muli(rG);
                dhPrev.addi(dGt.mmul(rwT));
            } else {
                INDArray da = dnPre.mmul(rwNT);
                INDArray drPre = activationGrad(gate, pre == null ? null : pre.get(all(), r()), rG, da.mul(hPrev));
                dXt.get(all(), r()).assign(drPre);
                dhPrev.addi(da.muli(rG));
                dhPrev.addi(dXt.get(all(), rz()).mmul(rwRzT));
            }
            dhNext = dhPrev;
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
