package org.rnnkit.datasets.pairs;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.dataset.api.MultiDataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.MultiDataSetIterator;
import org.rnnkit.datasets.BatchCursor;
import org.rnnkit.datasets.BatchPlan;
import org.rnnkit.datasets.EpochAware;
import org.rnnkit.datasets.SequenceBatcher;
import org.rnnkit.datasets.SpecialTokens;
import org.rnnkit.datasets.TokenEncoding;
import org.rnnkit.datasets.text.Tokenizer;
import org.rnnkit.datasets.text.Vocabulary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Encoder-decoder batches for teacher forcing, as a {@link MultiDataSet}:
 * features {@code [source [mb,1,Ts], decoderInput [mb,1,Tt]]} (token indices; the decoder input is
 * {@code BOS + target}), labels {@code [decoderTarget]} ({@code target + EOS}, one-hot {@code [mb,Vt,Tt]} or
 * indices {@code [mb,1,Tt]}), feature masks {@code [sourceMask, targetMask]} and label mask {@code [targetMask]}.
 * BOS and EOS are {@link SpecialTokens}'s, the ones the encoder-decoder's decoders start and stop with.
 * Sentences longer than {@code maxLength} tokens are cut to their first {@code maxLength} tokens.
 */
public final class TranslationIterator implements MultiDataSetIterator, EpochAware {

    private final transient List<int[]> sources = new ArrayList<>();
    private final transient List<int[]> targets = new ArrayList<>();
    private final Vocabulary sourceVocabulary;
    private final Vocabulary targetVocabulary;
    private final TokenEncoding labelEncoding;
    private final transient BatchCursor cursor;
    private MultiDataSetPreProcessor preProcessor;

    /** Tokenises and encodes every pair up front; bucketing uses the source length. */
    public TranslationIterator(List<SentencePair> pairs, Tokenizer tokenizer, Vocabulary sourceVocabulary,
                               Vocabulary targetVocabulary, int maxLength, TokenEncoding labelEncoding,
                               BatchPlan plan) {
        this(pairs.stream().map(p -> sourceVocabulary.encode(tokenizer.tokenize(p.source()))).toList(),
                pairs.stream().map(p -> targetVocabulary.encode(tokenizer.tokenize(p.target()))).toList(),
                sourceVocabulary, targetVocabulary, maxLength, labelEncoding, plan);
    }

    /**
     * Batches pairs already encoded as token ids ({@code sources.get(i)} translates to {@code targets.get(i)}), for
     * callers that tokenise each side their own way; bucketing uses the source length.
     */
    public TranslationIterator(List<int[]> sources, List<int[]> targets, Vocabulary sourceVocabulary,
                               Vocabulary targetVocabulary, int maxLength, TokenEncoding labelEncoding,
                               BatchPlan plan) {
        if (sources.size() != targets.size()) {
            throw new IllegalArgumentException(sources.size() + " sources for " + targets.size() + " targets");
        }
        this.sourceVocabulary = sourceVocabulary;
        this.targetVocabulary = targetVocabulary;
        this.labelEncoding = labelEncoding;
        for (int i = 0; i < sources.size(); i++) {
            this.sources.add(cut(sources.get(i), maxLength));
            this.targets.add(cut(targets.get(i), maxLength));
        }
        this.cursor = new BatchCursor(plan, sources.size(), this.sources.stream().mapToInt(s -> s.length).toArray());
    }

    private static int[] cut(int[] tokens, int maxLength) {
        return maxLength > 0 && tokens.length > maxLength ? Arrays.copyOf(tokens, maxLength) : tokens;
    }

    private MultiDataSet build(int[] examples) {
        List<int[]> src = new ArrayList<>(examples.length);
        List<int[]> in = new ArrayList<>(examples.length);
        List<int[]> out = new ArrayList<>(examples.length);
        for (int i : examples) {
            int[] t = targets.get(i);
            int[] decoderIn = new int[t.length + 1];
            int[] decoderOut = new int[t.length + 1];
            decoderIn[0] = SpecialTokens.BOS;
            System.arraycopy(t, 0, decoderIn, 1, t.length);
            System.arraycopy(t, 0, decoderOut, 0, t.length);
            decoderOut[t.length] = SpecialTokens.EOS;
            src.add(sources.get(i));
            in.add(decoderIn);
            out.add(decoderOut);
        }
        SequenceBatcher.Padded s = SequenceBatcher.padTokens(src, TokenEncoding.INDEX, sourceVocabulary.size(), 1);
        SequenceBatcher.Padded d = SequenceBatcher.padTokens(in, TokenEncoding.INDEX, targetVocabulary.size(), 1);
        SequenceBatcher.Padded y = SequenceBatcher.padTokens(out, labelEncoding, targetVocabulary.size(), 1);
        MultiDataSet mds = new MultiDataSet(new INDArray[]{s.values(), d.values()}, new INDArray[]{y.values()},
                new INDArray[]{s.mask(), d.mask()}, new INDArray[]{y.mask()});
        if (preProcessor != null) {
            preProcessor.preProcess(mds);
        }
        return mds;
    }

    /** Number of pairs. */
    public int numExamples() {
        return sources.size();
    }

    /** The source vocabulary (encoder embedding size). */
    public Vocabulary sourceVocabulary() {
        return sourceVocabulary;
    }

    /** The target vocabulary (decoder embedding and output size). */
    public Vocabulary targetVocabulary() {
        return targetVocabulary;
    }

    @Override
    public synchronized MultiDataSet next(int num) {
        return build(cursor.next(num));
    }

    @Override
    public synchronized MultiDataSet next() {
        return build(cursor.next());
    }

    @Override
    public synchronized boolean hasNext() {
        return cursor.hasNext();
    }

    @Override
    public void setPreProcessor(MultiDataSetPreProcessor preProcessor) {
        this.preProcessor = preProcessor;
    }

    @Override
    public MultiDataSetPreProcessor getPreProcessor() {
        return preProcessor;
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

    /** Shapes and vocabulary sizes. */
    public String describe() {
        return "TranslationIterator[" + sources.size() + " pairs, batch " + cursor.batchSize()
                + ", features [source [mb,1,Ts] V=" + sourceVocabulary.size() + ", decoderInput [mb,1,Tt] V="
                + targetVocabulary.size() + "], labels [mb," + (labelEncoding == TokenEncoding.INDEX ? 1
                : targetVocabulary.size()) + ",Tt] " + labelEncoding + ", masks per input and label]";
    }

    @Override
    public String toString() {
        return describe();
    }
}
