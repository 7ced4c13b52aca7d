package org.rnnkit.core.benchmark;

import java.io.PrintStream;

/** Receives a grid's progress from {@link BenchRunner}; implement only what you need. */
public interface BenchListener {

    /** Progress as plain lines on {@code out}: each run's start, each scoring and each result. */
    static BenchListener printing(PrintStream out) {
        return new PrintingBenchListener(out);
    }

    /** A run starts: the {@code index}-th (1-based) of {@code total}. */
    default void started(RunKey key, int index, int total, int hidden, long parameters) {
    }

    /** A run was found in earlier results and is kept. */
    default void kept(RunKey key, int index, int total) {
    }

    /** A run was scored on held-out data after {@code iterations} iterations. */
    default void scored(RunKey key, long iterations, double score, String metric, double seconds) {
    }

    /** A run finished. */
    default void finished(RunResult result, int index, int total) {
    }

    /** Any other message (the clipping experiment, the estimate). */
    default void note(String message) {
    }
}
