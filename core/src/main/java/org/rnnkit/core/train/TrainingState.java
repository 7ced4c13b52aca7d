package org.rnnkit.core.train;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Where training stands, saved inside each checkpoint so that a run can resume.
 *
 * @param epoch      0-based epoch in progress
 * @param batch      batches of that epoch already trained
 * @param bestLoss   best validation loss so far (+infinity if none)
 * @param bestEpoch  1-based epoch of the best validation loss, 0 if none
 * @param stale      epochs since the last improvement
 * @param history    statistics of finished epochs
 * @param random     ND4J's random generator state (root, node) when the checkpoint was taken, null in
 *                   checkpoints written before it was recorded; dropout masks continue from it
 */
record TrainingState(@JsonProperty("epoch") int epoch,
                     @JsonProperty("batch") int batch,
                     @JsonProperty("bestLoss") double bestLoss,
                     @JsonProperty("bestEpoch") int bestEpoch,
                     @JsonProperty("stale") int stale,
                     @JsonProperty("history") List<EpochStats> history,
                     @JsonProperty("random") long[] random) {

    @JsonCreator
    TrainingState {
        history = List.copyOf(history);
        random = random == null ? null : random.clone();
    }

    static TrainingState start() {
        return new TrainingState(0, 0, Double.POSITIVE_INFINITY, 0, 0, List.of(), null);
    }

    /** The state at this moment, with the calling thread's random generator state. */
    static TrainingState now(int epoch, int batch, double bestLoss, int bestEpoch, int stale, List<EpochStats> history) {
        Random rng = Nd4j.getRandom();
        return new TrainingState(epoch, batch, bestLoss, bestEpoch, stale, history,
                new long[] {rng.rootState(), rng.nodeState()});
    }

    /** Puts the random generator back where it was when this state was taken (nothing for a fresh start). */
    void restoreRandom() {
        if (random != null) {
            Nd4j.getRandom().setStates(random[0], random[1]);
        }
    }
}
