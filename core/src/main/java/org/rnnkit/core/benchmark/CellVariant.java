package org.rnnkit.core.benchmark;

import org.rnnkit.core.spec.ModelSpec;
import org.rnnkit.core.spec.Optimizer;

/**
 * A model family the benchmark compares: given a task's signature and a hidden size, it declares the whole model.
 * The runner solves the hidden size for a parameter budget, so {@link #spec} must give more parameters for a larger
 * {@code hidden}. Built-in variants are in {@link CellVariants}; a downstream project implements this to benchmark
 * its own cell or layer.
 */
public interface CellVariant {

    /** Short name used on the command line, in results and in the report (e.g. {@code gru}, {@code bi-lstm}). */
    String name();

    /** Whether the model reads sequences in both directions (skipped on tasks that forbid it). */
    default boolean bidirectional() {
        return false;
    }

    /** Whether the model has recurrence (false for the feed-forward baseline; the gradient probe needs it). */
    default boolean recurrent() {
        return true;
    }

    /**
     * Whether the model needs the task's {@link TaskSignature#horizon()} (chrono initialisation does); such a variant
     * is left out of tasks that state none.
     */
    default boolean needsHorizon() {
        return false;
    }

    /** The model for {@code task} with {@code hidden} units per layer. */
    ModelSpec spec(TaskSignature task, int hidden, Optimizer optimizer, long seed);
}
