package org.rnnkit.datasets.text;

import org.nd4j.linalg.dataset.DataSet;
import org.rnnkit.datasets.AbstractSequenceIterator;
import org.rnnkit.datasets.BatchPlan;
import org.rnnkit.datasets.DataFormatException;
import org.rnnkit.datasets.SequenceBatcher;
import org.rnnkit.datasets.TokenEncoding;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Many-to-one text classification batches: features are token indices {@code [mb, 1, T]} (the NCW input of
 * DL4J's {@code EmbeddingSequenceLayer}) with feature mask {@code [mb, T]}; labels are one-hot {@code [mb, C]}.
 * Texts are encoded once up front; use {@link BatchPlan#bucketed} to batch texts of similar length. For training,
 * {@link #withWordDropout} replaces a random share of tokens by {@code <unk>}, anew in every epoch.
 */
public final class TextDataSetIterator extends AbstractSequenceIterator {

    private final transient List<int[]> tokens;
    private final int[] labels;
    private final TextCorpus corpus;
    private final TextEncoder encoder;
    private final BatchPlan plan;
    private final double wordDropout;
    private final long dropoutSeed;

    /** Encodes every text of {@code corpus}; a text without tokens is a {@link DataFormatException}. */
    public TextDataSetIterator(TextCorpus corpus, TextEncoder encoder, BatchPlan plan) {
        this(corpus, encoder, plan, encodeAll(corpus, encoder), 0, 0);
    }

    private TextDataSetIterator(TextCorpus corpus, TextEncoder encoder, BatchPlan plan, List<int[]> tokens,
                                double wordDropout, long dropoutSeed) {
        super(plan, tokens.size(), tokens.stream().mapToInt(t -> t.length).toArray());
        this.tokens = tokens;
        this.corpus = corpus;
        this.encoder = encoder;
        this.plan = plan;
        this.labels = corpus.texts().stream().mapToInt(LabelledText::label).toArray();
        this.wordDropout = wordDropout;
        this.dropoutSeed = dropoutSeed;
    }

    /**
     * The same batches, with each token replaced by {@link Vocabulary#UNK} with probability {@code rate} (word
     * dropout: the classifier cannot lean on a few memorised words). Which tokens depends only on the seed, the
     * epoch and the text, so a resumed run drops the same ones. For training iterators only.
     */
    public TextDataSetIterator withWordDropout(double rate, long seed) {
        if (!(rate >= 0 && rate < 1)) {
            throw new IllegalArgumentException("word dropout must be in [0, 1), got " + rate);
        }
        return new TextDataSetIterator(corpus, encoder, plan, tokens, rate, seed);
    }

    private int[] dropWords(int[] text, int example) {
        SplittableRandom random = new SplittableRandom((dropoutSeed * 1_000_003L + pass()) * 1_000_033L + example);
        int[] out = text.clone();
        for (int t = 0; t < out.length; t++) {
            if (random.nextDouble() < wordDropout) {
                out[t] = Vocabulary.UNK;
            }
        }
        return out;
    }

    private static List<int[]> encodeAll(TextCorpus corpus, TextEncoder encoder) {
        List<int[]> out = new ArrayList<>(corpus.size());
        for (LabelledText t : corpus.texts()) {
            int[] e = encoder.encode(t.text());
            if (e.length == 0) {
                throw DataFormatException.at(t.source(), "text", "at least one token");
            }
            out.add(e);
        }
        return out;
    }

    @Override
    protected DataSet build(int[] examples) {
        List<int[]> batch = new ArrayList<>(examples.length);
        List<float[]> rows = new ArrayList<>(examples.length);
        int classes = corpus.classes().size();
        for (int i : examples) {
            batch.add(wordDropout > 0 ? dropWords(tokens.get(i), i) : tokens.get(i));
            float[] row = new float[classes];
            row[labels[i]] = 1f;
            rows.add(row);
        }
        SequenceBatcher.Padded f = SequenceBatcher.padTokens(batch, TokenEncoding.INDEX,
                encoder.vocabulary().size(), 1);
        return new DataSet(f.values(), SequenceBatcher.stackRows(rows), f.mask(), null);
    }

    /** 1: one token index per step. */
    @Override
    public int inputColumns() {
        return 1;
    }

    @Override
    public int totalOutcomes() {
        return corpus.classes().size();
    }

    /** Vocabulary size V (the embedding layer's input count). */
    public int vocabularySize() {
        return encoder.vocabulary().size();
    }

    @Override
    public List<String> getLabels() {
        return corpus.classes().names();
    }

    @Override
    public String describe() {
        int max = tokens.stream().mapToInt(t -> t.length).max().orElse(0);
        return "TextDataSetIterator[" + tokens.size() + " texts, batch " + batch() + ", features [mb, 1, T<=" + max
                + "] token indices, vocabulary " + vocabularySize() + ", labels [mb, " + totalOutcomes() + "] "
                + getLabels() + "]";
    }
}
