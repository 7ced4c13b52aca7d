package org.rnnkit.core.layers;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
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
 * Gated recurrent unit layer configuration (DL4J style; implementation in {@link GruLayer}).
 *
 * <p>With {@code x_t} the input, {@code h} the previous state, {@code g} the gate activation (default sigmoid) and
 * {@code f} the activation (default tanh):
 * <pre>
 *   r  = g(W_ir x_t + b_ir + W_hr h + b_hr)
 *   z  = g(W_iz x_t + b_iz + W_hz h + b_hz)
 *   resetAfter = true  (cuDNN, PyTorch nn.GRU, Keras default):
 *       n = f(W_in x_t + b_in + r * (W_hn h + b_hn))
 *   resetAfter = false (Cho et al. 2014, Keras reset_after=False; single bias):
 *       n = f(W_in x_t + b_in + W_hn (r * h))
 *   h' = (1 - z) * n + z * h
 * </pre>
 *
 * <p>Parameters (gate order <b>r, z, n</b> in every block, the order of PyTorch):
 * <ul>
 *   <li>{@code W}: input weights {@code [nIn, 3H]}, columns {@code [r | z | n]};</li>
 *   <li>{@code RW}: recurrent weights {@code [H, 3H]}, columns {@code [r | z | n]};</li>
 *   <li>{@code b}: {@code [1, 6H] = [b_ir b_iz b_in | b_hr b_hz b_hn]} when resetAfter, else
 *       {@code [1, 3H] = [b_r b_z b_n]}.</li>
 * </ul>
 * Masked time steps output 0 and carry the state through unchanged, so the final state of a right-padded sequence
 * is its state at its last real step.
 */
public class GRU extends BaseRecurrentLayer {

    private boolean resetAfter = true;
    private IActivation gateActivationFn = new ActivationSigmoid();

    /** For Jackson. */
    public GRU() {
    }

    protected GRU(Builder builder) {
        super(builder);
        this.resetAfter = builder.resetAfter;
        this.gateActivationFn = builder.gateActivationFn;
        initializeConstraints(builder);
    }

    @Override
    protected void initializeConstraints(org.deeplearning4j.nn.conf.layers.Layer.Builder<?> builder) {
        super.initializeConstraints(builder);
        if (builder instanceof Builder b) {
            addConstraints(b.getRecurrentConstraints(), GruParamInitializer.RECURRENT_WEIGHT_KEY);
            addConstraints(b.getInputWeightConstraints(), GruParamInitializer.INPUT_WEIGHT_KEY);
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
        LayerValidation.assertNInNOutSet("GRU", getLayerName(), layerIndex, getNIn(), getNOut());
        GruLayer layer = new GruLayer(conf, networkDataType);
        layer.setListeners(listeners);
        layer.setIndex(layerIndex);
        layer.setParamsViewArray(layerParamsView);
        Map<String, INDArray> paramTable = initializer().init(conf, layerParamsView, initializeParams);
        layer.setParamTable(paramTable);
        layer.setConf(conf);
        return layer;
    }

    @Override
    public ParamInitializer initializer() {
        return GruParamInitializer.getInstance();
    }

    @Override
    public LayerMemoryReport getMemoryReport(InputType inputType) {
        InputType outputType = getOutputType(-1, inputType);
        long numParams = initializer().numParams(this);
        long updaterState = getIUpdater() == null ? 0 : getIUpdater().stateSize(numParams);
        long tsLength = inputType instanceof InputType.InputTypeRecurrent r ? Math.max(1, r.getTimeSeriesLength()) : 1;
        // Per example: projected inputs + gates (3H each), states (H) per step; training keeps the same again.
        long perExample = tsLength * (7 * getNOut() + getNIn());
        return new LayerMemoryReport.Builder(getLayerName(), GRU.class, inputType, outputType)
                .standardMemory(numParams, updaterState)
                .workingMemory(0, perExample, 0, 2 * perExample)
                .cacheMemory(MemoryReport.CACHE_MODE_ALL_ZEROS, MemoryReport.CACHE_MODE_ALL_ZEROS)
                .build();
    }

    /** Whether the reset gate is applied after the recurrent product (PyTorch/cuDNN form). */
    public boolean isResetAfter() {
        return resetAfter;
    }

    public void setResetAfter(boolean resetAfter) {
        this.resetAfter = resetAfter;
    }

    public IActivation getGateActivationFn() {
        return gateActivationFn;
    }

    public void setGateActivationFn(IActivation gateActivationFn) {
        this.gateActivationFn = gateActivationFn;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof GRU g) || !super.equals(o)) {
            return false;
        }
        return resetAfter == g.resetAfter && Objects.equals(gateActivationFn, g.gateActivationFn);
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), resetAfter, gateActivationFn);
    }

    @Override
    public String toString() {
        return "GRU(nIn=" + getNIn() + ", nOut=" + getNOut() + ", resetAfter=" + resetAfter + ", activation="
                + getActivationFn() + ", gateActivation=" + gateActivationFn + ")";
    }

    /** Builder: {@code new GRU.Builder().nOut(h).resetAfter(true).build()}; nIn is inferred by setInputType. */
    @SuppressWarnings("unchecked") // DL4J's Layer.Builder declares a generic <E extends Layer> E build()
    public static class Builder extends BaseRecurrentLayer.Builder<Builder> {
        private boolean resetAfter = true;
        private IActivation gateActivationFn = new ActivationSigmoid();

        public Builder() {
            // DL4J's global default activation is sigmoid; a GRU's candidate uses tanh unless told otherwise.
            this.activationFn = new ActivationTanH();
        }

        /** true: PyTorch/cuDNN/Keras-default form with two biases; false: Cho et al. form with one bias. */
        public Builder resetAfter(boolean resetAfter) {
            this.resetAfter = resetAfter;
            return this;
        }

        public Builder gateActivationFunction(IActivation gateActivationFn) {
            this.gateActivationFn = gateActivationFn;
            return this;
        }

        public Builder gateActivationFunction(Activation gateActivationFn) {
            return gateActivationFunction(gateActivationFn.getActivationFunction());
        }

        @Override
        public GRU build() {
            return new GRU(this);
        }
    }
}
