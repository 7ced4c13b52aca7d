package org.rnnkit.core.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rnnkit.core.task.NgramPath;
import org.rnnkit.datasets.text.LabelledText;
import org.rnnkit.datasets.text.TextCorpus;
import org.rnnkit.datasets.text.Tokenizer;

/**
 * Trains the {@link NgramPath} of a text classifier. The n-gram model is NBSVM's logistic-regression form (Wang and
 * Manning, "Baselines and Bigrams", ACL 2012): presence features of every n-gram of the training texts (at most
 * {@value #MAX_FEATURES}, the most frequent), each scaled for class {@code c} by its naive-Bayes log-count ratio
 * {@code log((n_c(j) + 1) / |n_c + 1|) - log((m_c(j) + 1) / |m_c + 1|)} (texts of class c holding n-gram j against
 * texts of the other classes), then a multinomial logistic regression with inverse regularisation strength
 * {@code C} = {@value #C}, minimised by L-BFGS, so training is deterministic. The scaling is a prior that trusts
 * n-grams that separate the classes in the counts; on reviews it beats plain logistic regression on the same
 * features by several points.
 *
 * <p>The path is combined with the network by fixed weights, not by weights fitted on the validation texts: those
 * texts also picked the network's epoch, so the network looks better on them than on new text, and the network's
 * accuracy on new text varies from seed to seed by more than a validation set can show. The n-gram path's
 * log-probabilities count fully and the network's with the {@code networkWeight} setting (0.1 by default), so the
 * n-gram path decides and the network tips close calls: on the tuning splits (README) rules that gave the
 * network more say, fitted or fixed, did worse on average (up to a weight of 0.25, within noise). The n-gram model
 * needs no validation texts of its own, so the trainer gives it all labelled texts.
 */
public final class NgramPathTrainer {
    /**
     * Training texts an n-gram must occur in to become a feature. One: in cross-validation on the training parts of
     * rt-polarity, the UCI sentences and imdb-subset, n-grams seen once helped a little on all three (README).
     */
    public static final int MIN_COUNT = 1;
    /** Most n-gram features (the most frequent are kept): bounds memory on large corpora. */
    public static final int MAX_FEATURES = 500_000;
    /**
     * Inverse regularisation strength of the n-gram model: a little stronger than scikit-learn's default of 1 for
     * the many rare n-grams (chosen by cross-validation on the training parts, README).
     */
    public static final double C = 0.3;
    private static final int MAX_ITERATIONS = 1000;
    private static final double TOLERANCE = 1e-6;

    private NgramPathTrainer() {
    }

    /**
     * Trains the n-gram model on {@code texts} and returns it with the combination {@code networkWeight} x the
     * network's log-probabilities + the n-gram model's.
     *
     * @param texts         labelled texts (of at least two classes)
     * @param tokenizer     the classifier's tokenizer
     * @param order         longest n-gram, in words
     * @param networkWeight weight of the network's log-probabilities, {@code >= 0}
     */
    public static NgramPath train(TextCorpus texts, Tokenizer tokenizer, int order, double networkWeight) {
        int k = texts.classes().size();
        if (texts.size() == 0 || !(networkWeight >= 0) || Double.isInfinite(networkWeight)) {
            throw new IllegalArgumentException("an n-gram path needs training texts and a finite network weight "
                    + ">= 0: " + texts.size() + " texts, weight " + networkWeight);
        }
        List<String> ngrams = vocabulary(texts, tokenizer, order);
        NgramPath unscaled = new NgramPath(order, ngrams, new float[k * ngrams.size()], new double[k], 0, 1,
                new double[k]);
        List<int[]> features = new ArrayList<>(texts.size());
        int[] targets = new int[texts.size()];
        for (int i = 0; i < texts.size(); i++) {
            LabelledText t = texts.texts().get(i);
            features.add(unscaled.features(tokenizer.tokenize(t.text())));
            targets[i] = t.label();
        }
        int f = ngrams.size();
        double[] ratio = ratios(features, targets, k, f);
        double[] x = SparseLogisticRegression.fit(features, targets, k, f, ratio, C, MAX_ITERATIONS, TOLERANCE);
        float[] weights = new float[k * f];
        for (int j = 0; j < k * f; j++) {
            weights[j] = (float) (ratio[j] * x[j]);
        }
        return new NgramPath(order, ngrams, weights, Arrays.copyOfRange(x, k * f, k * f + k), networkWeight, 1,
                new double[k]);
    }

    /** The n-grams of at least {@link #MIN_COUNT} texts, most frequent first (ties in string order). */
    private static List<String> vocabulary(TextCorpus fit, Tokenizer tokenizer, int order) {
        Map<String, Integer> counts = new HashMap<>();
        for (LabelledText t : fit.texts()) {
            for (String gram : NgramPath.ngramsOf(tokenizer.tokenize(t.text()), order)) {
                counts.merge(gram, 1, Integer::sum);
            }
        }
        return counts.entrySet().stream().filter(e -> e.getValue() >= MIN_COUNT)
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(MAX_FEATURES).map(Map.Entry::getKey).toList();
    }

    /** Naive-Bayes log-count ratios {@code [class * f + feature]}, add-one smoothed, one class against the rest. */
    static double[] ratios(List<int[]> features, int[] targets, int k, int f) {
        double[] in = new double[k * f];
        double[] total = new double[f];
        for (int i = 0; i < targets.length; i++) {
            for (int j : features.get(i)) {
                in[targets[i] * f + j]++;
                total[j]++;
            }
        }
        double[] ratio = new double[k * f];
        for (int c = 0; c < k; c++) {
            double inSum = 0;
            double outSum = 0;
            for (int j = 0; j < f; j++) {
                inSum += in[c * f + j] + 1;
                outSum += total[j] - in[c * f + j] + 1;
            }
            for (int j = 0; j < f; j++) {
                ratio[c * f + j] = Math.log((in[c * f + j] + 1) / inSum)
                        - Math.log((total[j] - in[c * f + j] + 1) / outSum);
            }
        }
        return ratio;
    }
}
