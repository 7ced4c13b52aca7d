package org.rnnkit.datasets;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Language-model batches for truncated back-propagation through time over long streams: every epoch the sequences
 * (each a whole piece, e.g. {@code BOS melody EOS}) are put one after the other, in an order shuffled per epoch
 * (a function of seed and epoch, see {@link EpochAware}) or as given, and the stream is cut into rows of
 * {@code length} steps, {@code rows} per batch. A network with a truncated-BPTT length of a fraction of
 * {@code length} trains on each row window by window, carrying its state from window to window, so it learns
 * from context longer than one window. Features are token indices {@code [rows, 1, length]}, labels the next tokens
 * one-hot {@code [rows, V, length]}; the label mask leaves out each sequence's first token (nothing before it
 * predicts it: it follows the previous piece's end) and the padding of the stream's last row.
 */
public final class TokenStreamIterator implements DataSetIterator, EpochAware {

    private final List<int[]> sequences;
    private final int vocabSize;
    private final int rows;
    private final int length;
    private final boolean shuffle;
    private final long seed;
    private int epoch = -1;
    private int[] stream;
    private boolean[] starts;
    private int cursor;
    private DataSetPreProcessor preProcessor;

    /**
     * @param sequences pieces of at least 2 tokens each, all below {@code vocabSize}
     * @param rows      stream rows per batch
     * @param length    steps per row
     * @param shuffle   whether each epoch puts the pieces in a new order
     * @param seed      seed of that order
     */
    public TokenStreamIterator(List<int[]> sequences, int vocabSize, int rows, int length, boolean shuffle, long seed) {
        if (sequences.isEmpty()) {
            throw new IllegalArgumentException("a token stream needs at least one sequence");
        }
        if (rows < 1 || length < 1) {
            throw new IllegalArgumentException("rows and length must be positive, got " + rows + " and " + length);
        }
        for (int[] s : sequences) {
            if (s.length < 2) {
                throw new IllegalArgumentException("every sequence needs at least 2 tokens, got " + s.length);
            }
            for (int t : s) {
                if (t < 0 || t >= vocabSize) {
                    throw new IllegalArgumentException("token " + t + " outside vocabulary of " + vocabSize);
                }
            }
        }
        this.sequences = List.copyOf(sequences);
        this.vocabSize = vocabSize;
        this.rows = rows;
        this.length = length;
        this.shuffle = shuffle;
        this.seed = seed;
        startEpoch(0);
        epoch = -1; // ready to read epoch 0, and the reset() trainers call before every epoch starts epoch 0 again
    }

    /** Tokens in one epoch's stream. */
    public long tokens() {
        return stream.length;
    }

    @Override
    public void startEpoch(int value) {
        epoch = value;
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < sequences.size(); i++) {
            order.add(i);
        }
        if (shuffle) {
            Collections.shuffle(order, new Random(seed * 1_000_003L + value));
        }
        int total = sequences.stream().mapToInt(s -> s.length).sum();
        stream = new int[total];
        starts = new boolean[total];
        int at = 0;
        for (int i : order) {
            int[] s = sequences.get(i);
            System.arraycopy(s, 0, stream, at, s.length);
            starts[at] = true;
            at += s.length;
        }
        cursor = 0;
    }

    @Override
    public void reset() {
        startEpoch(epoch + 1);
    }

    /** Row windows: window {@code w} predicts stream positions {@code w*length+1 .. (w+1)*length}. */
    private int windows() {
        return (stream.length - 2) / length + 1;
    }

    @Override
    public boolean hasNext() {
        return cursor < windows();
    }

    @Override
    public DataSet next() {
        return next(rows);
    }

    @Override
    public DataSet next(int num) {
        if (!hasNext()) {
            throw new java.util.NoSuchElementException("the epoch's stream is used up; call reset()");
        }
        int n = Math.min(num, windows() - cursor);
        float[] features = new float[n * length];
        float[] labels = new float[n * vocabSize * length];
        float[] featureMask = new float[n * length];
        float[] labelMask = new float[n * length];
        for (int r = 0; r < n; r++) {
            int from = (cursor + r) * length;
            for (int t = 0; t < length && from + t + 1 < stream.length; t++) {
                int target = from + t + 1;
                features[r * length + t] = stream[from + t];
                featureMask[r * length + t] = 1;
                labels[(r * vocabSize + stream[target]) * length + t] = 1;
                labelMask[r * length + t] = starts[target] ? 0 : 1;
            }
        }
        cursor += n;
        DataSet ds = new DataSet(Nd4j.create(features, new long[] {n, 1, length}, 'c'),
                Nd4j.create(labels, new long[] {n, vocabSize, length}, 'c'),
                Nd4j.create(featureMask, new long[] {n, length}, 'c'),
                Nd4j.create(labelMask, new long[] {n, length}, 'c'));
        if (preProcessor != null) {
            preProcessor.preProcess(ds);
        }
        return ds;
    }

    @Override
    public int inputColumns() {
        return 1;
    }

    @Override
    public int totalOutcomes() {
        return vocabSize;
    }

    @Override
    public boolean resetSupported() {
        return true;
    }

    @Override
    public boolean asyncSupported() {
        return false;
    }

    @Override
    public int batch() {
        return rows;
    }

    @Override
    public void setPreProcessor(DataSetPreProcessor value) {
        this.preProcessor = value;
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
        return "TokenStreamIterator[" + sequences.size() + " sequences, " + stream.length + " tokens, " + rows
                + " rows x " + length + " steps per batch, vocabulary " + vocabSize + (shuffle ? ", shuffled" : "")
                + "]";
    }
}
