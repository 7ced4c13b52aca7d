package org.rnnkit.datasets;

import org.nd4j.linalg.dataset.DataSet;

import java.util.ArrayList;
import java.util.List;

/**
 * Next-token language-model batches over in-memory token sequences of varying length (e.g. encoded melodies):
 * inputs are tokens {@code 0..n-2}, labels tokens {@code 1..n-1}, each in a chosen {@link TokenEncoding}, with
 * masks; bucketing keeps padding small.
 */
public final class TokenSequenceIterator extends AbstractSequenceIterator {

    private final transient List<int[]> sequences;
    private final int vocabSize;
    private final TokenEncoding inputEncoding;
    private final TokenEncoding labelEncoding;

    /** Sequences need at least 2 tokens each, all below {@code vocabSize}. */
    public TokenSequenceIterator(List<int[]> sequences, int vocabSize, TokenEncoding inputEncoding,
                                 TokenEncoding labelEncoding, BatchPlan plan) {
        super(plan, sequences.size(), sequences.stream().mapToInt(s -> s.length).toArray());
        this.sequences = List.copyOf(sequences);
        this.vocabSize = vocabSize;
        this.inputEncoding = inputEncoding;
        this.labelEncoding = labelEncoding;
    }

    @Override
    protected DataSet build(int[] examples) {
        List<int[]> batch = new ArrayList<>(examples.length);
        for (int i : examples) {
            batch.add(sequences.get(i));
        }
        return SequenceBatcher.nextToken(batch, vocabSize, inputEncoding, labelEncoding);
    }

    @Override
    public int inputColumns() {
        return inputEncoding == TokenEncoding.INDEX ? 1 : vocabSize;
    }

    @Override
    public int totalOutcomes() {
        return vocabSize;
    }

    @Override
    public String describe() {
        return "TokenSequenceIterator[" + sequences.size() + " sequences, vocabulary " + vocabSize + ", batch "
                + batch() + ", features [mb, " + inputColumns() + ", T] " + inputEncoding + ", labels [mb, "
                + (labelEncoding == TokenEncoding.INDEX ? 1 : vocabSize) + ", T] " + labelEncoding + "]";
    }
}
