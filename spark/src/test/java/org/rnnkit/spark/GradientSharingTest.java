package org.rnnkit.spark;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.nd4j.linalg.dataset.DataSet;
import org.rnnkit.core.Rnn;
import org.rnnkit.core.SequenceModel;
import org.rnnkit.core.spec.InputSpec;
import org.rnnkit.core.spec.Optimizer;
import org.rnnkit.core.train.Trainer;
import org.rnnkit.core.train.TrainingConfig;
import org.rnnkit.core.train.TrainingResult;

/**
 * Gradient sharing (DL4J's SharedTrainingMaster over Aeron on 127.0.0.1) trains an rnnkit GRU on local Spark. Not in
 * the default run: on a loaded 2-core machine DL4J's exchange hung in 2 of 5 runs (a worker waiting forever in
 * {@code SharedTrainingWrapper}), so it runs only with {@code -Drnnkit.spark.gradientSharing=true}.
 */
@EnabledIfSystemProperty(named = "rnnkit.spark.gradientSharing", matches = "true")
class GradientSharingTest {

    @Test
    @Timeout(value = 240, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a hung exchange fails, not stalls CI
    void gruLearnsWithGradientSharing() {
        List<DataSet> train = MajorityTask.batches(512, 16, 31);
        List<DataSet> test = MajorityTask.batches(256, 64, 32);
        SequenceModel model = SequenceModel.create(Rnn.sequence(InputSpec.tokens(MajorityTask.VOCABULARY))
                .embedding(8).gru(16).lastStep().softmax(2).optimizer(Optimizer.adam(0.05)).seed(6).spec());
        SparkSettings settings = SparkSettings.local(2)
                .withGradientSharing(SparkSettings.GradientSharing.localhost());
        TrainingResult run = new Trainer(TrainingConfig.epochs(5).withRunner(SparkTrainer.with(settings).factory()))
                .fit(model, MajorityTask.iterator(train), null);
        double accuracy = model.network().evaluate(MajorityTask.iterator(test)).accuracy();
        System.out.printf("gradient sharing: test accuracy %.4f; %s%n", accuracy, run.history());
        // Threshold-encoded updates start slower than parameter averaging (measured: loss 0.68 -> 0.38, accuracy 0.85).
        assertTrue(run.lastLoss() < run.firstLoss() * 0.75, "loss falls: " + run.history());
        assertTrue(accuracy > 0.75, "test accuracy " + accuracy);
    }
}
