package org.rnnkit.core.layers;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.api.layers.LayerConstraint;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BaseRecurrentLayer;
import org.deeplearning4j.nn.conf.layers.LayerValidation;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.nn.conf.memory.MemoryReport;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Configuration shared by rnnkit's recurrent layers ({@link GRU}, {@link LSTM}, {@link SimpleRnn}): all run as a
 * {@link CellLayer} over a {@link CellKernel}, with parameters {@code W [nIn, G*H]}, {@code RW [H, G*H]} and a bias
 * row, laid out by {@link CellParamInitializer}.
 */
public abstract class RecurrentCell extends BaseRecurrentLayer {

    /** Activation of the gates (sigmoid by default; SimpleRnn has no gates and ignores it). */
    protected IActivation gateActivationFn = new ActivationSigmoid();

    /**
     * Whether the last {@code nOut} input features of the first step are also the initial hidden state (see
     * {@link #isInitialStateFromInput()}); false in configurations saved before it existed.
     */
    protected boolean initialStateFromInput;

    /** For Jackson. */
    protected RecurrentCell() {
    }

    protected RecurrentCell(Builder<?> builder) {
        super(builder);
        this.gateActivationFn = builder.gateActivationFn;
        this.initialStateFromInput = builder.initialStateFromInput;
        initializeConstraints(builder);
    }

    /** Whether rnnkit's cells compute {@code activation} (as activation or gate activation). */
    public static boolean supports(IActivation activation) {
        return Fn.of(activation) != null;
    }

    /**
     * How the cells compute sigmoid and tanh in this JVM: {@code vector} (SIMD lanes, with {@code --add-modules
     * jdk.incubator.vector} on x86-64) or {@code scalar}.
     */
    public static String gateMath() {
        return GateMath.INSTANCE.name();
    }

    /** Number of H-wide blocks in the input and recurrent weights. */
    public abstract int gateBlocks();

    /** Length of the bias row. */
    public long biasLength() {
        return gateBlocks() * getNOut();
    }

    /**
     * Fan-in and fan-out the weight initialisation uses for the input ({@code recurrent} false) or recurrent
     * weights: by default those of the matrix itself.
     */
    long[] weightFans(boolean recurrent) {
        long width = gateBlocks() * getNOut();
        return new long[] {recurrent ? getNOut() : getNIn(), width};
    }

    /** Initial bias values (DL4J's bias init everywhere unless a cell says otherwise). */
    void initBias(INDArray bias) {
        bias.assign(getBiasInit());
    }

    /** The step arithmetic of this cell. */
    abstract CellKernel kernel();

    @Override
    protected void initializeConstraints(org.deeplearning4j.nn.conf.layers.Layer.Builder<?> builder) {
        super.initializeConstraints(builder);
        if (builder instanceof Builder<?> b) {
            addConstraints(b.getRecurrentConstraints(), CellParamInitializer.RECURRENT_WEIGHT_KEY);
            addConstraints(b.getInputWeightConstraints(), CellParamInitializer.INPUT_WEIGHT_KEY);
        }
    }

    private void addConstraints(List<LayerConstraint> source, String key) {
        if (source == null || source.isEmpty()) {
            return;
        }
        List<LayerConstraint> all = constraints == null ? new ArrayList<>() : new ArrayList<>(constraints);
        for (LayerConstraint c : source) {
            LayerConstraint copy = c.clone();
            copy.setParams(Collections.singleton(key));
            all.add(copy);
        }
        constraints = all;
    }

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf,
            Collection<TrainingListener> listeners, int layerIndex, INDArray layerParamsView,
            boolean initializeParams, DataType networkDataType) {
        LayerValidation.assertNInNOutSet(getClass().getSimpleName(), getLayerName(), layerIndex, getNIn(), getNOut());
        if (initialStateFromInput && getNIn() < getNOut()) {
            throw new IllegalStateException(getClass().getSimpleName() + " layer " + getLayerName() + " takes its "
                    + "initial state from its last " + getNOut() + " input features, but it reads only " + getNIn());
        }
        kernel(); // fails early on an activation the cells do not offer
        return LayerWiring.wire(new CellLayer(conf, networkDataType), conf, listeners, layerIndex, layerParamsView,
                initializeParams);
    }

    @Override
    public ParamInitializer initializer() {
        return CellParamInitializer.getInstance();
    }

    @Override
    public LayerMemoryReport getMemoryReport(InputType inputType) {
        InputType outputType = getOutputType(-1, inputType);
        long numParams = initializer().numParams(this);
        long updaterState = getIUpdater() == null ? 0 : getIUpdater().stateSize(numParams);
        long tsLength = inputType instanceof InputType.InputTypeRecurrent r ? Math.max(1, r.getTimeSeriesLength()) : 1;
        // Per example and step: gates (G*H), aux and states (about 3H) and the input; training keeps as much again.
        long perExample = tsLength * ((gateBlocks() + 3) * getNOut() + getNIn());
        return new LayerMemoryReport.Builder(getLayerName(), getClass(), inputType, outputType)
                .standardMemory(numParams, updaterState)
                .workingMemory(0, perExample, 0, 2 * perExample)
                .cacheMemory(MemoryReport.CACHE_MODE_ALL_ZEROS, MemoryReport.CACHE_MODE_ALL_ZEROS)
                .build();
    }

    public IActivation getGateActivationFn() {
        return gateActivationFn;
    }

    public void setGateActivationFn(IActivation gateActivationFn) {
        this.gateActivationFn = gateActivationFn;
    }

    /**
     * Whether a sequence that starts without a stored state (training, inference, or {@code rnnTimeStep} after the
     * state was cleared) takes the last {@code nOut} features of its first input step as the initial hidden state
     * (the memory cell of an LSTM still starts at 0). Those features stay ordinary inputs at every step too. This is
     * how an encoder-decoder graph hands the bridged encoder state to the decoder: DL4J layers have one input, so the
     * state travels with it, and the gradient of the initial state flows back into those features of the first step.
     */
    public boolean isInitialStateFromInput() {
        return initialStateFromInput;
    }

    public void setInitialStateFromInput(boolean initialStateFromInput) {
        this.initialStateFromInput = initialStateFromInput;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RecurrentCell c) || !super.equals(o)) {
            return false;
        }
        return Objects.equals(gateActivationFn, c.gateActivationFn) && initialStateFromInput == c.initialStateFromInput;
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), gateActivationFn, initialStateFromInput);
    }

    /** Builder base: activation tanh (not DL4J's global sigmoid default), gate activation sigmoid. */
    @SuppressWarnings("unchecked")
    public abstract static class Builder<T extends Builder<T>> extends BaseRecurrentLayer.Builder<T> {
        private IActivation gateActivationFn = new ActivationSigmoid();
        private boolean initialStateFromInput;

        protected Builder() {
            this.activationFn = new ActivationTanH();
        }

        public T gateActivationFunction(IActivation gateActivationFn) {
            this.gateActivationFn = gateActivationFn;
            return (T) this;
        }

        public T gateActivationFunction(Activation gateActivationFn) {
            return gateActivationFunction(gateActivationFn.getActivationFunction());
        }

        /** See {@link RecurrentCell#isInitialStateFromInput()}. */
        public T initialStateFromInput(boolean value) {
            this.initialStateFromInput = value;
            return (T) this;
        }
    }
}
