package org.rnnkit.core.benchmark;

/**
 * One cell of a grid: a task at a length, a cell variant, a seed. Results are kept and resumed by this key.
 *
 * @param task    the task's name
 * @param cell    the cell variant's name
 * @param length  the sequence length (or delay)
 * @param seed    draws the run's training and held-out data (reproducibly) and is the model's declared seed, which
 *                fixes its initial weights
 */
public record RunKey(String task, String cell, int length, int seed) {

    @Override
    public String toString() {
        return task + " T=" + length + " " + cell + " seed " + seed;
    }
}
