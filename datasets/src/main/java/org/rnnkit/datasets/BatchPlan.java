package org.rnnkit.datasets;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Which examples go into which batch in each epoch, shared by all iterators: in order, shuffled (seeded, a new
 * permutation per epoch), or bucketed by length (examples of similar length batched together so padding stays
 * small; the order of batches and ties are shuffled with the seed). Immutable.
 */
public record BatchPlan(int batchSize, Order order, long seed) {

    /** How examples are ordered. */
    public enum Order {
        /** Examples in their stored order. */
        SEQUENTIAL,
        /** A seeded random permutation per epoch. */
        SHUFFLED,
        /** Sorted by length into batches, then batches shuffled per epoch. */
        BUCKETED
    }

    /** Validates the batch size. */
    public BatchPlan {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        }
        if (order == null) {
            throw new IllegalArgumentException("order must not be null");
        }
    }

    /** In stored order. */
    public static BatchPlan sequential(int batchSize) {
        return new BatchPlan(batchSize, Order.SEQUENTIAL, 0L);
    }

    /** Shuffled with the seed, a different permutation each epoch. */
    public static BatchPlan shuffled(int batchSize, long seed) {
        return new BatchPlan(batchSize, Order.SHUFFLED, seed);
    }

    /** Bucketed by length with seeded shuffling. */
    public static BatchPlan bucketed(int batchSize, long seed) {
        return new BatchPlan(batchSize, Order.BUCKETED, seed);
    }

    /**
     * The batches of epoch {@code epoch} (0-based) as example indices. {@code lengths} (one per example) is used
     * only by {@link Order#BUCKETED}.
     */
    public List<int[]> batches(int numExamples, int[] lengths, int epoch) {
        Integer[] idx = new Integer[numExamples];
        for (int i = 0; i < numExamples; i++) {
            idx[i] = i;
        }
        Random random = new Random(seed * 1_000_003L + epoch);
        if (order != Order.SEQUENTIAL) {
            java.util.Collections.shuffle(Arrays.asList(idx), random);
        }
        if (order == Order.BUCKETED) {
            if (lengths == null || lengths.length != numExamples) {
                throw new IllegalArgumentException("bucketing needs one length per example");
            }
            Arrays.sort(idx, Comparator.comparingInt(i -> lengths[i]));
        }
        List<int[]> batches = new ArrayList<>();
        for (int start = 0; start < numExamples; start += batchSize) {
            int end = Math.min(numExamples, start + batchSize);
            int[] batch = new int[end - start];
            for (int i = start; i < end; i++) {
                batch[i - start] = idx[i];
            }
            batches.add(batch);
        }
        if (order == Order.BUCKETED) {
            java.util.Collections.shuffle(batches, random);
        }
        return batches;
    }
}
