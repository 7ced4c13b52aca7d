package org.rnnkit.core.layers;

import java.util.Collection;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;

/** DL4J's steps that attach a new layer implementation to its network: listeners, index, parameters, config. */
final class LayerWiring {

    private LayerWiring() {
    }

    /**
     * Gives {@code layer} its listeners and index, and its parameters as views of {@code paramsView} laid out (and,
     * with {@code initialize}, initialised) by the configuration's parameter initializer.
     */
    static <L extends Layer> L wire(L layer, NeuralNetConfiguration conf, Collection<TrainingListener> listeners,
            int index, INDArray paramsView, boolean initialize) {
        layer.setListeners(listeners);
        layer.setIndex(index);
        layer.setParamsViewArray(paramsView);
        layer.setParamTable(conf.getLayer().initializer().init(conf, paramsView, initialize));
        layer.setConf(conf);
        return layer;
    }
}
