package org.rnnkit.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.dataset.api.MultiDataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.MultiDataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** The sequence-reversal task for encoder-decoder tests: tokens 0 pad, 1 BOS, 2 EOS, 3.. symbols. */
final class Seq2SeqData {
    final INDArray source;
    final INDArray sourceMask;
    final INDArray targetIn;
    final INDArray targetOut;
    final INDArray targetMask;
    final int[][] expected;

    private Seq2SeqData(int n, int maxLen, int vocab) {
        source = Nd4j.zeros(DataType.FLOAT, n, 1, maxLen);
        sourceMask = Nd4j.zeros(DataType.FLOAT, n, maxLen);
        targetIn = Nd4j.zeros(DataType.FLOAT, n, 1, maxLen + 1);
        targetOut = Nd4j.zeros(DataType.FLOAT, n, vocab, maxLen + 1);
        targetMask = Nd4j.zeros(DataType.FLOAT, n, maxLen + 1);
        expected = new int[n][];
    }

    static Seq2SeqData reverse(int n, int vocab, int minLen, int maxLen, long seed) {
        Random r = new Random(seed);
        Seq2SeqData d = new Seq2SeqData(n, maxLen, vocab);
        for (int i = 0; i < n; i++) {
            int len = minLen + r.nextInt(maxLen - minLen + 1);
            int[] src = new int[len];
            for (int t = 0; t < len; t++) {
                src[t] = 3 + r.nextInt(vocab - 3);
                d.source.putScalar(new int[] {i, 0, t}, src[t]);
                d.sourceMask.putScalar(i, t, 1);
            }
            int[] tgt = new int[len];
            for (int t = 0; t < len; t++) {
                tgt[t] = src[len - 1 - t];
            }
            d.expected[i] = tgt;
            for (int t = 0; t <= len; t++) {
                d.targetIn.putScalar(new int[] {i, 0, t}, t == 0 ? 1 : tgt[t - 1]);
                d.targetOut.putScalar(new int[] {i, t == len ? 2 : tgt[t], t}, 1);
                d.targetMask.putScalar(i, t, 1);
            }
        }
        return d;
    }

    MultiDataSetIterator iterator(int batchSize) {
        List<org.nd4j.linalg.dataset.api.MultiDataSet> batches = new ArrayList<>();
        long n = source.size(0);
        for (long from = 0; from < n; from += batchSize) {
            org.nd4j.linalg.indexing.INDArrayIndex[] rows = {NDArrayIndex.interval(from, Math.min(n, from + batchSize))};
            batches.add(new MultiDataSet(
                    new INDArray[] {rows(source, rows), rows(targetIn, rows)},
                    new INDArray[] {rows(targetOut, rows)},
                    new INDArray[] {rows(sourceMask, rows), rows(targetMask, rows)},
                    new INDArray[] {rows(targetMask, rows)}));
        }
        return new ListIterator(batches);
    }

    private static INDArray rows(INDArray a, org.nd4j.linalg.indexing.INDArrayIndex[] rows) {
        return a.get(rows[0]).dup();
    }

    /** A resettable iterator over prepared batches. */
    static final class ListIterator implements MultiDataSetIterator {
        private final List<org.nd4j.linalg.dataset.api.MultiDataSet> batches;
        private int next;

        ListIterator(List<org.nd4j.linalg.dataset.api.MultiDataSet> batches) {
            this.batches = batches;
        }

        @Override
        public org.nd4j.linalg.dataset.api.MultiDataSet next(int num) {
            return next();
        }

        @Override
        public void setPreProcessor(MultiDataSetPreProcessor preProcessor) {
            throw new UnsupportedOperationException();
        }

        @Override
        public MultiDataSetPreProcessor getPreProcessor() {
            return null;
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
        public void reset() {
            next = 0;
        }

        @Override
        public boolean hasNext() {
            return next < batches.size();
        }

        @Override
        public org.nd4j.linalg.dataset.api.MultiDataSet next() {
            return batches.get(next++);
        }
    }

    @Override
    public String toString() {
        return Arrays.deepToString(expected);
    }
}
