package org.rnnkit.core.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.adapter.MultiDataSetIteratorAdapter;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.dataset.api.iterator.MultiDataSetIterator;
import org.rnnkit.core.RnnModel;
import org.rnnkit.core.SequenceModel;
import org.rnnkit.core.io.ModelBundle;
import org.rnnkit.core.io.ModelFileException;
import org.rnnkit.datasets.EpochAware;

/**
 * Trains an rnnkit model: epochs over an iterator, validation loss (and accuracy, when early stopping follows it)
 * after each epoch, early stopping that keeps the best weights, atomic checkpoints and resume, progress for
 * listeners, and a guard that stops on a NaN or infinite loss before it can overwrite a good checkpoint.
 *
 * <p>A resumed run ends bit-identical to one that never stopped: iterators that are {@link EpochAware} are told
 * which epoch starts (so a shuffled epoch replays the same order), the model's parameters, updater state and
 * counters come back from the checkpoint, and so does the state of ND4J's random generator (dropout masks).
 *
 * <p>The passes over the training data run in this JVM, batch by batch, unless an {@link EpochRunner} runs them
 * elsewhere (given to {@link #fit(RnnModel, EpochRunner, MultiDataSetIterator)} or through
 * {@link TrainingConfig#withRunner}); everything else stays the same.
 */
public final class Trainer {
    private final TrainingConfig config;
    private final List<ProgressListener> listeners;

    public Trainer(TrainingConfig config, ProgressListener... listeners) {
        this.config = config;
        this.listeners = List.of(listeners);
    }

    /**
     * Trains a sequential model; {@code validation} may be null (then no early stopping). Before the first batch,
     * the iterators' feature and class counts (where they report them) are checked against the model.
     */
    public TrainingResult fit(SequenceModel model, DataSetIterator train, DataSetIterator validation) {
        DataCheck.require(model.spec(), train, "training data");
        if (validation != null) {
            DataCheck.require(model.spec(), validation, "validation data");
        }
        return run(model, new Source(new MultiDataSetIteratorAdapter(train), train),
                validation == null ? null : new Source(new MultiDataSetIteratorAdapter(validation), validation));
    }

    /** Trains any rnnkit model on multi-input batches; {@code validation} may be null. */
    public TrainingResult fit(RnnModel model, MultiDataSetIterator train, MultiDataSetIterator validation) {
        return run(model, new Source(train, train), validation == null ? null : new Source(validation, validation));
    }

    /**
     * Trains any rnnkit model with passes that {@code train} runs (for example on Spark, over data that is already
     * there); {@code validation} runs on this JVM and may be null. The runner is closed at the end. A runner in
     * this trainer's {@link TrainingConfig} is not used.
     */
    public TrainingResult fit(RnnModel model, EpochRunner train, MultiDataSetIterator validation) {
        try (train) {
            return run(model, null, train, validation == null ? null : new Source(validation, validation));
        }
    }

    /** An iterator as training reads it, and the same iterator as it was given (to tell it the epoch). */
    private record Source(MultiDataSetIterator batches, Object given) {
        void startEpoch(int epoch) {
            if (given instanceof EpochAware e) {
                e.startEpoch(epoch);
            } else {
                batches.reset();
            }
        }
    }

    private TrainingResult run(RnnModel model, Source train, Source validation) {
        if (config.runner() == null) {
            return run(model, train, null, validation);
        }
        try (EpochRunner runner = config.runner().open(model, train.batches())) {
            return run(model, null, runner, validation);
        }
    }

    /** Trains with passes from {@code runner} when it is given, else batch by batch over {@code train}. */
    private TrainingResult run(RnnModel model, Source train, EpochRunner runner, Source validation) {
        CheckpointStore store = config.checkpointDir() == null ? null : new CheckpointStore(config.checkpointDir());
        StopMetric metric = config.metric();
        TrainingState state = config.resume() ? resume(model, store, metric) : TrainingState.start(metric);
        List<EpochStats> history = new ArrayList<>(state.history());
        INDArray bestParams = state.bestEpoch() > 0 ? bestParams(store) : null;
        double best = state.best();
        int bestEpoch = state.bestEpoch();
        int stale = state.stale();
        int batchesPerEpoch = -1;
        long started = System.nanoTime();
        boolean stoppedEarly = false;
        state.restoreRandom(); // last: loading the checkpoints above may have re-seeded it
        for (int epoch = state.epoch(); epoch < config.epochs() && !stoppedEarly; epoch++) {
            int skip = epoch == state.epoch() ? state.batch() : 0;
            long epochStart = System.nanoTime();
            double lossSum = 0;
            long examples = 0;
            int batch = 0;
            if (runner != null) {
                EpochRunner.Pass pass = runnerPass(runner, model, epoch, epochStart,
                        epochsLeftAtLeast(epoch, stale, validation != null), store);
                batch = pass.batches();
                lossSum = pass.meanLoss() * pass.examples();
                examples = pass.examples();
            } else {
                train.startEpoch(epoch);
            }
            while (runner == null && train.batches().hasNext()) {
                MultiDataSet data = train.batches().next();
                if (batch < skip) {
                    batch++;
                    continue;
                }
                double loss = model.fit(data);
                batch++;
                if (!Double.isFinite(loss)) {
                    throw diverged("training loss became " + loss, epoch + 1, batch, store);
                }
                long n = data.getFeatures(0).size(0);
                lossSum += loss * n;
                examples += n;
                double seconds = (System.nanoTime() - epochStart) / 1e9;
                Progress progress = Progress.estimate(epoch + 1, config.epochs(), batch, batchesPerEpoch,
                        model.iterationCount(), loss, examples / Math.max(seconds, 1e-9), seconds / (batch - skip),
                        epochsLeftAtLeast(epoch, stale, validation != null));
                listeners.forEach(l -> l.onBatch(progress));
                if (store != null && config.checkpointEvery() > 0 && model.iterationCount() % config.checkpointEvery() == 0) {
                    store.saveLast(model, TrainingState.now(epoch, batch, best, bestEpoch, stale, history, metric));
                }
            }
            batchesPerEpoch = batch;
            double validationLoss = validation == null ? Double.NaN : evaluate(model, validation, epoch);
            if (validation != null && !Double.isFinite(validationLoss)) {
                throw diverged("validation loss became " + validationLoss, epoch + 1, batch, store);
            }
            double validationAccuracy = validation != null && metric == StopMetric.ACCURACY
                    ? accuracy(model, validation, epoch) : Double.NaN;
            double monitored = metric == StopMetric.ACCURACY ? validationAccuracy : validationLoss;
            boolean improved = validation != null && metric.improves(monitored, best, config.minDelta());
            if (improved) {
                best = monitored;
                bestEpoch = epoch + 1;
                bestParams = model.params().dup();
                stale = 0;
            } else if (validation != null) {
                stale++;
            }
            EpochStats stats = new EpochStats(epoch + 1, examples == 0 ? Double.NaN : lossSum / examples,
                    validationLoss, validationAccuracy, (System.nanoTime() - epochStart) / 1e9, improved);
            history.add(stats);
            stoppedEarly = earlyStopping(validation != null) && stale >= config.patience();
            TrainingState done = TrainingState.now(epoch + 1, 0, best, bestEpoch, stale, history, metric);
            if (store != null) {
                if (improved) {
                    store.saveBest(model, done);
                }
                store.saveLast(model, done);
            }
            listeners.forEach(l -> l.onEpochEnd(stats, config.epochs()));
            // A listener may draw random numbers (say, sample from the model); the next epoch starts from the
            // state the checkpoint recorded, as a resumed run does.
            done.restoreRandom();
        }
        if (bestParams != null) {
            model.params().assign(bestParams);
        }
        int kept = bestEpoch;
        double keptLoss = history.stream().filter(e -> e.epoch() == kept).mapToDouble(EpochStats::validationLoss)
                .findFirst().orElse(Double.POSITIVE_INFINITY);
        return new TrainingResult(history, bestEpoch, keptLoss, metric, stoppedEarly,
                Duration.ofNanos(System.nanoTime() - started));
    }

    /** One pass run by {@code runner}, guarded against a NaN loss and reported to listeners as one step. */
    private EpochRunner.Pass runnerPass(EpochRunner runner, RnnModel model, int epoch, long epochStart,
                                        int epochsLeftAtLeast, CheckpointStore store) {
        EpochRunner.Pass pass = runner.fitEpoch(model, epoch);
        if (!Double.isFinite(pass.meanLoss())) {
            throw diverged("training loss became " + pass.meanLoss(), epoch + 1, pass.batches(), store);
        }
        double seconds = (System.nanoTime() - epochStart) / 1e9;
        Progress progress = Progress.estimate(epoch + 1, config.epochs(), pass.batches(), pass.batches(),
                model.iterationCount(), pass.meanLoss(), pass.examples() / Math.max(seconds, 1e-9),
                seconds / Math.max(pass.batches(), 1), epochsLeftAtLeast);
        listeners.forEach(l -> l.onBatch(progress));
        return pass;
    }

    private boolean earlyStopping(boolean validating) {
        return validating && config.patience() > 0;
    }

    /** Epochs after the current one that training runs at least: early stopping may end it at its first chance. */
    private int epochsLeftAtLeast(int epoch, int stale, boolean validating) {
        int most = config.epochs() - epoch - 1;
        return earlyStopping(validating) ? Math.max(0, Math.min(most, config.patience() - stale - 1)) : most;
    }

    private static double evaluate(RnnModel model, Source validation, int epoch) {
        validation.startEpoch(epoch);
        double sum = 0;
        long examples = 0;
        while (validation.batches().hasNext()) {
            MultiDataSet data = validation.batches().next();
            long n = data.getFeatures(0).size(0);
            sum += model.score(data) * n;
            examples += n;
        }
        return examples == 0 ? Double.NaN : sum / examples;
    }

    /**
     * Accuracy over the validation batches: the most probable class against the label, per example or, for
     * per-step outputs, per step the label mask keeps (DL4J's {@link Evaluation} applies the mask).
     */
    private static double accuracy(RnnModel model, Source validation, int epoch) {
        validation.startEpoch(epoch);
        Evaluation evaluation = new Evaluation();
        while (validation.batches().hasNext()) {
            MultiDataSet data = validation.batches().next();
            INDArray labelMask = data.getLabelsMaskArray(0);
            INDArray output;
            if (model.network() instanceof MultiLayerNetwork network) {
                output = network.output(data.getFeatures(0), false, data.getFeaturesMaskArray(0), labelMask);
            } else if (model.network() instanceof ComputationGraph graph) {
                output = graph.output(false, data.getFeatures(), data.getFeaturesMaskArrays(),
                        data.getLabelsMaskArrays())[0];
            } else {
                throw new IllegalStateException("accuracy needs a MultiLayerNetwork or ComputationGraph, not "
                        + model.network().getClass().getSimpleName());
            }
            evaluation.eval(data.getLabels(0), output, labelMask);
        }
        return evaluation.getNumRowCounter() == 0 ? Double.NaN : evaluation.accuracy();
    }

    private static TrainingState resume(RnnModel model, CheckpointStore store, StopMetric metric) {
        try {
            Optional<ModelBundle> last = store.loadLast();
            if (last.isEmpty()) {
                return TrainingState.start(metric);
            }
            ModelBundle bundle = last.get();
            requireSameModel(model, bundle, store.last());
            TrainingState state = CheckpointStore.state(bundle, store.last());
            if (state.metric() != metric) {
                throw new ModelFileException(store.last(), "checkpoint was written while early stopping followed the "
                        + "validation " + state.metric().name().toLowerCase(Locale.ROOT)
                        + "; resume with the same metric");
            }
            model.restoreFrom(bundle.model());
            return state;
        } catch (IOException e) {
            throw new IllegalStateException("cannot resume: " + e.getMessage(), e);
        }
    }

    private static INDArray bestParams(CheckpointStore store) {
        try {
            return store.loadBest().map(b -> b.model().params().dup()).orElse(null);
        } catch (IOException e) {
            throw new IllegalStateException("cannot resume: " + e.getMessage(), e);
        }
    }

    private static void requireSameModel(RnnModel model, ModelBundle bundle, Path file)
            throws ModelFileException {
        try {
            ObjectMapper json = new ObjectMapper();
            if (!json.readTree(model.specJson()).equals(json.readTree(bundle.model().specJson()))) {
                throw new ModelFileException(file, "checkpoint was written by a different model declaration; "
                        + "delete it or use the same spec to resume");
            }
        } catch (JsonProcessingException e) {
            throw new ModelFileException(file, "unreadable spec in checkpoint", e);
        }
    }

    private TrainingDivergedException diverged(String what, int epoch, int batch, CheckpointStore store) {
        return new TrainingDivergedException(what + " at epoch " + epoch + ", batch " + batch
                + (store == null ? "; no checkpoint was kept"
                        : "; the last good checkpoint is " + store.last() + " (not overwritten)")
                + ". Try a lower learning rate or gradient clipping (Optimizer.withClipNorm).");
    }
}
