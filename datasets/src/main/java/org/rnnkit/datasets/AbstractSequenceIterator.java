package org.rnnkit.datasets;

import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

import java.util.List;

/**
 * Base of every {@link DataSetIterator} here: batching and seeded shuffling by a {@link BatchPlan},
 * {@code reset()} (next epoch), {@link #startEpoch} (any epoch, for resuming), pre-processor, async support, and {@link #toString()} = {@link #describe()}.
 * Subclasses only build a batch from example indices and report their shapes.
 */
public abstract class AbstractSequenceIterator implements DataSetIterator, EpochAware {

    private final transient BatchCursor cursor;
    private DataSetPreProcessor preProcessor;

    /** @param lengths one length per example, used only for bucketing (may be null otherwise) */
    protected AbstractSequenceIterator(BatchPlan plan, int numExamples, int[] lengths) {
        this.cursor = new BatchCursor(plan, numExamples, lengths);
    }

    /** Builds the batch holding these examples. */
    protected abstract DataSet build(int[] examples);

    /** A one-line description of shapes, sizes and vocabulary. */
    public abstract String describe();

    /** Number of examples in one epoch. */
    public int numExamples() {
        return cursor.numExamples();
    }

    @Override
    public synchronized DataSet next(int num) {
        return finish(build(cursor.next(num)));
    }

    @Override
    public synchronized DataSet next() {
        return finish(build(cursor.next()));
    }

    private DataSet finish(DataSet ds) {
        if (preProcessor != null) {
            preProcessor.preProcess(ds);
        }
        return ds;
    }

    @Override
    public synchronized boolean hasNext() {
        return cursor.hasNext();
    }

    @Override
    public boolean resetSupported() {
        return true;
    }

    @Override
    public boolean asyncSupported() {
        return true;
    }

    @Override
    public synchronized void reset() {
        cursor.reset();
    }

    @Override
    public synchronized void startEpoch(int epoch) {
        cursor.startEpoch(epoch);
    }

    @Override
    public int batch() {
        return cursor.batchSize();
    }

    /** The pass being walked (see {@link BatchCursor#pass()}), for per-epoch randomness in {@link #build}. */
    protected synchronized int pass() {
        return cursor.pass();
    }

    @Override
    public void setPreProcessor(DataSetPreProcessor preProcessor) {
        this.preProcessor = preProcessor;
    }

    @Override
    public DataSetPreProcessor getPreProcessor() {
        return preProcessor;
    }

    @Override
    public List<String> getLabels() {
        return null;
    }

    @Override
    public String toString() {
        return describe();
    }
}
