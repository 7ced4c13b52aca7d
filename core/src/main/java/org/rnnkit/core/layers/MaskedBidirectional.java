package org.rnnkit.core.layers;

import java.util.Collection;
import java.util.Map;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.recurrent.Bidirectional;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Bidirectional wrapper whose backward direction starts at each sequence's own last real step.
 *
 * <p>DL4J's {@link Bidirectional} reverses the whole time axis, so on a right-padded batch the backward layer reads
 * the padding first. This wrapper instead reverses, per sequence, only the steps the feature mask marks as real
 * (padding stays in place and masked), runs the backward layer, and reverses its output back. A right-padded batch
 * therefore gives on its real steps exactly what each sequence gives alone. Without a mask it equals DL4J's
 * Bidirectional. Merge modes, parameter naming ({@code f}/{@code b} prefixes) and size inference are those of
 * {@link Bidirectional}, which this class extends. Wraps any recurrent layer (DL4J LSTM, SimpleRnn, {@link GRU}).
 * Not usable with {@code rnnTimeStep} or truncated BPTT: the backward direction needs the whole sequence.
 */
public class MaskedBidirectional extends Bidirectional {

    /** For Jackson. */
    public MaskedBidirectional() {
    }

    /** Wraps {@code layer} (the backward direction gets a copy of its configuration) with the given merge mode. */
    public MaskedBidirectional(Mode mode, Layer layer) {
        super(mode, layer);
    }

    /** Concatenating wrapper. */
    public MaskedBidirectional(Layer layer) {
        this(Mode.CONCAT, layer);
    }

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf,
            Collection<TrainingListener> listeners, int layerIndex, INDArray layerParamsView,
            boolean initializeParams, DataType networkDataType) {
        NeuralNetConfiguration c1 = conf.clone();
        NeuralNetConfiguration c2 = conf.clone();
        c1.setLayer(getFwd());
        c2.setLayer(getBwd());
        long half = layerParamsView.length() / 2;
        INDArray flat = layerParamsView.reshape(layerParamsView.length());
        INDArray fp = flat.get(NDArrayIndex.interval(0, half));
        INDArray bp = flat.get(NDArrayIndex.interval(half, 2 * half));
        org.deeplearning4j.nn.api.Layer f =
                getFwd().instantiate(c1, listeners, layerIndex, fp, initializeParams, networkDataType);
        org.deeplearning4j.nn.api.Layer b =
                getBwd().instantiate(c2, listeners, layerIndex, bp, initializeParams, networkDataType);
        MaskedBidirectionalLayer ret = new MaskedBidirectionalLayer(conf, f, b, layerParamsView);
        Map<String, INDArray> paramTable = initializer().init(conf, layerParamsView, initializeParams);
        ret.setParamTable(paramTable);
        ret.setConf(conf);
        return ret;
    }

    @Override
    public String toString() {
        return "MaskedBidirectional(mode=" + getMode() + ", layer=" + getFwd() + ")";
    }
}
