package org.rnnkit.core.bench;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
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
                .dataFormat(cell.getRnnDataFormat());
        return withSettingsOf(cell, builder.build());
    }

    private static Layer replacement(SequenceOutput head) {
        return withSettingsOf(head, new RnnOutputLayer.Builder(head.getLossFn()).nIn(head.getNIn())
                .nOut(head.getNOut()).activation(head.getActivationFn()).hasBias(head.hasBias())
                .dataFormat(head.getRnnDataFormat()).build());
    }

    /**
     * Gives {@code twin} the settings the network's global configuration gave {@code original}: a layer built here
     * misses that step, and a builder's defaults (a NaN bias init among them) would stand.
     */
    private static Layer withSettingsOf(BaseLayer original, BaseLayer twin) {
        twin.setLayerName(original.getLayerName());
        twin.setWeightInitFn(original.getWeightInitFn());
        twin.setBiasInit(original.getBiasInit());
        twin.setGainInit(original.getGainInit());
        twin.setIUpdater(original.getIUpdater());
        twin.setBiasUpdater(original.getBiasUpdater());
        twin.setRegularization(original.getRegularization());
        twin.setRegularizationBias(original.getRegularizationBias());
        twin.setGradientNormalization(original.getGradientNormalization());
        twin.setGradientNormalizationThreshold(original.getGradientNormalizationThreshold());
        twin.setIDropout(original.getIDropout());
        twin.setWeightNoise(original.getWeightNoise());
        return twin;
    }
}
