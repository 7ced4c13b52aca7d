package org.rnnkit.core.layers;

import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;

import java.util.Map;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.MaskState;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.layers.recurrent.Bidirectional;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.recurrent.BidirectionalLayer;
import org.deeplearning4j.nn.params.BidirectionalParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastMulOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;

/**
 * Implementation of {@link MaskedBidirectional}. Reuses DL4J's {@link BidirectionalLayer} for parameters, gradient
 * views, listeners and state plumbing; replaces the forward and backward passes with per-sequence reversal.
 */
public class MaskedBidirectionalLayer extends BidirectionalLayer {

    private static final String NO_STEPPING = "MaskedBidirectional: %s is not supported, because the backward "
            + "direction needs each whole sequence; use output()/feedForward on complete sequences "
            + "(and standard backprop instead of truncated BPTT)";

    private final Layer fwd;
    private final Layer bwd;
    private INDArray input;
    private INDArray mask;
    private INDArray outFwd;
    private INDArray outBwd;
    private SequenceReversal reversal;

    public MaskedBidirectionalLayer(NeuralNetConfiguration conf, Layer fwd, Layer bwd, INDArray paramsView) {
        super(conf, fwd, bwd, paramsView);
        this.fwd = fwd;
        this.bwd = bwd;
    }

    private Bidirectional bidiConf() {
        return (Bidirectional) conf().getLayer();
    }

    private boolean nwc() {
        return bidiConf().getRNNDataFormat() == RNNFormat.NWC;
    }

    private long steps(INDArray x) {
        return x.size(nwc() ? 1 : 2);
    }

    @Override
    public void setInput(INDArray input, LayerWorkspaceMgr workspaceMgr) {
        this.input = input;
        this.reversal = null;
        fwd.setInput(input, workspaceMgr);
        fwd.setInputMiniBatchSize((int) input.size(0));
        bwd.setInputMiniBatchSize((int) input.size(0));
    }

    @Override
    public INDArray input() {
        return input;
    }

    @Override
    public void setMaskArray(INDArray maskArray) {
        this.mask = maskArray;
        this.reversal = null;
        fwd.setMaskArray(maskArray);
        // Reversal within each sequence's real steps leaves the mask unchanged.
        bwd.setMaskArray(maskArray);
    }

    @Override
    public INDArray getMaskArray() {
        return mask;
    }

    @Override
    public Pair<INDArray, MaskState> feedForwardMaskArray(INDArray maskArray, MaskState currentMaskState,
            int minibatchSize) {
        this.mask = maskArray;
        this.reversal = null;
        Pair<INDArray, MaskState> ret = fwd.feedForwardMaskArray(maskArray, currentMaskState, minibatchSize);
        bwd.feedForwardMaskArray(maskArray, currentMaskState, minibatchSize);
        return ret;
    }

    private SequenceReversal reversal() {
        if (reversal == null) {
            reversal = SequenceReversal.of(mask, input.size(0), steps(input));
        }
        return reversal;
    }

    @Override
    public INDArray activate(INDArray input, boolean training, LayerWorkspaceMgr workspaceMgr) {
        setInput(input, workspaceMgr);
        return activate(training, workspaceMgr);
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr mgr) {
        // Some wrapped layers (DL4J's LSTM) leave non-zero values on masked steps; padding always reads 0 here.
        return applyMask(merge(training, mgr));
    }

    /** Multiplies a [mb, n, T] (or NWC) array in place by the [mb, T] mask; no-op without mask. */
    private INDArray applyMask(INDArray x) {
        if (mask != null) {
            INDArray m = mask.castTo(x.dataType());
            Nd4j.getExecutioner().exec(new BroadcastMulOp(x, m, x, 0, nwc() ? 1 : 2));
        }
        return x;
    }

    private INDArray merge(boolean training, LayerWorkspaceMgr mgr) {
        if (input == null) {
            throw new IllegalStateException("MaskedBidirectional: no input set");
        }
        boolean nwc = nwc();
        outFwd = fwd.activate(training, mgr);
        bwd.setInput(reversal().apply(input, nwc, ArrayType.INPUT, mgr), mgr);
        outBwd = reversal().apply(bwd.activate(training, mgr), nwc, ArrayType.ACTIVATIONS, mgr);
        switch (bidiConf().getMode()) {
            case ADD:
                return mgr.dup(ArrayType.ACTIVATIONS, outFwd).addi(outBwd);
            case MUL:
                return mgr.dup(ArrayType.ACTIVATIONS, outFwd).muli(outBwd);
            case AVERAGE:
                return mgr.dup(ArrayType.ACTIVATIONS, outFwd).addi(outBwd).muli(0.5);
            case CONCAT:
                long n = outFwd.size(nwc ? 2 : 1);
                long[] shape = outFwd.shape().clone();
                shape[nwc ? 2 : 1] = 2 * n;
                INDArray out = mgr.createUninitialized(ArrayType.ACTIVATIONS, outFwd.dataType(), shape, 'c');
                out.get(half(nwc, 0, n)).assign(outFwd);
                out.get(half(nwc, n, 2 * n)).assign(outBwd);
                return out;
            default:
                throw new IllegalStateException("Unknown merge mode " + bidiConf().getMode());
        }
    }

    private static INDArrayIndex[] half(boolean nwc, long from, long to) {
        return nwc ? new INDArrayIndex[] {all(), all(), interval(from, to)}
                : new INDArrayIndex[] {all(), interval(from, to), all()};
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr mgr) {
        if (outFwd == null || outBwd == null) {
            throw new IllegalStateException("MaskedBidirectional: backpropGradient called before activate");
        }
        boolean nwc = nwc();
        if (mask != null) {
            epsilon = applyMask(epsilon.dup());
        }
        INDArray epsF;
        INDArray epsB;
        switch (bidiConf().getMode()) {
            case ADD:
                epsF = epsilon;
                epsB = epsilon;
                break;
            case MUL:
                epsF = epsilon.mul(outBwd);
                epsB = epsilon.mul(outFwd);
                break;
            case AVERAGE:
                epsF = epsilon.mul(0.5);
                epsB = epsF;
                break;
            case CONCAT:
                long n = epsilon.size(nwc ? 2 : 1) / 2;
                epsF = epsilon.get(half(nwc, 0, n));
                epsB = epsilon.get(half(nwc, n, 2 * n));
                break;
            default:
                throw new IllegalStateException("Unknown merge mode " + bidiConf().getMode());
        }
        Pair<Gradient, INDArray> pf = fwd.backpropGradient(epsF, mgr);
        Pair<Gradient, INDArray> pb = bwd.backpropGradient(reversal().apply(epsB, nwc, ArrayType.BP_WORKING_MEM,
                mgr), mgr);
        INDArray epsIn = mgr.dup(ArrayType.ACTIVATION_GRAD, pf.getSecond())
                .addi(reversal().apply(pb.getSecond(), nwc, ArrayType.BP_WORKING_MEM, mgr));
        Gradient g = new DefaultGradient(getGradientsViewArray());
        for (Map.Entry<String, INDArray> e : pf.getFirst().gradientForVariable().entrySet()) {
            g.gradientForVariable().put(BidirectionalParamInitializer.FORWARD_PREFIX + e.getKey(), e.getValue());
        }
        for (Map.Entry<String, INDArray> e : pb.getFirst().gradientForVariable().entrySet()) {
            g.gradientForVariable().put(BidirectionalParamInitializer.BACKWARD_PREFIX + e.getKey(), e.getValue());
        }
        return new Pair<>(g, epsIn);
    }

    @Override
    public INDArray rnnTimeStep(INDArray input, LayerWorkspaceMgr workspaceMgr) {
        throw new UnsupportedOperationException(String.format(NO_STEPPING, "rnnTimeStep"));
    }

    @Override
    public INDArray rnnActivateUsingStoredState(INDArray input, boolean training, boolean storeLastForTBPTT,
            LayerWorkspaceMgr workspaceMgr) {
        throw new UnsupportedOperationException(String.format(NO_STEPPING, "truncated BPTT"));
    }

    @Override
    public Pair<Gradient, INDArray> tbpttBackpropGradient(INDArray epsilon, int tbpttBackLength,
            LayerWorkspaceMgr workspaceMgr) {
        throw new UnsupportedOperationException(String.format(NO_STEPPING, "truncated BPTT"));
    }

    @Override
    public void clear() {
        super.clear();
        input = null;
        mask = null;
        outFwd = null;
        outBwd = null;
        reversal = null;
    }
}
