package org.rnnkit.core;

import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.nd4j.linalg.factory.Nd4j;

/** Small synthetic sequence tasks for core's tests (the datasets module has the real generators). */
final class TinyData {
    private TinyData() {
    }

    /**
     * Many-to-one over tokens: label 1 when token {@code 2} occurs in the sequence. Variable lengths in
     * [minLen, maxLen], right-padded with junk tokens beyond the mask.
     */
    static DataSet containsToken(int n, int vocab, int minLen, int maxLen, long seed) {
        Random r = new Random(seed);
        INDArray x = Nd4j.zeros(DataType.FLOAT, n, maxLen);
        INDArray mask = Nd4j.zeros(DataType.FLOAT, n, maxLen);
        INDArray y = Nd4j.zeros(DataType.FLOAT, n, 2);
        for (int i = 0; i < n; i++) {
            int len = minLen + r.nextInt(maxLen - minLen + 1);
            boolean positive = r.nextBoolean();
            int at = r.nextInt(len);
            for (int t = 0; t < maxLen; t++) {
                int token = 3 + r.nextInt(vocab - 3);
                if (t < len) {
                    mask.putScalar(i, t, 1);
                    if (positive && t == at) {
                        token = 2;
                    }
                } else {
                    token = r.nextInt(vocab);
                }
                x.putScalar(i, t, token);
            }
            y.putScalar(i, positive ? 1 : 0, 1);
        }
        return new DataSet(x, y, mask, null);
    }

    /** Many-to-many over dense features: at each step, the label is the sign class of the running sum. */
    static DataSet runningSumSign(int n, int len, long seed) {
        Random r = new Random(seed);
        INDArray x = Nd4j.zeros(DataType.FLOAT, n, 1, len);
        INDArray y = Nd4j.zeros(DataType.FLOAT, n, 2, len);
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int t = 0; t < len; t++) {
                double v = r.nextGaussian();
                sum += v;
                x.putScalar(new int[] {i, 0, t}, v);
                y.putScalar(new int[] {i, sum > 0 ? 1 : 0, t}, 1);
            }
        }
        return new DataSet(x, y);
    }

    /** Next-token prediction over one-hot input for a repeating pattern, e.g. 0 1 2 3 0 1 2 3 ... */
    static DataSet nextToken(int[] pattern, int vocab, int n, int len, long seed) {
        Random r = new Random(seed);
        INDArray x = Nd4j.zeros(DataType.FLOAT, n, vocab, len);
        INDArray y = Nd4j.zeros(DataType.FLOAT, n, vocab, len);
        for (int i = 0; i < n; i++) {
            int offset = r.nextInt(pattern.length);
            for (int t = 0; t < len; t++) {
                x.putScalar(new int[] {i, pattern[(offset + t) % pattern.length], t}, 1);
                y.putScalar(new int[] {i, pattern[(offset + t + 1) % pattern.length], t}, 1);
            }
        }
        return new DataSet(x, y);
    }

    static DataSetIterator batches(DataSet all, int batchSize) {
        return new ListDataSetIterator<>(all.asList(), batchSize);
    }
}
