package org.rnnkit.core.train;

/** Receives training progress from the {@link Trainer}; implement only what you need. */
public interface ProgressListener {

    /**
     * Progress on standard error: a {@link ProgressBarListener} when this process runs in a terminal
     * ({@code System.console() != null}), plain {@link ConsoleProgress} lines otherwise (CI, pipes, log files).
     */
    static ProgressListener console() {
        return System.console() != null ? new ProgressBarListener(System.err) : new ConsoleProgress();
    }

    default void onBatch(Progress progress) {
    }

    default void onEpochEnd(EpochStats stats, int epochs) {
    }
}
