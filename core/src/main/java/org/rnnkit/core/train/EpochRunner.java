package org.rnnkit.core.train;

import org.nd4j.linalg.dataset.api.iterator.MultiDataSetIterator;
import org.rnnkit.core.RnnModel;

/**
 * Runs the training passes of a {@link Trainer} somewhere other than its own batch loop, for example on a Spark
 * cluster (the optional {@code rnnkit-spark} module). The {@link Trainer} keeps everything around the passes the
 * same: validation after each epoch, early stopping with the best weights, checkpoints at epoch ends, resume,
 * the NaN guard and progress. After {@link #fitEpoch} the model on this JVM must hold the trained parameters.
 */
public interface EpochRunner extends AutoCloseable {

    /** Trains {@code model} for one pass over the runner's training data ({@code epoch} is 0-based). */
    Pass fitEpoch(RnnModel model, int epoch);

    /** Releases what the runner holds (a Spark context it started, cached data); the default holds nothing. */
    @Override
    default void close() {
    }

    /**
     * The outcome of one pass.
     *
     * @param meanLoss mean loss per example over the pass's batches (NaN if it became NaN)
     * @param examples examples trained on
     * @param batches  batches (updates) in the pass
     */
    record Pass(double meanLoss, long examples, int batches) {
    }

    /** Opens a runner for a model and the training batches the {@link Trainer} was given. */
    @FunctionalInterface
    interface Factory {
        EpochRunner open(RnnModel model, MultiDataSetIterator train);
    }
}
