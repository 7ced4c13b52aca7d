package org.rnnkit.core.train;

import com.fasterxml.jackson.annotation.JsonAlias;
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
 * @param best       best value of {@code metric} so far ({@link StopMetric#worst()} if none)
 * @param bestEpoch  1-based epoch of that value, 0 if none
 * @param stale      epochs since the last improvement
 * @param history    statistics of finished epochs
 * @param random     ND4J's random generator state (root, node) when the checkpoint was taken, null in
 *                   checkpoints written before it was recorded; dropout masks continue from it
 * @param metric     what early stopping follows ({@link StopMetric#LOSS} in checkpoints written before the choice)
 */
record TrainingState(@JsonProperty("epoch") int epoch,
                     @JsonProperty("batch") int batch,
                     @JsonProperty("best") @JsonAlias("bestLoss") double best,
                     @JsonProperty("bestEpoch") int bestEpoch,
                     @JsonProperty("stale") int stale,
                     @JsonProperty("history") List<EpochStats> history,
                     @JsonProperty("random") long[] random,
                     @JsonProperty("metric") StopMetric metric) {

    @JsonCreator
    TrainingState {
        history = List.copyOf(history);
        random = random == null ? null : random.clone();
        metric = metric == null ? StopMetric.LOSS : metric;
    }

    static TrainingState start(StopMetric metric) {
        return new TrainingState(0, 0, metric.worst(), 0, 0, List.of(), null, metric);
    }

    /** The state at this moment, with the calling thread's random generator state. */
    static TrainingState now(int epoch, int batch, double best, int bestEpoch, int stale, List<EpochStats> history,
                             StopMetric metric) {
        Random rng = Nd4j.getRandom();
        return new TrainingState(epoch, batch, best, bestEpoch, stale, history,
                new long[] {rng.rootState(), rng.nodeState()}, metric);
    }

    /** Puts the random generator back where it was when this state was taken (nothing for a fresh start). */
    void restoreRandom() {
        if (random != null) {
            Nd4j.getRandom().setStates(random[0], random[1]);
        }
    }
}
