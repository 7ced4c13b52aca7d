package org.rnnkit.core.train;

import java.time.Duration;

/**
 * A snapshot of training after one batch.
 *
 * @param epoch             1-based epoch
 * @param epochs            planned epochs
 * @param batch             1-based batch within the epoch
 * @param batchesPerEpoch   batches in an epoch, -1 while the first epoch is still counting them
 * @param iteration         updates since training began
 * @param loss              loss of this batch
 * @param examplesPerSecond training throughput in this epoch
 * @param eta               estimated time to finish all epochs, null while unknown
 */
public record Progress(int epoch, int epochs, int batch, int batchesPerEpoch, long iteration, double loss,
                       double examplesPerSecond, Duration eta) {
}
