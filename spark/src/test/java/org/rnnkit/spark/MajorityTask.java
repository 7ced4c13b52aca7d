package org.rnnkit.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.rnnkit.datasets.SequenceBatcher;
import org.rnnkit.datasets.TokenEncoding;

/**
 * A small many-to-one task for Spark tests that a recurrent network must count for: sequences of tokens 4 and 5
 * (odd lengths, so no ties), label 1 when 5 is in the majority. Batches are padded to their own longest sequence,
 * so batches of different widths meet when DL4J re-batches them on Spark.
 */
final class MajorityTask {
    static final int VOCABULARY = 6;

    private MajorityTask() {
    }

    static List<DataSet> batches(int n, int batch, long seed) {
        Random random = new Random(seed);
        List<DataSet> out = new ArrayList<>();
        for (int start = 0; start < n; start += batch) {
            List<int[]> tokens = new ArrayList<>();
            List<float[]> labels = new ArrayList<>();
            for (int i = start; i < Math.min(n, start + batch); i++) {
                int length = 5 + 2 * random.nextInt(6);
                int[] sequence = new int[length];
                int fives = 0;
                for (int t = 0; t < length; t++) {
                    sequence[t] = random.nextBoolean() ? 5 : 4;
                    fives += sequence[t] == 5 ? 1 : 0;
                }
                tokens.add(sequence);
                labels.add(fives * 2 > length ? new float[] {0, 1} : new float[] {1, 0});
            }
            SequenceBatcher.Padded features = SequenceBatcher.padTokens(tokens, TokenEncoding.INDEX, VOCABULARY, 1);
            out.add(new DataSet(features.values(), SequenceBatcher.stackRows(labels), features.mask(), null));
        }
        return out;
    }

    static DataSetIterator iterator(List<DataSet> batches) {
        return new ListDataSetIterator<>(batches, 1); // one element is one prepared batch
    }
}
