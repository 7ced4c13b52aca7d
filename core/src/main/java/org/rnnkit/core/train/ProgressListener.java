package org.rnnkit.core.train;

/** Receives training progress from the {@link Trainer}; implement only what you need. */
public interface ProgressListener {

    default void onBatch(Progress progress) {
    }

    default void onEpochEnd(EpochStats stats, int epochs) {
    }
}
