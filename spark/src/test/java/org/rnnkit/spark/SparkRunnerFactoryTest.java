package org.rnnkit.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.rnnkit.core.Rnn;
import org.rnnkit.core.SequenceModel;
import org.rnnkit.core.spec.InputSpec;
import org.rnnkit.core.spec.Optimizer;
import org.rnnkit.core.train.Trainer;
import org.rnnkit.core.train.TrainingConfig;
import org.rnnkit.core.train.TrainingResult;

/**
 * The path commands take ({@code TrainingConfig.withRunner}): rnnkit starts local Spark, ships the Trainer's batches,
 * validates on the driver with early stopping, and the trained bidirectional GRU (rnnkit's MaskedBidirectional over
 * its GRU) saves and loads as a bundle. The block marked README is shown in README.md ({@link SparkReadmeTest}).
 */
class SparkRunnerFactoryTest {
    @TempDir
    Path dir;

    @Test
    void bidirectionalGruTrainsThroughTheTrainerAndSavesAsABundle() throws IOException {
        List<DataSet> train = MajorityTask.batches(512, 16, 21);
        List<DataSet> validation = MajorityTask.batches(256, 64, 22);
        SequenceModel model = SequenceModel.create(Rnn.sequence(InputSpec.tokens(MajorityTask.VOCABULARY))
                .embedding(8).gru(12, o -> o.bidirectional()).lastStep().softmax(2)
                .optimizer(Optimizer.adam(0.02)).seed(4).spec());
        DataSetIterator trainBatches = MajorityTask.iterator(train);
        DataSetIterator validationBatches = MajorityTask.iterator(validation);
        Path file = dir.resolve("model.zip");
        // README: spark
        SparkSettings settings = SparkSettings.local(2).withAveragingFrequency(4);
        TrainingConfig config = TrainingConfig.epochs(4).withEarlyStopping(2)
                .withRunner(SparkTrainer.with(settings).factory());
        TrainingResult run = new Trainer(config).fit(model, trainBatches, validationBatches);
        model.save(file);
        // END README
        double accuracy = model.network().evaluate(MajorityTask.iterator(validation)).accuracy();
        System.out.printf("bidirectional GRU through the factory: validation accuracy %.4f; %s%n", accuracy,
                run.history());
        assertTrue(run.bestEpoch() >= 1);
        assertEquals(run.bestLoss(), model.network().score(DataSet.merge(validation), false), 1e-3,
                "the model holds the best epoch's weights");
        assertTrue(accuracy > 0.85, "validation accuracy " + accuracy);

        SequenceModel again = SequenceModel.load(file);
        DataSet batch = validation.get(0);
        assertEquals(model.output(batch.getFeatures(), batch.getFeaturesMaskArray()),
                again.output(batch.getFeatures(), batch.getFeaturesMaskArray()));
    }
}
