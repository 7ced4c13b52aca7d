package org.rnnkit.core.train;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Where training stands, saved inside each checkpoint so that a run can resume.
 *
 * @param epoch      0-based epoch in progress
 * @param batch      batches of that epoch already trained
 * @param bestLoss   best validation loss so far (+infinity if none)
 * @param bestEpoch  1-based epoch of the best validation loss, 0 if none
 * @param stale      epochs since the last improvement
 * @param history    statistics of finished epochs
 */
record TrainingState(@JsonProperty("epoch") int epoch,
                     @JsonProperty("batch") int batch,
                     @JsonProperty("bestLoss") double bestLoss,
                     @JsonProperty("bestEpoch") int bestEpoch,
                     @JsonProperty("stale") int stale,
                     @JsonProperty("history") List<EpochStats> history) {

    @JsonCreator
    TrainingState {
        history = List.copyOf(history);
    }

    static TrainingState start() {
        return new TrainingState(0, 0, Double.POSITIVE_INFINITY, 0, 0, List.of());
    }
}
