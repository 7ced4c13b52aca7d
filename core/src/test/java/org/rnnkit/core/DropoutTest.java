package org.rnnkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.Bidirectional;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;
import org.rnnkit.core.spec.InputSpec;
import org.rnnkit.core.spec.Optimizer;
import org.rnnkit.core.spec.PoolSpec;
import org.rnnkit.core.train.Trainer;
import org.rnnkit.core.train.TrainingConfig;
import org.rnnkit.core.train.TrainingResult;

/** dropout(rate) anywhere in a masked model: it trains, acts only in training, and reaches both directions. */
class DropoutTest {

    @Test
    void dropoutAfterEmbeddingAndAfterPoolingTrainsOnMaskedBatches() {
        SequenceModel model = Rnn.sequence(InputSpec.tokens(10))
                .embedding(8).dropout(0.2)
                .lstm(16, o -> o.bidirectional())
                .pool(PoolSpec.Pooling.MAX).dropout(0.3)
                .dense(8)
                .softmax(2)
                .optimizer(Optimizer.adam(0.02))
                .build();
        DataSet train = TinyData.containsToken(256, 10, 4, 10, 1);
        TrainingResult result = new Trainer(TrainingConfig.epochs(10)).fit(model, TinyData.batches(train, 32), null);
        assertTrue(result.lastLoss() < 0.6 * result.firstLoss(), "loss " + result.firstLoss() + " -> " + result.lastLoss());

        DataSet test = TinyData.containsToken(8, 10, 4, 10, 2);
        assertEquals(model.output(test.getFeatures(), test.getFeaturesMaskArray()),
                model.output(test.getFeatures(), test.getFeaturesMaskArray()), "no dropout at inference");
        assertNotEquals(model.network().output(test.getFeatures(), true, test.getFeaturesMaskArray(), null),
                model.network().output(test.getFeatures(), true, test.getFeaturesMaskArray(), null), "dropout in training");
    }

    @Test
    void dropoutBeforeABidirectionalLayerReachesBothDirections() {
        SequenceModel model = Rnn.sequence(InputSpec.features(3)).dropout(0.25).gru(4, o -> o.bidirectional())
                .softmax(2).build();
        Bidirectional bidirectional = (Bidirectional) model.network().getLayerWiseConfigurations().getConf(0).getLayer();
        assertTrue(((BaseLayer) bidirectional.getFwd()).getIDropout() != null);
        assertTrue(((BaseLayer) bidirectional.getBwd()).getIDropout() != null);
    }
}
