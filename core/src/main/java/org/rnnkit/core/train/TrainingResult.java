package org.rnnkit.core.train;

import java.time.Duration;
import java.util.List;

/**
 * The outcome of {@link Trainer#fit}: per-epoch statistics and where the best validation loss was.
 *
 * @param history      one entry per epoch run (including those before a resume)
 * @param bestEpoch    1-based epoch whose weights the model now holds, 0 without validation
 * @param bestLoss     best validation loss, +infinity without validation
 * @param stoppedEarly whether early stopping ended training before the last epoch
 * @param duration     wall time of this call
 */
public record TrainingResult(List<EpochStats> history, int bestEpoch, double bestLoss, boolean stoppedEarly,
                             Duration duration) {

    public TrainingResult {
        history = List.copyOf(history);
    }

    /** Training loss of the first epoch run. */
    public double firstLoss() {
        return history.isEmpty() ? Double.NaN : history.get(0).trainLoss();
    }

    /** Training loss of the last epoch run. */
    public double lastLoss() {
        return history.isEmpty() ? Double.NaN : history.get(history.size() - 1).trainLoss();
    }
}
