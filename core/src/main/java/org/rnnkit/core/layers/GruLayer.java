package org.rnnkit.core.layers;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.recurrent.BaseRecurrentLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Implementation of the {@link GRU} layer: full-sequence forward/backward, masks, truncated BPTT with the segment's
 * start state, and stored state for {@code rnnTimeStep}. The state map holds one entry, {@link #STATE_KEY}, the
 * hidden state {@code [mb, H]}.
 */
public class GruLayer extends BaseRecurrentLayer<GRU> {

    /** Key of the hidden state in {@link #rnnGetPreviousState()} and the TBPTT state map. */
    public static final String STATE_KEY = "prevAct";

    /**
     * State the current TBPTT segment started from: rnnActivateUsingStoredState overwrites the TBPTT map with the
     * segment's end state, yet the backward pass must replay the segment from its start.
     */
    private INDArray tbpttSegmentStart;

    public GruLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    private GruCell cell() {
        GRU c = layerConf();
        return new GruCell(c.isResetAfter(), c.getActivationFn(), c.getGateActivationFn(), c.getNOut());
    }

    private GruCell.Forward forward(GruCell cell, INDArray h0, boolean training, boolean forBackprop,
            LayerWorkspaceMgr mgr) {
        applyDropOutIfNecessary(training, mgr);
        INDArray in = permuteIfNWC(input.castTo(dataType));
        GRU c = layerConf();
        if (in.rank() != 3 || in.size(1) != c.getNIn()) {
            throw new IllegalStateException("GRU layer " + layerId() + " expects input [minibatch, " + c.getNIn()
                    + ", time] (" + c.getRnnDataFormat() + "), got " + java.util.Arrays.toString(input.shape()));
        }
        if (h0 != null && (h0.size(0) != in.size(0) || h0.size(1) != c.getNOut())) {
            throw new IllegalStateException("GRU layer " + layerId() + ": stored state has shape "
                    + java.util.Arrays.toString(h0.shape()) + " but minibatch is " + in.size(0)
                    + "; call rnnClearPreviousState() when the minibatch size changes");
        }
        ArrayType ws = forBackprop ? ArrayType.BP_WORKING_MEM : ArrayType.FF_WORKING_MEM;
        INDArray x = mgr.dup(ws, in.permute(2, 0, 1), 'c');
        INDArray mask = maskArray == null ? null : maskArray.castTo(dataType);
        return cell.forward(x, getParamWithNoise(GruParamInitializer.INPUT_WEIGHT_KEY, training, mgr),
                getParamWithNoise(GruParamInitializer.RECURRENT_WEIGHT_KEY, training, mgr),
                getParamWithNoise(GruParamInitializer.BIAS_KEY, training, mgr),
                h0 == null ? null : h0.castTo(dataType), mask, training, forBackprop, mgr);
    }

    private INDArray toOutput(GruCell.Forward f, LayerWorkspaceMgr mgr) {
        long mb = f.states.size(1);
        INDArray out = mgr.createUninitialized(ArrayType.ACTIVATIONS, dataType,
                new long[] {mb, layerConf().getNOut(), f.steps}, 'f');
        out.assign(f.out.permute(1, 2, 0));
        return permuteIfNWC(out);
    }

    @SuppressWarnings("try") // the scope only needs to be open while dup() allocates
    private static INDArray lastState(GruCell.Forward f) {
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            return f.states.slice(f.steps).dup();
        }
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        return toOutput(forward(cell(), null, training, false, workspaceMgr), workspaceMgr);
    }

    @Override
    public INDArray rnnTimeStep(INDArray input, LayerWorkspaceMgr workspaceMgr) {
        setInput(input, workspaceMgr);
        GruCell.Forward f = forward(cell(), stateMap.get(STATE_KEY), false, false, workspaceMgr);
        INDArray out = toOutput(f, workspaceMgr);
        stateMap.put(STATE_KEY, lastState(f));
        return out;
    }

    @Override
    public INDArray rnnActivateUsingStoredState(INDArray input, boolean training, boolean storeLastForTBPTT,
            LayerWorkspaceMgr workspaceMgr) {
        setInput(input, workspaceMgr);
        tbpttSegmentStart = tBpttStateMap.get(STATE_KEY);
        GruCell.Forward f = forward(cell(), tbpttSegmentStart, training, false, workspaceMgr);
        INDArray out = toOutput(f, workspaceMgr);
        if (storeLastForTBPTT) {
            tBpttStateMap.put(STATE_KEY, lastState(f));
        }
        return out;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        return backprop(epsilon, -1, null, workspaceMgr);
    }

    @Override
    public Pair<Gradient, INDArray> tbpttBackpropGradient(INDArray epsilon, int tbpttBackLength,
            LayerWorkspaceMgr workspaceMgr) {
        return backprop(epsilon, tbpttBackLength, tbpttSegmentStart, workspaceMgr);
    }

    private Pair<Gradient, INDArray> backprop(INDArray epsilon, int backLength, INDArray h0, LayerWorkspaceMgr mgr) {
        assertInputSet(true);
        GruCell cell = cell();
        GruCell.Forward f = forward(cell, h0, true, true, mgr);
        INDArray epsT = permuteIfNWC(epsilon).castTo(dataType).permute(2, 0, 1);
        int end = backLength > 0 ? Math.max(0, f.steps - backLength) : 0;
        INDArray gW = gradientViews.get(GruParamInitializer.INPUT_WEIGHT_KEY);
        INDArray gRW = gradientViews.get(GruParamInitializer.RECURRENT_WEIGHT_KEY);
        INDArray gB = gradientViews.get(GruParamInitializer.BIAS_KEY);
        INDArray epsIn = cell.backward(f, epsT,
                getParamWithNoise(GruParamInitializer.INPUT_WEIGHT_KEY, true, mgr),
                getParamWithNoise(GruParamInitializer.RECURRENT_WEIGHT_KEY, true, mgr), end, gW, gRW, gB, mgr);
        Gradient g = new DefaultGradient(gradientsFlattened);
        g.gradientForVariable().put(GruParamInitializer.INPUT_WEIGHT_KEY, gW);
        g.gradientForVariable().put(GruParamInitializer.RECURRENT_WEIGHT_KEY, gRW);
        g.gradientForVariable().put(GruParamInitializer.BIAS_KEY, gB);
        weightNoiseParams.clear();
        long mb = f.states.size(1);
        INDArray epsOut = epsIn.reshape('c', f.steps, mb, epsIn.size(1)).permute(1, 2, 0);
        epsOut = backpropDropOutIfPresent(epsOut);
        return new Pair<>(g, permuteIfNWC(epsOut));
    }

    @Override
    public void rnnClearPreviousState() {
        super.rnnClearPreviousState();
        tbpttSegmentStart = null;
    }

    @Override
    public boolean isPretrainLayer() {
        return false;
    }

    @Override
    public Type type() {
        return Type.RECURRENT;
    }

    @Override
    public boolean hasBias() {
        return true;
    }
}
