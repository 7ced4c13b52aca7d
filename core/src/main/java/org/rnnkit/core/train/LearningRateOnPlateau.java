package org.rnnkit.core.train;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.rnnkit.core.SequenceModel;
import org.rnnkit.core.spec.SpecException;

/**
 * Lowers the learning rate when validation stalls: after every epoch whose validation loss was not better than the
 * best so far, every layer's learning rate is multiplied by {@code factor} (Keras's {@code ReduceLROnPlateau} with a
 * patience of one epoch). Give it to the {@link Trainer} with the model it trains; the rate lives in the network's
 * configuration, so checkpoints keep it and a resumed run continues with it.
 */
public final class LearningRateOnPlateau implements ProgressListener {
    private final MultiLayerNetwork network;
    private final double factor;

    /** @param factor in (0, 1]: 0.5 halves the rate after each epoch without improvement, 1 never changes it */
    public LearningRateOnPlateau(SequenceModel model, double factor) {
        SpecException.require(factor > 0 && factor <= 1, "learning-rate factor must be in (0, 1], got %s", factor);
        this.network = model.network();
        this.factor = factor;
    }

    @Override
    public void onEpochEnd(EpochStats stats, int epochs) {
        if (stats.improved() || !Double.isFinite(stats.validationLoss()) || factor == 1) {
            return;
        }
        for (int i = 0; i < network.getnLayers(); i++) {
            Double rate = network.getLearningRate(i);
            if (rate != null) {
                network.setLearningRate(i, rate * factor);
            }
        }
    }
}
