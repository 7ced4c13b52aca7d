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
 * <p>The combination with the network is not fitted freely on the validation texts: those texts also picked the
 * network's epoch, so the network looks better there than on new text, and with a few dozen texts free weights
 * follow the noise. Instead each part is calibrated on its own there ({@link #calibrate}: one temperature and a
 * bias per class, held near "unchanged") and the calibrated log-probabilities are averaged with equal weights.
 * Then the n-gram model is trained again on the training and validation texts together, keeping that combination.
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
    private static final double FLOOR = 1e-7;

    private NgramPathTrainer() {
    }

    /**
     * Trains the n-gram model on {@code fit}, calibrates both parts on {@code validation} for the combination, then
     * trains the n-gram model again on both sets of texts.
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
        NgramPath ngramOnly = fitAlone(fit, tokenizer, order);
        double[][] networkLog = new double[validation.size()][k];
        double[][] ngramLog = new double[validation.size()][k];
        int[] validationTargets = new int[validation.size()];
        for (int i = 0; i < validation.size(); i++) {
            LabelledText t = validation.texts().get(i);
            double[] p = ngramOnly.probabilities(tokenizer.tokenize(t.text()));
            for (int c = 0; c < k; c++) {
                networkLog[i][c] = Math.log(Math.max(network[i][c], FLOOR));
                ngramLog[i][c] = Math.log(Math.max(p[c], FLOOR));
            }
            validationTargets[i] = t.label();
        }
        double[] combination = combination(calibrate(networkLog, validationTargets),
                calibrate(ngramLog, validationTargets));
        // Calibrated, the n-gram model is trained again on all labelled texts: unlike the network it needs no
        // validation texts to stop, and the extra tenth of the data is worth more than an exact calibration.
        return fitAlone(fit.concat(validation), tokenizer, order).combinedWith(combination[0], combination[1],
                Arrays.copyOfRange(combination, 2, 2 + k));
    }

    /** The n-gram model trained on {@code texts}, with a combination that ignores the network. */
    private static NgramPath fitAlone(TextCorpus texts, Tokenizer tokenizer, int order) {
        int k = texts.classes().size();
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
        return new NgramPath(order, ngrams, weights, Arrays.copyOfRange(x, k * f, k * f + k), 0, 1, new double[k]);
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

    /**
     * Temperature scaling with class biases: the {@code t} and {@code b_c} that minimise the cross-entropy of
     * {@code softmax(t log p(c) + b_c)} over the texts, plus {@code ((t - 1)^2 + sum b_c^2) / 2}, which keeps a
     * part unchanged where a few texts say little and bounds {@code t} when they are all classified right.
     *
     * @param logProbabilities {@code [text][class]} log-probabilities of one part
     * @param targets          the class of each text
     * @return {@code {t, b_0, ..., b_(k-1)}}
     */
    static double[] calibrate(double[][] logProbabilities, int[] targets) {
        int k = logProbabilities.length == 0 ? 0 : logProbabilities[0].length;
        double[] x = new double[1 + k];
        x[0] = 1;
        Lbfgs.minimise((params, gradient) -> {
            double value = 0.5 * (params[0] - 1) * (params[0] - 1);
            gradient[0] = params[0] - 1;
            for (int c = 0; c < k; c++) {
                value += 0.5 * params[1 + c] * params[1 + c];
                gradient[1 + c] = params[1 + c];
            }
            double[] z = new double[k];
            for (int i = 0; i < targets.length; i++) {
                double[] u = logProbabilities[i];
                for (int c = 0; c < k; c++) {
                    z[c] = params[0] * u[c] + params[1 + c];
                }
                SparseLogisticRegression.softmaxInPlace(z);
                value -= Math.log(Math.max(z[targets[i]], Double.MIN_NORMAL));
                for (int c = 0; c < k; c++) {
                    double coefficient = z[c] - (c == targets[i] ? 1 : 0);
                    gradient[0] += coefficient * u[c];
                    gradient[1 + c] += coefficient;
                }
            }
            return value;
        }, x, MAX_ITERATIONS, TOLERANCE);
        return x;
    }

    /**
     * The equal-weight average of the two calibrated parts, {@code (t_n log p_n + b_n + t_g log p_g + b_g) / 2},
     * in {@link NgramPath}'s form: {@code {a, b, bias_0, ..., bias_(k-1)}}.
     *
     * @param network {@link #calibrate}'s result for the network
     * @param ngrams  {@link #calibrate}'s result for the n-gram model
     */
    static double[] combination(double[] network, double[] ngrams) {
        double[] out = new double[network.length + 1];
        out[0] = network[0] / 2;
        out[1] = ngrams[0] / 2;
        for (int c = 1; c < network.length; c++) {
            out[1 + c] = (network[c] + ngrams[c]) / 2;
        }
        return out;
    }
}
