package org.rnnkit.datasets;

import java.util.Arrays;
import java.util.List;

/**
 * Walks one epoch of a {@link BatchPlan} (used by the iterators): {@link #next()} gives the next planned batch of
 * example indices, {@link #next(int)} the next n; {@link #reset()} starts the next pass (a new shuffle) and
 * {@link #startEpoch(int)} jumps to any training epoch. Passes count resets: construction prepares pass 0, and a
 * trainer's epoch {@code e} (it resets before each) is pass {@code e + 1}, whatever happened before.
 */
public final class BatchCursor {

    private final BatchPlan plan;
    private final int numExamples;
    private final int[] lengths;
    private int pass;
    private int[] flat;
    private int position;
    private int[] boundaries;

    public BatchCursor(BatchPlan plan, int numExamples, int[] lengths) {
        if (numExamples < 1) {
            throw new IllegalArgumentException("an iterator needs at least one example");
        }
        this.plan = plan;
        this.numExamples = numExamples;
        this.lengths = lengths;
        load();
    }

    private void load() {
        List<int[]> batches = plan.batches(numExamples, lengths, pass);
        flat = new int[numExamples];
        boundaries = new int[batches.size() + 1];
        int p = 0;
        for (int b = 0; b < batches.size(); b++) {
            System.arraycopy(batches.get(b), 0, flat, p, batches.get(b).length);
            p += batches.get(b).length;
            boundaries[b + 1] = p;
        }
        position = 0;
    }

    public boolean hasNext() {
        return position < numExamples;
    }

    /** The rest of the current planned batch. */
    public int[] next() {
        int end = numExamples;
        for (int b : boundaries) {
            if (b > position) {
                end = b;
                break;
            }
        }
        return take(end - position);
    }

    /** The next {@code n} examples of the epoch order (fewer at the end). */
    public int[] next(int n) {
        return take(Math.min(n, numExamples - position));
    }

    private int[] take(int n) {
        if (n <= 0) {
            throw new java.util.NoSuchElementException("epoch finished; call reset()");
        }
        int[] out = Arrays.copyOfRange(flat, position, position + n);
        position += n;
        return out;
    }

    public void reset() {
        pass++;
        load();
    }

    /** Starts 0-based training epoch {@code epoch} (see {@link EpochAware#startEpoch}). */
    public void startEpoch(int epoch) {
        if (epoch < 0) {
            throw new IllegalArgumentException("epoch must be >= 0, got " + epoch);
        }
        pass = epoch + 1;
        load();
    }

    public int batchSize() {
        return plan.batchSize();
    }

    /** The pass being walked: 0 after construction, {@code e + 1} in a trainer's 0-based epoch {@code e}. */
    public int pass() {
        return pass;
    }

    public int numExamples() {
        return numExamples;
    }
}
