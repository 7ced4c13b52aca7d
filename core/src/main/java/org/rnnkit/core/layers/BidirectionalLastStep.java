package org.rnnkit.core.layers;

import java.util.Collection;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.NoParamLayer;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.nn.conf.memory.MemoryReport;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Many-to-one reduction of a concatenated bidirectional output, with Keras's meaning: the forward half
 * is taken at each sequence's last real step and the backward half at its first real step, where the
 * backward direction has read the whole sequence. (DL4J's {@code LastTimeStep} takes both halves at the
 * last real step, where the backward direction has read a single step.) Input {@code [batch, 2H, time]}
 * in NCW with an optional feature mask; output {@code [batch, 2H]}.
 */
public class BidirectionalLastStep extends NoParamLayer {

    public BidirectionalLastStep() {
        super(new Builder());
    }

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf,
            Collection<TrainingListener> listeners, int layerIndex, INDArray layerParamsView,
            boolean initializeParams, DataType networkDataType) {
        return LayerWiring.wire(new BidirectionalLastStepLayer(conf, networkDataType), conf, listeners, layerIndex,
                layerParamsView, initializeParams);
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        if (!(inputType instanceof InputType.InputTypeRecurrent recurrent) || recurrent.getSize() % 2 != 0) {
            throw new IllegalArgumentException("BidirectionalLastStep needs the recurrent output of a concatenating "
                    + "bidirectional layer (an even size), got " + inputType);
        }
        return InputType.feedForward(recurrent.getSize());
    }

    @Override
    public InputPreProcessor getPreProcessorForInputType(InputType inputType) {
        return null;
    }

    @Override
    public LayerMemoryReport getMemoryReport(InputType inputType) {
        InputType out = getOutputType(-1, inputType);
        return new LayerMemoryReport.Builder(getLayerName(), BidirectionalLastStep.class, inputType, out)
                .standardMemory(0, 0)
                .workingMemory(0, 0, 0, 0)
                .cacheMemory(MemoryReport.CACHE_MODE_ALL_ZEROS, MemoryReport.CACHE_MODE_ALL_ZEROS)
                .build();
    }

    /** DL4J-style builder; the layer has no options. */
    public static class Builder extends org.deeplearning4j.nn.conf.layers.Layer.Builder<Builder> {
        @Override
        @SuppressWarnings("unchecked")
        public BidirectionalLastStep build() {
            return new BidirectionalLastStep();
        }
    }
}
