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
 * Manning, "Baselines and Bigrams", ACL 2012): presence features of the n-grams seen in at least
 * {@value #MIN_COUNT} training texts, each scaled for class {@code c} by its naive-Bayes log-count ratio
 * {@code log((n_c(j) + 1) / |n_c + 1|) - log((m_c(j) + 1) / |m_c + 1|)} (texts of class c holding n-gram j against
 * texts of the other classes), then a multinomial logistic regression with scikit-learn's default objective
 * ({@code C} = 1), minimised by L-BFGS, so training is deterministic. The scaling is a prior that trusts n-grams that
 * separate the classes in the counts; on reviews it beats plain logistic regression on the same features by
 * several points. The combination with the network (two weights and a bias per class, the same objective) is
 * then fitted on the validation texts, which the n-gram model never saw.
 */
public final class NgramPathTrainer {
    /** Training texts an n-gram must occur in to become a feature: rarer ones only add noise. */
    public static final int MIN_COUNT = 2;
    /** Most n-gram features (the most frequent are kept): bounds memory on large corpora. */
    public static final int MAX_FEATURES = 500_000;
    /** Inverse regularisation strength, scikit-learn's default. */
    private static final double C = 1.0;
    private static final int MAX_ITERATIONS = 1000;
    private static final double TOLERANCE = 1e-6;
    private static final double FLOOR = 1e-7;

    private NgramPathTrainer() {
    }

    /**
     * Trains the n-gram model on {@code fit} and its combination with the network on {@code validation}.
     *
     * @param fit        the texts the network was trained on
     * @param validation texts neither part was trained on; {@code network[i]} are the network's class probabilities
     *                   for text {@code i} (in the corpus's class order)
     * @param tokenizer  the classifier's tokenizer
     * @param order      longest n-gram, in words
     */
    public static NgramPath train(TextCorpus fit, TextCorpus validation, double[][] network, Tokenizer tokenizer,
                                  int order) {
        int k = fit.classes().size();
        if (fit.size() == 0 || validation.size() == 0 || network.length != validation.size()) {
            throw new IllegalArgumentException("an n-gram path needs training texts and validation texts with the "
                    + "network's probabilities for each: " + fit.size() + " training, " + validation.size()
                    + " validation texts, " + network.length + " network outputs");
        }
        List<String> ngrams = vocabulary(fit, tokenizer, order);
        NgramPath unscaled = new NgramPath(order, ngrams, new float[k * ngrams.size()], new double[k], 0, 1,
                new double[k]);
        List<int[]> features = new ArrayList<>(fit.size());
        int[] targets = new int[fit.size()];
        for (int i = 0; i < fit.size(); i++) {
            LabelledText t = fit.texts().get(i);
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
        double[] bias = Arrays.copyOfRange(x, k * f, k * f + k);
        NgramPath ngramOnly = new NgramPath(order, ngrams, weights, bias, 0, 1, new double[k]);
        double[] stack = stack(validation, network, ngramOnly, tokenizer, k);
        return new NgramPath(order, ngrams, weights, bias, stack[0], stack[1], Arrays.copyOfRange(stack, 2, 2 + k));
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

    /** Fits {@code a}, {@code b} and the class biases of the combination on the validation texts. */
    private static double[] stack(TextCorpus validation, double[][] network, NgramPath ngrams, Tokenizer tokenizer,
                                  int k) {
        int n = validation.size();
        double[][] u = new double[n][k];
        double[][] l = new double[n][k];
        int[] targets = new int[n];
        for (int i = 0; i < n; i++) {
            LabelledText t = validation.texts().get(i);
            double[] p = ngrams.probabilities(tokenizer.tokenize(t.text()));
            for (int c = 0; c < k; c++) {
                u[i][c] = Math.log(Math.max(network[i][c], FLOOR));
                l[i][c] = Math.log(Math.max(p[c], FLOOR));
            }
            targets[i] = t.label();
        }
        double[] x = new double[2 + k];
        x[0] = 1;
        x[1] = 1; // from the plain product of the two models' probabilities
        Lbfgs.minimise((params, gradient) -> {
            Arrays.fill(gradient, 0);
            double value = 0.5 * (params[0] * params[0] + params[1] * params[1]);
            gradient[0] = params[0];
            gradient[1] = params[1];
            double[] z = new double[k];
            for (int i = 0; i < n; i++) {
                for (int c = 0; c < k; c++) {
                    z[c] = params[0] * u[i][c] + params[1] * l[i][c] + params[2 + c];
                }
                SparseLogisticRegression.softmaxInPlace(z);
                double[] p = z;
                value -= C * Math.log(Math.max(p[targets[i]], Double.MIN_NORMAL));
                for (int c = 0; c < k; c++) {
                    double coefficient = C * (p[c] - (c == targets[i] ? 1 : 0));
                    gradient[0] += coefficient * u[i][c];
                    gradient[1] += coefficient * l[i][c];
                    gradient[2 + c] += coefficient;
                }
            }
            return value;
        }, x, MAX_ITERATIONS, TOLERANCE);
        return x;
    }
}
