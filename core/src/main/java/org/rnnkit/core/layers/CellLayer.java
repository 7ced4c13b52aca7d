package org.rnnkit.core.layers;

import java.util.HashMap;
import java.util.Map;

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
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Implementation of every {@link RecurrentCell} (GRU, LSTM, SimpleRnn) as a DL4J recurrent layer: full-sequence
 * forward/backward through {@link SequenceLoop}, masks, truncated BPTT from the segment's start state, and stored
 * state for {@code rnnTimeStep}. The state map holds {@link #STATE_KEY} (hidden state {@code [mb, H]}) and, for cells
 * with memory, {@link #MEMORY_KEY} (DL4J's LSTM uses the same keys). A state set with
 * {@code rnnSetPreviousState} may have any batch size; the next step's input must have the same.
 */
public class CellLayer extends BaseRecurrentLayer<RecurrentCell> {

    /** Key of the hidden state in {@link #rnnGetPreviousState()} and the TBPTT state map. */
    public static final String STATE_KEY = "prevAct";
    /** Key of the memory cell (LSTM). */
    public static final String MEMORY_KEY = "prevMem";

    private final Scratch scratch = new Scratch();
    private CellKernel kernel;
    /** The last training forward pass and the input it saw: the backward pass reuses it instead of recomputing. */
    private Trace trace;
    private INDArray traceInput;
    private INDArray traceMask;
    /** Whether the traced forward pass took its initial state from the input ({@link RecurrentCell}). */
    private boolean traceStateFromInput;
    /** State the current TBPTT segment started from (the TBPTT map already holds the segment's end state). */
    private Map<String, INDArray> tbpttSegmentStart;
    /** {@code rnnTimeStep}'s single-step path for the last batch size, and the parameters it was built over. */
    private CellStep step;
    private INDArray stepWeights;

    public CellLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    CellKernel kernel() {
        if (kernel == null) {
            kernel = layerConf().kernel();
        }
        return kernel;
    }

    private CellKernel.Weights weights(boolean training, LayerWorkspaceMgr mgr) {
        return CellKernel.Weights.of(
                getParamWithNoise(CellParamInitializer.INPUT_WEIGHT_KEY, training, mgr).castTo(dataType),
                getParamWithNoise(CellParamInitializer.RECURRENT_WEIGHT_KEY, training, mgr).castTo(dataType),
                getParamWithNoise(CellParamInitializer.BIAS_KEY, training, mgr).toDoubleVector());
    }

    private Trace forward(Map<String, INDArray> init, boolean training, LayerWorkspaceMgr mgr) {
        applyDropOutIfNecessary(training, mgr);
        INDArray in = permuteIfNWC(input);
        RecurrentCell c = layerConf();
        if (in.rank() != 3 || in.size(1) != c.getNIn()) {
            throw new IllegalStateException(c.getClass().getSimpleName() + " layer " + layerId() + " expects input "
                    + "[minibatch, " + c.getNIn() + ", time] (" + c.getRnnDataFormat() + "), got "
                    + java.util.Arrays.toString(input.shape()));
        }
        INDArray h0 = init == null ? null : init.get(STATE_KEY);
        INDArray c0 = init == null ? null : init.get(MEMORY_KEY);

        if (h0 != null && (h0.size(0) != in.size(0) || h0.size(1) != c.getNOut())) {
            throw new IllegalStateException(c.getClass().getSimpleName() + " layer " + layerId()
                    + ": stored state has shape " + java.util.Arrays.toString(h0.shape()) + " but the input has "
                    + in.size(0) + " rows; set a state with as many rows (rnnSetPreviousState) or clear it "
                    + "(rnnClearPreviousState)");
        }
        INDArray x = scratch.get("x", dataType, in.size(2), in.size(0), in.size(1));
        Buf.toTimeMajor(in.castTo(dataType), Buf.of(x));
        boolean stateFromInput = init == null && c.isInitialStateFromInput();
        if (stateFromInput) { // the first step's last nOut features: [mb, nOut]
            h0 = x.slice(0).get(NDArrayIndex.all(), NDArrayIndex.interval(c.getNIn() - c.getNOut(), c.getNIn()));
        }
        Trace tr = SequenceLoop.forward(kernel(), x, weights(training, mgr), h0, c0, maskArray, scratch);
        trace = training ? tr : null;
        traceInput = training ? input : null;
        traceMask = maskArray;
        traceStateFromInput = stateFromInput;
        return tr;
    }

    private INDArray toOutput(Trace tr, LayerWorkspaceMgr mgr) {
        // [mb, H, T] as a view of an 'f'-ordered [mb, T, H]: DL4J's 3-d to 2-d reshape (RnnOutputLayer, its labels'
        // twin, the preprocessors) permutes to [mb, T, H] and reshapes in 'f' order, a view here and a copy of the
        // whole sequence for a plain 'f' [mb, H, T]. The values are the same either way.
        INDArray out = mgr.createUninitialized(ArrayType.ACTIVATIONS, dataType,
                new long[] {tr.mb, tr.steps, layerConf().getNOut()}, 'f').permute(0, 2, 1);
        Buf.fromTimeMajor(Buf.of(tr.out), out);
        return permuteIfNWC(out);
    }

    /** The state after the last step, detached from every workspace and from the reused buffers. */
    @SuppressWarnings("try") // the scope only needs to be open while dup() allocates
    private static Map<String, INDArray> lastState(Trace tr) {
        Map<String, INDArray> state = new HashMap<>();
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            state.put(STATE_KEY, tr.h.slice(tr.steps).dup('c'));
            if (tr.c != null) {
                state.put(MEMORY_KEY, tr.c.slice(tr.steps).dup('c'));
            }
        }
        return state;
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        return toOutput(forward(null, training, workspaceMgr), workspaceMgr);
    }

    @Override
    public INDArray rnnTimeStep(INDArray input, LayerWorkspaceMgr workspaceMgr) {
        setInput(input, workspaceMgr);
        INDArray in = permuteIfNWC(input);
        if (maskArray == null && in.rank() == 3 && in.size(2) == 1 && in.size(1) == layerConf().getNIn()) {
            return singleStep(in, workspaceMgr);
        }
        Trace tr = forward(stateMap.isEmpty() ? null : stateMap, false, workspaceMgr);
        INDArray out = toOutput(tr, workspaceMgr);
        stateMap.clear();
        stateMap.putAll(lastState(tr));
        return out;
    }

    /**
     * One time step on a {@link CellStep} kept across calls (generation feeds one token per call): the same kernel
     * as {@link #forward}, without that path's per-call views, scratch lookups and trace set-up.
     */
    @SuppressWarnings("try") // the scope only needs to be open while the state arrays are allocated
    private INDArray singleStep(INDArray in, LayerWorkspaceMgr mgr) {
        int mb = (int) in.size(0);
        int units = (int) layerConf().getNOut();
        INDArray w = getParam(CellParamInitializer.INPUT_WEIGHT_KEY);
        if (step == null || step.rows != mb || stepWeights != w) {
            step = new CellStep(this, mb);
            stepWeights = w;
        }
        double[] h = stateMap.get(STATE_KEY) == null && layerConf().isInitialStateFromInput()
                ? initialStateFromInput(in, mb, units) : storedState(STATE_KEY, mb, units);
        double[] c = step.hasMemory() ? storedState(MEMORY_KEY, mb, units) : null;
        Buf.toTimeMajor(in.castTo(dataType), step.input());
        step.step(h, c);
        INDArray out = mgr.createUninitialized(ArrayType.ACTIVATIONS, dataType, new long[] {mb, units, 1}, 'f');
        Buf outBuf = Buf.strided(out);
        long[] st = out.stride();
        for (int b = 0; b < mb; b++) {
            for (int j = 0; j < units; j++) {
                outBuf.set((int) (b * st[0] + j * st[1]), h[b * units + j]);
            }
        }
        stateMap.clear();
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            stateMap.put(STATE_KEY, stateArray(h, mb, units));
            if (c != null) {
                stateMap.put(MEMORY_KEY, stateArray(c, mb, units));
            }
        }
        return permuteIfNWC(out);
    }

    /** The stored state under {@code key} as {@code [mb * units]} values, zeros when there is none. */
    private double[] storedState(String key, int mb, int units) {
        double[] values = new double[mb * units];
        INDArray s = stateMap.get(key);
        if (s == null) {
            return values;
        }
        if (s.rank() != 2 || s.size(0) != mb || s.size(1) != units) {
            throw new IllegalStateException(layerConf().getClass().getSimpleName() + " layer " + layerId()
                    + ": stored state has shape " + java.util.Arrays.toString(s.shape()) + " but the input has "
                    + mb + " rows; set a state with as many rows (rnnSetPreviousState) or clear it "
                    + "(rnnClearPreviousState)");
        }
        INDArray plain = s.dataType() == dataType && s.ordering() == 'c' && s.elementWiseStride() == 1 ? s
                : s.castTo(dataType).dup('c');
        Buf.of(plain).read(0, values, values.length);
        // The buffer view does not keep the array's memory alive on its own.
        java.lang.ref.Reference.reachabilityFence(plain);
        return values;
    }

    /** The first step's last {@code units} input features as {@code [mb * units]} values (see {@link #forward}). */
    private double[] initialStateFromInput(INDArray in, int mb, int units) {
        long from = layerConf().getNIn() - units;
        double[] values = new double[mb * units];
        for (int b = 0; b < mb; b++) { // once per sequence, so element reads cost nothing that matters
            for (int j = 0; j < units; j++) {
                values[b * units + j] = in.getDouble(b, from + j, 0);
            }
        }
        return values;
    }

    private INDArray stateArray(double[] values, int mb, int units) {
        INDArray a = Nd4j.createUninitialized(dataType, mb, units);
        Buf.of(a).write(0, values, values.length);
        java.lang.ref.Reference.reachabilityFence(a);
        return a;
    }

    @Override
    public INDArray rnnActivateUsingStoredState(INDArray input, boolean training, boolean storeLastForTBPTT,
            LayerWorkspaceMgr workspaceMgr) {
        setInput(input, workspaceMgr);
        tbpttSegmentStart = tBpttStateMap.isEmpty() ? null : new HashMap<>(tBpttStateMap);
        Trace tr = forward(tbpttSegmentStart, training, workspaceMgr);
        INDArray out = toOutput(tr, workspaceMgr);
        if (storeLastForTBPTT) {
            tBpttStateMap.clear();
            tBpttStateMap.putAll(lastState(tr));
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

    private Pair<Gradient, INDArray> backprop(INDArray epsilon, int backLength, Map<String, INDArray> init,
            LayerWorkspaceMgr mgr) {
        assertInputSet(true);
        Trace tr = trace != null && traceInput == input && traceMask == maskArray ? trace
                : forward(init, true, mgr);
        INDArray eps = scratch.get("eps", dataType, tr.steps, tr.mb, layerConf().getNOut());
        Buf.toTimeMajor(permuteIfNWC(epsilon).castTo(dataType), Buf.of(eps));
        int end = backLength > 0 ? Math.max(0, tr.steps - backLength) : 0;
        INDArray gW = gradientViews.get(CellParamInitializer.INPUT_WEIGHT_KEY);
        INDArray gRW = gradientViews.get(CellParamInitializer.RECURRENT_WEIGHT_KEY);
        INDArray gB = gradientViews.get(CellParamInitializer.BIAS_KEY);
        INDArray dh0 = traceStateFromInput && end == 0 ? scratch.get("dState0", dataType, tr.mb, layerConf().getNOut())
                : null;
        INDArray epsIn = SequenceLoop.backward(kernel(), tr, eps, weights(true, mgr), end, gW, gRW, gB, dh0, scratch,
                mgr);
        if (dh0 != null) { // the initial state was the first step's last nOut input features (time-major rows)
            long nIn = layerConf().getNIn();
            epsIn.get(NDArrayIndex.interval(0, tr.mb), NDArrayIndex.interval(nIn - layerConf().getNOut(), nIn))
                    .addi(dh0);
        }
        Gradient g = new DefaultGradient(gradientsFlattened);
        g.gradientForVariable().put(CellParamInitializer.INPUT_WEIGHT_KEY, gW);
        g.gradientForVariable().put(CellParamInitializer.RECURRENT_WEIGHT_KEY, gRW);
        g.gradientForVariable().put(CellParamInitializer.BIAS_KEY, gB);
        weightNoiseParams.clear();
        INDArray epsOut = epsIn.reshape('c', tr.steps, tr.mb, epsIn.size(1)).permute(1, 2, 0);
        epsOut = backpropDropOutIfPresent(epsOut);
        return new Pair<>(g, permuteIfNWC(epsOut));
    }

    @Override
    public void rnnClearPreviousState() {
        super.rnnClearPreviousState();
        tbpttSegmentStart = null;
    }

    @Override
    public void clear() {
        super.clear();
        trace = null;
        traceInput = null;
        traceMask = null;
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
