package org.rnnkit.core.bench;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseRecurrentLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.recurrent.SimpleRnn;
import org.rnnkit.core.layers.RecurrentCell;

/**
 * The baseline of the speed harness: a compiled rnnkit configuration with each rnnkit recurrent layer replaced by
 * DL4J's own of the same size (DL4J has no GRU, so a GRU is replaced by DL4J's LSTM, the layer users had before).
 */
final class Dl4jTwin {

    private Dl4jTwin() {
    }

    static MultiLayerConfiguration of(MultiLayerConfiguration rnnkit) {
        MultiLayerConfiguration twin = MultiLayerConfiguration.fromJson(rnnkit.toJson());
        for (int i = 0; i < twin.getConfs().size(); i++) {
            Layer layer = twin.getConf(i).getLayer();
            if (layer instanceof RecurrentCell cell) {
                twin.getConf(i).setLayer(replacement(cell));
            }
        }
        return twin;
    }

    private static Layer replacement(RecurrentCell cell) {
        BaseRecurrentLayer.Builder<?> builder = cell instanceof org.rnnkit.core.layers.SimpleRnn
                ? new SimpleRnn.Builder() : new LSTM.Builder();
        builder.nIn(cell.getNIn()).nOut(cell.getNOut()).activation(cell.getActivationFn())
                .weightInit(cell.getWeightInitFn()).updater(cell.getIUpdater()).biasUpdater(cell.getBiasUpdater())
                .dataFormat(cell.getRnnDataFormat());
        Layer layer = builder.build();
        layer.setLayerName(cell.getLayerName());
        return layer;
    }
}
