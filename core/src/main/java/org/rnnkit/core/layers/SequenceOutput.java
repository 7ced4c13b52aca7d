package org.rnnkit.core.layers;

import java.util.Collection;
import java.util.Objects;

import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.conf.layers.InputTypeUtil;
import org.deeplearning4j.nn.conf.layers.LayerValidation;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Per-step dense output layer with its loss, for sequences: the same model, parameters ({@code W [nIn, nOut]},
 * {@code b [1, nOut]}), masking and score as DL4J's {@code RnnOutputLayer}, computed by {@link SequenceOutputLayer}
 * with less work per training step (see there). The builder uses it for every per-step head; networks saved with
 * DL4J's layer keep it, and the two are interchangeable: a parameter vector of one fits the other.
 */
public class SequenceOutput extends BaseOutputLayer {

    /** Unset until the network's input type sets it (as DL4J's layers do); unset reads as NCW. */
    private RNNFormat rnnDataFormat;

    /** For Jackson. */
    public SequenceOutput() {
    }

    private SequenceOutput(Builder builder) {
        super(builder);
        this.rnnDataFormat = builder.rnnDataFormat;
        initializeConstraints(builder);
    }

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf,
            Collection<TrainingListener> listeners, int layerIndex, INDArray layerParamsView,
            boolean initializeParams, DataType networkDataType) {
        LayerValidation.assertNInNOutSet("SequenceOutput", getLayerName(), layerIndex, getNIn(), getNOut());
        return LayerWiring.wire(new SequenceOutputLayer(conf, networkDataType), conf, listeners, layerIndex,
                layerParamsView, initializeParams);
    }

    @Override
    public ParamInitializer initializer() {
        return DefaultParamInitializer.getInstance();
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        if (!(inputType instanceof InputType.InputTypeRecurrent r)) {
            throw new IllegalStateException("SequenceOutput layer " + getLayerName() + " (index " + layerIndex
                    + ") needs a sequence input, got " + inputType);
        }
        return InputType.recurrent(nOut, r.getTimeSeriesLength(), r.getFormat());
    }

    @Override
    public void setNIn(InputType inputType, boolean override) {
        if (!(inputType instanceof InputType.InputTypeRecurrent r)) {
            throw new IllegalStateException("SequenceOutput layer " + getLayerName() + " needs a sequence input, got "
                    + inputType);
        }
        if (rnnDataFormat == null || override) {
            rnnDataFormat = r.getFormat();
        }
        if (nIn <= 0 || override) {
            nIn = r.getSize();
        }
    }

    @Override
    public InputPreProcessor getPreProcessorForInputType(InputType inputType) {
        return InputTypeUtil.getPreprocessorForInputTypeRnnLayers(inputType, rnnDataFormat, getLayerName());
    }

    /**
     * Whether sequences are {@code [mb, features, time]} (NCW) or {@code [mb, time, features]} (NWC); null until set
     * by the builder or the network's input type, and then NCW.
     */
    public RNNFormat getRnnDataFormat() {
        return rnnDataFormat;
    }

    public void setRnnDataFormat(RNNFormat rnnDataFormat) {
        this.rnnDataFormat = rnnDataFormat;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SequenceOutput s && super.equals(o) && rnnDataFormat == s.rnnDataFormat;
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), rnnDataFormat);
    }

    /** Builder in DL4J's style: {@code new SequenceOutput.Builder(LossFunction.MSE).nOut(3).activation(...)}. */
    public static class Builder extends BaseOutputLayer.Builder<Builder> {
        private RNNFormat rnnDataFormat;

        /** A head with DL4J's default loss (multi-class cross-entropy). */
        public Builder() {
        }

        public Builder(LossFunctions.LossFunction loss) {
            super(loss);
        }

        public Builder(ILossFunction loss) {
            super(loss);
        }

        /** Layout of the input and output sequences; by default that of the network's input type. */
        public Builder dataFormat(RNNFormat format) {
            this.rnnDataFormat = format;
            return this;
        }

        @Override
        @SuppressWarnings("unchecked")
        public SequenceOutput build() {
            return new SequenceOutput(this);
        }
    }
}
