package org.rnnkit.core.train;

import org.junit.jupiter.api.Test;
import org.rnnkit.core.Rnn;
import org.rnnkit.core.SequenceModel;
import org.rnnkit.core.spec.InputSpec;
import org.rnnkit.core.spec.Optimizer;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The learning rate of every layer halves after an epoch without a better validation loss, and only then. */
class LearningRateOnPlateauTest {

    @Test
    void halvesEveryLayersRateOnlyWhenValidationStalls() {
        SequenceModel model = Rnn.sequence(InputSpec.tokens(7)).embedding(4).gru(5).softmax(7)
                .optimizer(Optimizer.adam(0.01)).build();
        LearningRateOnPlateau plateau = new LearningRateOnPlateau(model, 0.5);
        plateau.onEpochEnd(new EpochStats(1, 2.0, 1.5, 1, true), 5);
        assertEquals(0.01, model.network().getLearningRate(1), 1e-12, "improved: unchanged");
        plateau.onEpochEnd(new EpochStats(2, 1.9, 1.6, 1, false), 5);
        for (int i = 0; i < model.network().getnLayers(); i++) {
            assertEquals(0.005, model.network().getLearningRate(i), 1e-12, "layer " + i);
        }
        plateau.onEpochEnd(new EpochStats(3, 1.8, Double.NaN, 1, false), 5);
        assertEquals(0.005, model.network().getLearningRate(0), 1e-12, "no validation: unchanged");
    }
}
