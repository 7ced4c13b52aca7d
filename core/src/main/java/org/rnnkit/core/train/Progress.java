package org.rnnkit.core.train;

import java.time.Duration;

/**
 * A snapshot of training after one batch. Times to come are honest about early stopping: it may end training at
 * {@code finishEarliest}, and the epoch limit ends it at {@code finishLatest} at the latest.
 *
 * @param epoch             1-based epoch
 * @param epochs            most epochs planned
 * @param batch             1-based batch within the epoch
 * @param batchesPerEpoch   batches in an epoch, -1 while the first epoch is still counting them
 * @param iteration         updates since training began
 * @param loss              loss of this batch
 * @param examplesPerSecond training throughput in this epoch
 * @param epochEta          estimated time to the end of this epoch, null while unknown
 * @param finishEarliest    estimated time to the earliest end (early stopping at its first chance), null while unknown
 * @param finishLatest      estimated time to the end of the last planned epoch, null while unknown
 */
public record Progress(int epoch, int epochs, int batch, int batchesPerEpoch, long iteration, double loss,
                       double examplesPerSecond, Duration epochEta, Duration finishEarliest, Duration finishLatest) {

    /** Whether early stopping could end training before the epoch limit. */
    public boolean mayStopEarly() {
        return finishEarliest != null && !finishEarliest.equals(finishLatest);
    }

    /**
     * A snapshot with the times to come estimated from the seconds per batch so far, once the batches per epoch
     * are known; {@code epochsLeftAtLeast} counts epochs after this one that training runs for sure.
     */
    static Progress estimate(int epoch, int epochs, int batch, int batchesPerEpoch, long iteration, double loss,
                             double examplesPerSecond, double secondsPerBatch, int epochsLeftAtLeast) {
        if (batchesPerEpoch < 0) {
            return new Progress(epoch, epochs, batch, batchesPerEpoch, iteration, loss, examplesPerSecond,
                    null, null, null);
        }
        long thisEpoch = Math.max(0, batchesPerEpoch - batch);
        long leastAfter = (long) epochsLeftAtLeast * batchesPerEpoch;
        long mostAfter = (long) (epochs - epoch) * batchesPerEpoch;
        return new Progress(epoch, epochs, batch, batchesPerEpoch, iteration, loss, examplesPerSecond,
                time(thisEpoch, secondsPerBatch), time(thisEpoch + leastAfter, secondsPerBatch),
                time(thisEpoch + mostAfter, secondsPerBatch));
    }

    private static Duration time(long batches, double secondsPerBatch) {
        return Duration.ofMillis(Math.round(batches * secondsPerBatch * 1000));
    }
}
