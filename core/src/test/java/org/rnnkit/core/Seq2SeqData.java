package org.rnnkit.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.nd4j.linalg.dataset.api.iterator.MultiDataSetIterator;
import org.rnnkit.datasets.BatchPlan;
import org.rnnkit.datasets.TokenEncoding;
import org.rnnkit.datasets.pairs.SentencePair;
import org.rnnkit.datasets.pairs.TranslationIterator;
import org.rnnkit.datasets.text.Tokenizer;
import org.rnnkit.datasets.text.Vocabulary;

/**
 * The sequence-reversal task for encoder-decoder tests as sentence pairs ("b c a" → "a c b") of single-letter
 * words, batched by the library's own {@link TranslationIterator} with the shared token convention.
 */
public final class Seq2SeqData {
    private static final Tokenizer TOKENIZER = Tokenizer.lowerCasing();
    public final List<SentencePair> pairs;
    public final Vocabulary vocabulary;

    private Seq2SeqData(List<SentencePair> pairs, Vocabulary vocabulary) {
        this.pairs = pairs;
        this.vocabulary = vocabulary;
    }

    /** {@code n} random sources of {@code minLen..maxLen} of the first {@code symbols} letters, and their reversals. */
    public static Seq2SeqData reverse(int n, int symbols, int minLen, int maxLen, long seed) {
        Random r = new Random(seed);
        List<SentencePair> pairs = new ArrayList<>();
        List<List<String>> alphabet = new ArrayList<>();
        for (int s = 0; s < symbols; s++) {
            alphabet.add(List.of(String.valueOf((char) ('a' + s))));
        }
        for (int i = 0; i < n; i++) {
            int len = minLen + r.nextInt(maxLen - minLen + 1);
            StringBuilder source = new StringBuilder();
            StringBuilder target = new StringBuilder();
            List<String> words = new ArrayList<>();
            for (int t = 0; t < len; t++) {
                words.add(alphabet.get(r.nextInt(symbols)).get(0));
            }
            for (int t = 0; t < len; t++) {
                source.append(t == 0 ? "" : " ").append(words.get(t));
                target.append(t == 0 ? "" : " ").append(words.get(len - 1 - t));
            }
            pairs.add(new SentencePair(source.toString(), target.toString(), i + 1));
        }
        // Every letter once, so that the vocabulary does not depend on which letters were drawn.
        return new Seq2SeqData(pairs, Vocabulary.build(alphabet, 1, 0));
    }

    /** The same letters, another draw (a test set for a model trained on this one). */
    public Seq2SeqData another(int n, int minLen, int maxLen, long seed) {
        Seq2SeqData other = reverse(n, vocabulary.size() - 4, minLen, maxLen, seed);
        return new Seq2SeqData(other.pairs, vocabulary);
    }

    /** Shuffled teacher-forcing batches: source, BOS + target, target + EOS. */
    public MultiDataSetIterator iterator(int batchSize, long seed) {
        return new TranslationIterator(pairs, TOKENIZER, vocabulary, vocabulary, 0, TokenEncoding.ONE_HOT,
                BatchPlan.shuffled(batchSize, seed));
    }

    /** The sources as token ids. */
    public int[][] sources() {
        return pairs.stream().map(p -> vocabulary.encode(TOKENIZER.tokenize(p.source()))).toArray(int[][]::new);
    }

    /** The targets as token ids (without BOS or EOS). */
    public int[][] targets() {
        return pairs.stream().map(p -> vocabulary.encode(TOKENIZER.tokenize(p.target()))).toArray(int[][]::new);
    }
}
