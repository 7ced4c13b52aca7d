package org.rnnkit.core.benchmark;

import java.io.IOException;
import java.util.List;

/**
 * A benchmark task: a family of problems indexed by sequence length (the delay or number of steps a model must
 * bridge). Implement it to benchmark your own data with {@link BenchRunner}; see {@link AddingBench} for a generated
 * task and {@link ControlChartBench} for a fixed data set.
 */
public interface BenchTask {

    /** Short name used on the command line, in results and in the report (e.g. {@code adding}). */
    String name();

    /** One line for the report: the task and how it is scored. */
    String description();

    /** The lengths the full grid runs; a task whose data fixes the length returns its one length. */
    List<Integer> defaultLengths();

    /** False where reading the sequence backwards would leak the answer (next-token prediction). */
    default boolean allowsBidirectional() {
        return true;
    }

    /**
     * Whether the runner measures the {@link GradientProbe} on this task's runs (many-to-one tasks of unpadded,
     * equal-length sequences only).
     */
    default boolean gradientProbe() {
        return false;
    }

    /**
     * The longest dependency a model must bridge at {@code length}, in steps (what chrono initialisation takes as
     * its {@code tMax}), where the task's definition states it; 0 where it does not, and then the variants that need
     * it ({@link CellVariant#needsHorizon()}) are left out. {@link TaskInstance#signature()} carries the same value.
     */
    default int horizon(int length) {
        return 0;
    }

    /**
     * The problem at {@code length}, with data drawn from {@code seed} (a different seed gives different
     * training and held-out data where the task generates it).
     */
    TaskInstance prepare(int length, long seed) throws IOException;
}
