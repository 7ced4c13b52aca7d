package org.rnnkit.core.bench;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseRecurrentLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.SimpleRnn;
import org.rnnkit.core.layers.RecurrentCell;
import org.rnnkit.core.layers.SequenceOutput;

/**
 * The baseline of the speed harness: a compiled rnnkit configuration with each rnnkit recurrent layer replaced by
 * DL4J's own of the same size (DL4J has no GRU, so a GRU is replaced by DL4J's LSTM, the layer users had before), and
 * rnnkit's per-step head by DL4J's {@code RnnOutputLayer}.
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
            } else if (layer instanceof SequenceOutput head) {
                twin.getConf(i).setLayer(replacement(head));
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

    private static Layer replacement(SequenceOutput head) {
        Layer layer = new RnnOutputLayer.Builder(head.getLossFn()).nIn(head.getNIn()).nOut(head.getNOut())
                .activation(head.getActivationFn()).hasBias(head.hasBias()).weightInit(head.getWeightInitFn())
                .updater(head.getIUpdater()).biasUpdater(head.getBiasUpdater()).dataFormat(head.getRnnDataFormat())
                .build();
        layer.setLayerName(head.getLayerName());
        return layer;
    }
}
