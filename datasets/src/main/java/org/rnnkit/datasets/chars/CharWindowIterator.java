package org.rnnkit.datasets.chars;

import org.nd4j.linalg.dataset.DataSet;
import org.rnnkit.datasets.AbstractSequenceIterator;
import org.rnnkit.datasets.BatchPlan;
import org.rnnkit.datasets.SequenceBatcher;
import org.rnnkit.datasets.TokenEncoding;

import java.util.ArrayList;
import java.util.List;

/**
 * Character-level language-model batches: non-overlapping windows of {@code length} characters (window i starts
 * at character {@code i * length}); the targets are the next characters. Features {@code [mb, V, length]}
 * (ONE_HOT) or {@code [mb, 1, length]} (INDEX), labels likewise in their own encoding; masks are all ones.
 * Windows are read from the corpus's cache on demand.
 */
public final class CharWindowIterator extends AbstractSequenceIterator {

    private final transient CharCorpus corpus;
    private final int length;
    private final TokenEncoding inputEncoding;
    private final TokenEncoding labelEncoding;

    /** @param length characters per window (the number of time steps T) */
    public CharWindowIterator(CharCorpus corpus, int length, TokenEncoding inputEncoding,
                              TokenEncoding labelEncoding, BatchPlan plan) {
        super(plan, windows(corpus, length), null);
        if (plan.order() == BatchPlan.Order.BUCKETED) {
            throw new IllegalArgumentException("windows all have the same length: use a shuffled plan");
        }
        this.corpus = corpus;
        this.length = length;
        this.inputEncoding = inputEncoding;
        this.labelEncoding = labelEncoding;
    }

    private static int windows(CharCorpus corpus, int length) {
        if (length < 1) {
            throw new IllegalArgumentException("window length must be >= 1");
        }
        long n = (corpus.length() - 1) / length;
        if (n < 1) {
            throw new IllegalArgumentException(corpus.source() + " has " + corpus.length()
                    + " characters, too few for one window of " + length + " plus its target");
        }
        return (int) Math.min(Integer.MAX_VALUE, n);
    }

    @Override
    protected DataSet build(int[] examples) {
        List<int[]> windows = new ArrayList<>(examples.length);
        for (int w : examples) {
            windows.add(corpus.read((long) w * length, length + 1));
        }
        return SequenceBatcher.nextToken(windows, corpus.vocabulary().size(), inputEncoding, labelEncoding);
    }

    @Override
    public int inputColumns() {
        return inputEncoding == TokenEncoding.INDEX ? 1 : corpus.vocabulary().size();
    }

    @Override
    public int totalOutcomes() {
        return corpus.vocabulary().size();
    }

    @Override
    public String describe() {
        return "CharWindowIterator[" + corpus.source() + ": " + corpus.length() + " chars, " + numExamples()
                + " windows of " + length + ", batch " + batch() + ", vocabulary " + corpus.vocabulary().size()
                + ", features [mb, " + inputColumns() + ", " + length + "] " + inputEncoding + ", labels [mb, "
                + (labelEncoding == TokenEncoding.INDEX ? 1 : totalOutcomes()) + ", " + length + "] "
                + labelEncoding + "]";
    }
}
