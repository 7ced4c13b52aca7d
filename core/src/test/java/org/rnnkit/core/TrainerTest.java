package org.rnnkit.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.rnnkit.core.spec.InputSpec;
import org.rnnkit.core.spec.ModelSpec;
import org.rnnkit.core.spec.Optimizer;
import org.rnnkit.core.train.EpochStats;
import org.rnnkit.core.train.Progress;
import org.rnnkit.core.train.StopMetric;
import org.rnnkit.core.train.ProgressListener;
import org.rnnkit.core.train.Trainer;
import org.rnnkit.core.train.TrainingConfig;
import org.rnnkit.core.train.TrainingDivergedException;
import org.rnnkit.core.train.TrainingResult;

/** Early stopping, checkpoints, resume, the NaN guard and progress reporting. */
class TrainerTest {
    @TempDir
    Path dir;

    private static ModelSpec spec(double learningRate) {
        return Rnn.sequence(InputSpec.tokens(10)).embedding(6).lstm(8).lastStep().softmax(2)
                .optimizer(Optimizer.adam(learningRate)).seed(3).spec();
    }

    @Test
    void earlyStoppingKeepsTheBestWeights() {
        SequenceModel model = SequenceModel.create(spec(0.05));
        DataSet train = TinyData.containsToken(64, 10, 3, 8, 1);
        DataSet valid = TinyData.containsToken(64, 10, 3, 8, 2);
        // Inverted validation labels: the better the model learns, the worse its validation loss gets.
        valid.setLabels(valid.getLabels().rsub(1));
        TrainingResult result = new Trainer(TrainingConfig.epochs(40).withEarlyStopping(2))
                .fit(model, TinyData.batches(train, 16), TinyData.batches(valid, 32));
        assertTrue(result.stoppedEarly(), "validation loss stops improving");
        assertTrue(result.history().size() < 40);
        EpochStats best = result.history().get(result.bestEpoch() - 1);
        assertEquals(result.bestLoss(), best.validationLoss());
        assertTrue(result.history().stream().allMatch(s -> s.validationLoss() >= result.bestLoss()));
        double now = model.network().score(valid, false);
        assertEquals(result.bestLoss(), now, 1e-4, "the model holds the best epoch's weights");
    }

    @Test
    void earlyStoppingOnAccuracyKeepsTheMostAccurateEpoch() {
        SequenceModel model = SequenceModel.create(spec(0.05));
        DataSet train = TinyData.containsToken(64, 10, 3, 8, 1);
        DataSet valid = TinyData.containsToken(64, 10, 3, 8, 2);
        valid.setLabels(valid.getLabels().rsub(1)); // the better it learns, the less accurate on validation
        TrainingResult result = new Trainer(TrainingConfig.epochs(40).withEarlyStopping(2)
                .withMetric(StopMetric.ACCURACY)).fit(model, TinyData.batches(train, 16), TinyData.batches(valid, 32));
        assertEquals(StopMetric.ACCURACY, result.metric());
        assertTrue(result.stoppedEarly(), "validation accuracy stops improving");
        double best = result.bestAccuracy();
        assertTrue(result.history().stream().allMatch(s -> s.validationAccuracy() <= best));
        assertEquals(result.bestEpoch(), result.history().stream().filter(s -> s.validationAccuracy() == best)
                .findFirst().orElseThrow().epoch(), "the first epoch reaching the best accuracy is kept");
        assertEquals(result.history().get(result.bestEpoch() - 1).validationLoss(), result.bestLoss());
        // Held weights: their accuracy, counted by hand from the outputs, is the best epoch's.
        INDArray predicted = model.network().output(valid.getFeatures(), false, valid.getFeaturesMaskArray(), null)
                .argMax(1);
        INDArray actual = valid.getLabels().argMax(1);
        double accuracy = predicted.eq(actual).castTo(DataType.DOUBLE).meanNumber().doubleValue();
        assertEquals(best, accuracy, 1e-9, "the model holds the most accurate epoch's weights");
        assertEquals("accuracy", result.toJsonNode().get("metric").asText());
        assertEquals(best, result.toJsonNode().get("bestAccuracy").asDouble(), 1e-12);
    }

    @Test
    void resumeRefusesACheckpointThatFollowedAnotherMetric() {
        DataSet train = TinyData.containsToken(32, 10, 3, 8, 4);
        Path checkpoints = dir.resolve("metric");
        new Trainer(TrainingConfig.epochs(1).withEarlyStopping(2).withCheckpoints(checkpoints))
                .fit(SequenceModel.create(spec(0.01)), TinyData.batches(train, 16), TinyData.batches(train, 16));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new Trainer(TrainingConfig
                .epochs(2).withEarlyStopping(2).withMetric(StopMetric.ACCURACY).withCheckpoints(checkpoints)
                .withResume(true)).fit(SequenceModel.create(spec(0.01)), TinyData.batches(train, 16),
                TinyData.batches(train, 16)));
        assertTrue(e.getMessage().contains("validation loss"), e.getMessage());
    }

    @Test
    void resumeContinuesFromTheLastCheckpointAsIfNeverStopped() throws IOException {
        DataSet train = TinyData.containsToken(64, 10, 3, 8, 4);
        SequenceModel straight = SequenceModel.create(spec(0.01));
        new Trainer(TrainingConfig.epochs(4)).fit(straight, TinyData.batches(train, 16), null);

        Path checkpoints = dir.resolve("run");
        SequenceModel first = SequenceModel.create(spec(0.01));
        new Trainer(TrainingConfig.epochs(2).withCheckpoints(checkpoints)).fit(first, TinyData.batches(train, 16), null);
        assertTrue(Files.exists(checkpoints.resolve("last.zip")));

        SequenceModel restarted = SequenceModel.create(spec(0.01)); // a fresh process after a kill
        TrainingResult result = new Trainer(TrainingConfig.epochs(4).withCheckpoints(checkpoints).withResume(true))
                .fit(restarted, TinyData.batches(train, 16), null);
        assertEquals(4, result.history().size(), "two epochs from the checkpoint and two new ones");
        assertArrayEquals(straight.network().params().toFloatVector(), restarted.network().params().toFloatVector(), 1e-5f);
    }

    @Test
    void aRunKilledMidEpochResumesFromItsLastIterationCheckpoint() {
        DataSet train = TinyData.containsToken(48, 10, 3, 8, 7); // 3 batches per epoch
        SequenceModel straight = SequenceModel.create(spec(0.01));
        new Trainer(TrainingConfig.epochs(3)).fit(straight, TinyData.batches(train, 16), null);

        Path checkpoints = dir.resolve("run");
        TrainingConfig config = TrainingConfig.epochs(3).withCheckpoints(checkpoints).withCheckpointEvery(2);
        ProgressListener killer = new ProgressListener() {
            @Override
            public void onBatch(Progress progress) {
                if (progress.iteration() == 5) {
                    throw new IllegalStateException("killed");
                }
            }
        };
        assertThrows(IllegalStateException.class,
                () -> new Trainer(config, killer).fit(SequenceModel.create(spec(0.01)), TinyData.batches(train, 16), null));

        SequenceModel restarted = SequenceModel.create(spec(0.01));
        TrainingResult result = new Trainer(config.withResume(true)).fit(restarted, TinyData.batches(train, 16), null);
        assertEquals(3, result.history().size());
        assertArrayEquals(straight.network().params().toFloatVector(), restarted.network().params().toFloatVector(), 1e-5f);
    }

    @Test
    void resumeRefusesACheckpointOfAnotherModel() {
        DataSet train = TinyData.containsToken(32, 10, 3, 8, 4);
        Path checkpoints = dir.resolve("run");
        new Trainer(TrainingConfig.epochs(1).withCheckpoints(checkpoints))
                .fit(SequenceModel.create(spec(0.01)), TinyData.batches(train, 16), null);
        SequenceModel other = SequenceModel.create(spec(0.02));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new Trainer(
                TrainingConfig.epochs(2).withCheckpoints(checkpoints).withResume(true)).fit(other, TinyData.batches(train, 16), null));
        assertTrue(e.getMessage().contains("different model declaration"), e.getMessage());
    }

    @Test
    void nanLossStopsTrainingAndKeepsTheLastGoodCheckpoint() throws IOException {
        DataSet good = TinyData.containsToken(32, 10, 3, 8, 5);
        Path checkpoints = dir.resolve("run");
        SequenceModel model = Rnn.sequence(InputSpec.features(1)).lstm(4).lastStep().regression(1).build();
        DataSet numeric = new DataSet(good.getFeatures().reshape(32, 1, 8).dup(),
                good.getLabels().get(NDArrayIndex.all(), NDArrayIndex.interval(0, 1)).dup(), good.getFeaturesMaskArray(), null);
        new Trainer(TrainingConfig.epochs(1).withCheckpoints(checkpoints)).fit(model, TinyData.batches(numeric, 16), null);
        byte[] before = Files.readAllBytes(checkpoints.resolve("last.zip"));

        DataSet poisoned = numeric.copy();
        poisoned.getLabels().putScalar(3, 0, Double.NaN);
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class, () -> new Trainer(
                TrainingConfig.epochs(3).withCheckpoints(checkpoints)).fit(model, TinyData.batches(poisoned, 16), null));
        assertTrue(e.getMessage().contains("NaN") && e.getMessage().contains("epoch 1, batch 1"), e.getMessage());
        assertTrue(e.getMessage().contains("last.zip (not overwritten)"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(checkpoints.resolve("last.zip")));
    }

    @Test
    void listenersSeeEveryBatchAndEpoch() {
        List<Progress> batches = new ArrayList<>();
        List<EpochStats> epochs = new ArrayList<>();
        DataSet train = TinyData.containsToken(48, 10, 3, 8, 6);
        new Trainer(TrainingConfig.epochs(2), new ProgressListener() {
            @Override
            public void onBatch(Progress progress) {
                batches.add(progress);
            }

            @Override
            public void onEpochEnd(EpochStats stats, int total) {
                epochs.add(stats);
            }
        }).fit(SequenceModel.create(spec(0.01)), TinyData.batches(train, 16), null);
        assertEquals(6, batches.size());
        assertEquals(2, epochs.size());
        assertEquals(null, batches.get(0).epochEta(), "unknown before the first epoch has been counted");
        assertEquals(3, batches.get(3).batchesPerEpoch());
        assertFalse(batches.get(3).epochEta().isNegative());
        assertTrue(batches.stream().allMatch(p -> p.examplesPerSecond() > 0 && Double.isFinite(p.loss())));
    }
}
