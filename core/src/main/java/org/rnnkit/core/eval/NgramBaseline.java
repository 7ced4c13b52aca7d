package org.rnnkit.core.eval;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A count baseline for language models: the unigram or bigram distribution of the next token, with add-one
 * (Laplace) smoothing over the whole vocabulary, fitted on training sequences. It predicts exactly the tokens a
 * next-token model is scored on (every token after the first of each sequence), so its perplexity is the yardstick
 * a recurrent model must beat. Immutable once fitted.
 */
public final class NgramBaseline {

    private final int order;
    private final int vocabulary;
    private final long[] unigrams;
    private final long total;
    private final Map<Long, Long> bigrams;
    private final long[] contexts;

    private NgramBaseline(int order, int vocabulary, List<int[]> sequences) {
        if (vocabulary < 1) {
            throw new IllegalArgumentException("vocabulary must be positive, got " + vocabulary);
        }
        this.order = order;
        this.vocabulary = vocabulary;
        this.unigrams = new long[vocabulary];
        this.contexts = new long[vocabulary];
        this.bigrams = new HashMap<>();
        long n = 0;
        for (int[] s : sequences) {
            for (int i = 1; i < s.length; i++) {
                check(s[i - 1]);
                check(s[i]);
                unigrams[s[i]]++;
                contexts[s[i - 1]]++;
                bigrams.merge(pair(s[i - 1], s[i]), 1L, Long::sum);
                n++;
            }
        }
        this.total = n;
    }

    /** The add-one unigram model of {@code sequences}' tokens over a vocabulary of {@code vocabulary} ids. */
    public static NgramBaseline unigram(List<int[]> sequences, int vocabulary) {
        return new NgramBaseline(1, vocabulary, sequences);
    }

    /** The add-one bigram model (next token given the previous one) of {@code sequences}. */
    public static NgramBaseline bigram(List<int[]> sequences, int vocabulary) {
        return new NgramBaseline(2, vocabulary, sequences);
    }

    /** The probability of {@code next} after {@code previous} (ignored by a unigram model). */
    public double probability(int previous, int next) {
        check(previous);
        check(next);
        if (order == 1) {
            return (unigrams[next] + 1.0) / (total + vocabulary);
        }
        return (bigrams.getOrDefault(pair(previous, next), 0L) + 1.0) / (contexts[previous] + vocabulary);
    }

    /** Perplexity and bits per token on {@code sequences}, scored like a next-token model (all but each first token). */
    public EvaluationReport evaluate(List<int[]> sequences) {
        LanguageModelCollector collector = new LanguageModelCollector();
        for (int[] s : sequences) {
            collector.sequence();
            for (int i = 1; i < s.length; i++) {
                collector.add(probability(s[i - 1], s[i]));
            }
        }
        return collector.report();
    }

    private void check(int token) {
        if (token < 0 || token >= vocabulary) {
            throw new IllegalArgumentException("token " + token + " outside the vocabulary of " + vocabulary);
        }
    }

    private static long pair(int previous, int next) {
        return (long) previous << 32 | next;
    }
}
