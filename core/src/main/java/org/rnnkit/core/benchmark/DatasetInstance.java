package org.rnnkit.core.benchmark;

import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.rnnkit.datasets.BatchPlan;
import org.rnnkit.datasets.SequenceDataset;

/**
 * A {@link TaskInstance} over in-memory {@link SequenceDataset}s: either a generator that draws fresh training
 * examples for every block (the usual protocol for synthetic tasks: the model never sees an example twice) or a
 * fixed training set read once per block (an epoch). Subclasses add the signature, metric and scoring.
 */
public abstract class DatasetInstance implements TaskInstance {
    private static final int HELD_OUT_BATCH = 250;

    /** Draws fresh training examples for one block. */
    @FunctionalInterface
    public interface Generator {
        /** {@code examples} new training examples for block {@code block}, the same for the same arguments. */
        SequenceDataset draw(int block, int examples);
    }

    private final Generator fresh;
    private final SequenceDataset fixed;
    private final SequenceDataset heldOut;
    private final long seed;

    /**
     * @param fresh    draws the new training examples of each block;
     *                 null when {@code fixed} is given
     * @param fixed    a fixed training set, or null
     * @param heldOut  the held-out examples
     * @param seed     seeds the batch order of a fixed training set
     */
    protected DatasetInstance(Generator fresh, SequenceDataset fixed, SequenceDataset heldOut,
                              long seed) {
        if ((fresh == null) == (fixed == null)) {
            throw new IllegalArgumentException("give either a generator or a fixed training set");
        }
        this.fresh = fresh;
        this.fixed = fixed;
        this.heldOut = heldOut;
        this.seed = seed;
    }

    @Override
    public DataSetIterator trainingBlock(int block, int batches, int batchSize) {
        if (fixed != null) {
            return fixed.iterator(BatchPlan.shuffled(batchSize, seed + block));
        }
        return fresh.draw(block, batches * batchSize).iterator(BatchPlan.sequential(batchSize));
    }

    @Override
    public DataSetIterator heldOut() {
        return heldOut.iterator(BatchPlan.sequential(HELD_OUT_BATCH));
    }

    /** The held-out examples. */
    protected SequenceDataset heldOutData() {
        return heldOut;
    }

    /** A seed for block {@code block} of a run seeded {@code seed}, distinct from the held-out data's. */
    static long blockSeed(long seed, int block) {
        return seed * 1_000_003L + block + 1;
    }

    /** The held-out data's seed for a run seeded {@code seed}. */
    static long heldOutSeed(long seed) {
        return seed * 1_000_003L - 1;
    }
}
