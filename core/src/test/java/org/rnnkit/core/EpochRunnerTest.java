package org.rnnkit.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.dataset.api.iterator.MultiDataSetIterator;
import org.rnnkit.core.spec.InputSpec;
import org.rnnkit.core.spec.ModelSpec;
import org.rnnkit.core.spec.Optimizer;
import org.rnnkit.core.spec.SpecException;
import org.rnnkit.core.train.EpochRunner;
import org.rnnkit.core.train.Trainer;
import org.rnnkit.core.train.TrainingConfig;
import org.rnnkit.core.train.TrainingDivergedException;
import org.rnnkit.core.train.TrainingResult;

/** Passes run by an {@link EpochRunner} (as on Spark) keep the Trainer's validation, early stopping and guards. */
class EpochRunnerTest {

    private static ModelSpec spec() {
        return Rnn.sequence(InputSpec.tokens(10)).embedding(6).gru(8).lastStep().softmax(2)
                .optimizer(Optimizer.adam(0.05)).seed(3).spec();
    }

    /** Runs each pass batch by batch on this JVM, as the Trainer's own loop does; counts closes. */
    private static EpochRunner.Factory sameJvm(AtomicInteger closed) {
        return (model, train) -> new EpochRunner() {
            @Override
            public Pass fitEpoch(RnnModel m, int epoch) {
                train.reset();
                double sum = 0;
                long examples = 0;
                int batches = 0;
                while (train.hasNext()) {
                    MultiDataSet batch = train.next();
                    long n = batch.getFeatures(0).size(0);
                    sum += m.fit(batch) * n;
                    examples += n;
                    batches++;
                }
                return new Pass(sum / examples, examples, batches);
            }

            @Override
            public void close() {
                closed.incrementAndGet();
            }
        };
    }

    @Test
    void passesFromARunnerTrainAsTheTrainersOwnLoopWithEarlyStoppingAndBestWeights() {
        DataSet train = TinyData.containsToken(64, 10, 3, 8, 1);
        DataSet valid = TinyData.containsToken(64, 10, 3, 8, 2);
        valid.setLabels(valid.getLabels().rsub(1)); // validation loss rises as the model learns: early stopping acts
        TrainingConfig config = TrainingConfig.epochs(30).withEarlyStopping(2);
        SequenceModel own = SequenceModel.create(spec());
        TrainingResult ownRun = new Trainer(config).fit(own, TinyData.batches(train, 16), TinyData.batches(valid, 32));

        AtomicInteger closed = new AtomicInteger();
        SequenceModel run = SequenceModel.create(spec());
        TrainingResult runnerRun = new Trainer(config.withRunner(sameJvm(closed)))
                .fit(run, TinyData.batches(train, 16), TinyData.batches(valid, 32));

        assertTrue(runnerRun.stoppedEarly());
        assertEquals(ownRun.history().size(), runnerRun.history().size());
        assertEquals(ownRun.bestEpoch(), runnerRun.bestEpoch());
        for (int i = 0; i < ownRun.history().size(); i++) {
            assertEquals(ownRun.history().get(i).trainLoss(), runnerRun.history().get(i).trainLoss(), 1e-6);
            assertEquals(ownRun.history().get(i).validationLoss(), runnerRun.history().get(i).validationLoss(), 1e-6);
        }
        assertArrayEquals(own.params().toFloatVector(), run.params().toFloatVector(), 1e-6f, "best weights kept");
        assertEquals(1, closed.get(), "the runner is closed once training ends");
    }

    @Test
    void aNanPassStopsTrainingAndTheRunnerIsClosed() {
        AtomicInteger closed = new AtomicInteger();
        EpochRunner nan = new EpochRunner() {
            @Override
            public Pass fitEpoch(RnnModel model, int epoch) {
                return new Pass(epoch == 0 ? 0.7 : Double.NaN, 16, 1);
            }

            @Override
            public void close() {
                closed.incrementAndGet();
            }
        };
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class, () -> new Trainer(
                TrainingConfig.epochs(3)).fit(SequenceModel.create(spec()), nan, (MultiDataSetIterator) null));
        assertTrue(e.getMessage().contains("NaN at epoch 2"), e.getMessage());
        assertEquals(1, closed.get());
    }

    @Test
    void checkpointsInsideAnEpochNeedTheTrainersOwnLoop() {
        SpecException e = assertThrows(SpecException.class, () -> TrainingConfig.epochs(2).withCheckpointEvery(5)
                .withRunner(sameJvm(new AtomicInteger())));
        assertTrue(e.getMessage().contains("epoch ends"), e.getMessage());
    }
}
