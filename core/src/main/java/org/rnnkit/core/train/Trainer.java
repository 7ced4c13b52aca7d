package org.rnnkit.core.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.nd4j.linalg.dataset.adapter.MultiDataSetIteratorAdapter;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.dataset.api.iterator.MultiDataSetIterator;
import org.rnnkit.core.RnnModel;
import org.rnnkit.core.SequenceModel;
import org.rnnkit.core.io.ModelBundle;
import org.rnnkit.core.io.ModelFileException;

/**
 * Trains an rnnkit model: epochs over an iterator, validation loss after each epoch, early stopping
 * that keeps the best weights, atomic checkpoints and resume, progress for listeners, and a guard that
 * stops on a NaN or infinite loss before it can overwrite a good checkpoint.
 */
public final class Trainer {
    private final TrainingConfig config;
    private final List<ProgressListener> listeners;

    public Trainer(TrainingConfig config, ProgressListener... listeners) {
        this.config = config;
        this.listeners = List.of(listeners);
    }

    /** Trains a sequential model; {@code validation} may be null (then no early stopping). */
    public TrainingResult fit(SequenceModel model, DataSetIterator train, DataSetIterator validation) {
        return fit(model, new MultiDataSetIteratorAdapter(train),
                validation == null ? null : new MultiDataSetIteratorAdapter(validation));
    }

    /** Trains any rnnkit model on multi-input batches; {@code validation} may be null. */
    public TrainingResult fit(RnnModel model, MultiDataSetIterator train, MultiDataSetIterator validation) {
        NetworkOps net = new NetworkOps(model.network());
        CheckpointStore store = config.checkpointDir() == null ? null : new CheckpointStore(config.checkpointDir());
        TrainingState state = config.resume() ? resume(model, net, store) : TrainingState.start();
        List<EpochStats> history = new ArrayList<>(state.history());
        INDArray bestParams = state.bestEpoch() > 0 ? bestParams(model, store) : null;
        double bestLoss = state.bestLoss();
        int bestEpoch = state.bestEpoch();
        int stale = state.stale();
        int batchesPerEpoch = -1;
        long started = System.nanoTime();
        boolean stoppedEarly = false;
        for (int epoch = state.epoch(); epoch < config.epochs() && !stoppedEarly; epoch++) {
            int skip = epoch == state.epoch() ? state.batch() : 0;
            long epochStart = System.nanoTime();
            train.reset();
            double lossSum = 0;
            long examples = 0;
            int batch = 0;
            while (train.hasNext()) {
                MultiDataSet data = train.next();
                if (batch < skip) {
                    batch++;
                    continue;
                }
                double loss = net.fit(data);
                batch++;
                if (!Double.isFinite(loss)) {
                    throw diverged("training loss became " + loss, epoch + 1, batch, store);
                }
                long n = data.getFeatures(0).size(0);
                lossSum += loss * n;
                examples += n;
                double seconds = (System.nanoTime() - epochStart) / 1e9;
                Progress progress = new Progress(epoch + 1, config.epochs(), batch, batchesPerEpoch,
                        net.iterationCount(), loss, examples / Math.max(seconds, 1e-9),
                        eta(seconds / (batch - skip), batch, batchesPerEpoch, epoch));
                listeners.forEach(l -> l.onBatch(progress));
                if (store != null && config.checkpointEvery() > 0 && net.iterationCount() % config.checkpointEvery() == 0) {
                    store.saveLast(model, new TrainingState(epoch, batch, bestLoss, bestEpoch, stale, history));
                }
            }
            batchesPerEpoch = batch;
            double validationLoss = validation == null ? Double.NaN : evaluate(net, validation);
            if (validation != null && !Double.isFinite(validationLoss)) {
                throw diverged("validation loss became " + validationLoss, epoch + 1, batch, store);
            }
            boolean improved = validation != null && validationLoss < bestLoss - config.minDelta();
            if (improved) {
                bestLoss = validationLoss;
                bestEpoch = epoch + 1;
                bestParams = net.params().dup();
                stale = 0;
            } else if (validation != null) {
                stale++;
            }
            EpochStats stats = new EpochStats(epoch + 1, examples == 0 ? Double.NaN : lossSum / examples,
                    validationLoss, (System.nanoTime() - epochStart) / 1e9, improved);
            history.add(stats);
            stoppedEarly = config.patience() > 0 && stale >= config.patience();
            if (store != null) {
                TrainingState done = new TrainingState(epoch + 1, 0, bestLoss, bestEpoch, stale, history);
                if (improved) {
                    store.saveBest(model, done);
                }
                store.saveLast(model, done);
            }
            listeners.forEach(l -> l.onEpochEnd(stats, config.epochs()));
        }
        if (bestParams != null) {
            net.setParams(bestParams);
        }
        return new TrainingResult(history, bestEpoch, bestLoss, stoppedEarly,
                Duration.ofNanos(System.nanoTime() - started));
    }

    private Duration eta(double secondsPerBatch, int batch, int batchesPerEpoch, int epoch) {
        if (batchesPerEpoch < 0) {
            return null;
        }
        long remaining = Math.max(0, batchesPerEpoch - batch) + (long) (config.epochs() - epoch - 1) * batchesPerEpoch;
        return Duration.ofMillis((long) (remaining * secondsPerBatch * 1000));
    }

    private static double evaluate(NetworkOps net, MultiDataSetIterator validation) {
        validation.reset();
        double sum = 0;
        long examples = 0;
        while (validation.hasNext()) {
            MultiDataSet data = validation.next();
            long n = data.getFeatures(0).size(0);
            sum += net.score(data) * n;
            examples += n;
        }
        return examples == 0 ? Double.NaN : sum / examples;
    }

    private TrainingState resume(RnnModel model, NetworkOps net, CheckpointStore store) {
        try {
            Optional<ModelBundle> last = store.loadLast();
            if (last.isEmpty()) {
                return TrainingState.start();
            }
            ModelBundle bundle = last.get();
            requireSameModel(model, bundle, store.last());
            net.restoreFrom(new NetworkOps(bundle.model().network()));
            return CheckpointStore.state(bundle, store.last());
        } catch (IOException e) {
            throw new IllegalStateException("cannot resume: " + e.getMessage(), e);
        }
    }

    private static INDArray bestParams(RnnModel model, CheckpointStore store) {
        try {
            return store.loadBest().map(b -> b.model().network().params().dup()).orElse(null);
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
