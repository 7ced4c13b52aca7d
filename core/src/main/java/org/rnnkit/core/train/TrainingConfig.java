package org.rnnkit.core.train;

import java.nio.file.Path;
import org.rnnkit.core.spec.SpecException;

/**
 * How long and how safely to train: epochs, early stopping on the validation loss or accuracy, checkpoints, and
 * where the passes run (the Trainer's own loop unless an {@link EpochRunner} is given).
 * Immutable; start from {@link #epochs(int)} and chain the {@code with*} methods.
 *
 * @param epochs          maximum number of passes over the training data
 * @param patience        stop after this many epochs without a better {@code metric}; 0 never stops early
 * @param minDelta        how much better the {@code metric} must be to count as better
 * @param metric          what early stopping follows and which epoch's weights are kept (default the loss)
 * @param checkpointDir   where {@code last.zip} and {@code best.zip} are written, or null for none
 * @param checkpointEvery also checkpoint every this many iterations inside an epoch; 0 only at epoch ends
 * @param resume          continue from {@code checkpointDir/last.zip} when it exists
 * @param runner          runs the training passes elsewhere (e.g. on Spark), or null for the Trainer's own loop
 */
public record TrainingConfig(int epochs, int patience, double minDelta, StopMetric metric, Path checkpointDir,
                             int checkpointEvery, boolean resume, EpochRunner.Factory runner) {

    public TrainingConfig {
        SpecException.require(epochs > 0, "epochs must be positive, got %d", epochs);
        SpecException.require(patience >= 0, "patience must be >= 0, got %d", patience);
        SpecException.require(minDelta >= 0, "minDelta must be >= 0, got %s", minDelta);
        SpecException.require(metric != null, "an early-stopping metric is required");
        SpecException.require(checkpointEvery >= 0, "checkpointEvery must be >= 0, got %d", checkpointEvery);
        SpecException.require(!resume || checkpointDir != null, "resume needs a checkpoint directory");
        SpecException.require(runner == null || checkpointEvery == 0, "checkpoints every %d iterations need the "
                + "Trainer's own batch loop; passes run elsewhere checkpoint at epoch ends", checkpointEvery);
    }

    /** Train for {@code n} epochs, no early stopping, no checkpoints. */
    public static TrainingConfig epochs(int n) {
        return new TrainingConfig(n, 0, 0, StopMetric.LOSS, null, 0, false, null);
    }

    /** Stop when the {@link #metric} has not improved for {@code epochs} epochs; the best weights are kept. */
    public TrainingConfig withEarlyStopping(int epochs) {
        return new TrainingConfig(this.epochs, epochs, minDelta, metric, checkpointDir, checkpointEvery, resume, runner);
    }

    /** Early stopping on the validation accuracy, say, instead of the loss (the default). */
    public TrainingConfig withMetric(StopMetric value) {
        return new TrainingConfig(epochs, patience, minDelta, value, checkpointDir, checkpointEvery, resume, runner);
    }

    public TrainingConfig withMinDelta(double delta) {
        return new TrainingConfig(epochs, patience, delta, metric, checkpointDir, checkpointEvery, resume, runner);
    }

    /** Write checkpoints to {@code dir} at each epoch end (atomically). */
    public TrainingConfig withCheckpoints(Path dir) {
        return new TrainingConfig(epochs, patience, minDelta, metric, dir, checkpointEvery, resume, runner);
    }

    /** Also checkpoint every {@code iterations} batches inside an epoch. */
    public TrainingConfig withCheckpointEvery(int iterations) {
        return new TrainingConfig(epochs, patience, minDelta, metric, checkpointDir, iterations, resume, runner);
    }

    /** Continue from the last checkpoint if there is one (after a crash or a kill). */
    public TrainingConfig withResume(boolean value) {
        return new TrainingConfig(epochs, patience, minDelta, metric, checkpointDir, checkpointEvery, value, runner);
    }

    /**
     * Runs the training passes through {@code factory} (for example on Spark) instead of the Trainer's own batch
     * loop; validation, early stopping, epoch-end checkpoints and resume stay as they are.
     */
    public TrainingConfig withRunner(EpochRunner.Factory factory) {
        return new TrainingConfig(epochs, patience, minDelta, metric, checkpointDir, checkpointEvery, resume, factory);
    }
}
