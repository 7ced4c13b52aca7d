package org.rnnkit.datasets;

/**
 * An iterator whose batch order is a pure function of (plan seed, epoch), and that can be told which epoch it is
 * starting. A trainer that resumes mid-run calls {@link #startEpoch} instead of {@code reset()}, so the resumed
 * epoch sees the same batches, in the same order, as a run that never stopped.
 */
public interface EpochAware {

    /**
     * Starts 0-based training epoch {@code epoch}: the iterator is where {@code epoch + 1} calls of {@code reset()}
     * after construction would leave it (trainers reset before every epoch, the first one included).
     */
    void startEpoch(int epoch);
}
