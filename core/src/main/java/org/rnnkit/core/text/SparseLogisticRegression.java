package org.rnnkit.core.text;

import java.util.List;

/**
 * L2-penalised multinomial logistic regression over sparse binary features, fitted with {@link Lbfgs}: the model
 * behind the bag-of-words baseline and the text classifier's n-gram path. Parameters are laid out as
 * {@code [class * f + feature]} weights followed by {@code k} class biases; an optional per-weight scale (the
 * n-gram path's naive-Bayes ratios) multiplies each weight where it is used, so the penalty applies to the unscaled
 * weight.
 */
final class SparseLogisticRegression {

    private SparseLogisticRegression() {
    }

    /**
     * Fits the parameters: minimises {@code c} times the summed cross-entropy plus half the squared weights (biases
     * unpenalised), from zero.
     *
     * @param features the distinct active features of each example, each in {@code [0, f)}
     * @param targets  the class of each example, in {@code [0, k)}
     * @param scale    {@code [k * f]} factors of the weights, or null for none
     */
    static double[] fit(List<int[]> features, int[] targets, int k, int f, double[] scale, double c,
                        int maxIterations, double tolerance) {
        double[] x = new double[k * f + k];
        Lbfgs.minimise((params, gradient) -> {
            java.util.Arrays.fill(gradient, 0);
            double value = 0;
            double[] p = new double[k];
            for (int i = 0; i < targets.length; i++) {
                int[] active = features.get(i);
                probabilities(params, k, f, scale, active, p);
                value -= c * Math.log(Math.max(p[targets[i]], Double.MIN_NORMAL));
                for (int cls = 0; cls < k; cls++) {
                    double coefficient = c * (p[cls] - (cls == targets[i] ? 1 : 0));
                    for (int j : active) {
                        gradient[cls * f + j] += scale == null ? coefficient : coefficient * scale[cls * f + j];
                    }
                    gradient[k * f + cls] += coefficient;
                }
            }
            for (int j = 0; j < k * f; j++) {
                value += 0.5 * params[j] * params[j];
                gradient[j] += params[j];
            }
            return value;
        }, x, maxIterations, tolerance);
        return x;
    }

    /** The class probabilities of an example with the {@code active} features, into {@code out}. */
    static void probabilities(double[] params, int k, int f, double[] scale, int[] active, double[] out) {
        for (int cls = 0; cls < k; cls++) {
            double z = params[k * f + cls];
            for (int j : active) {
                z += scale == null ? params[cls * f + j] : scale[cls * f + j] * params[cls * f + j];
            }
            out[cls] = z;
        }
        softmaxInPlace(out);
    }

    /** Turns scores into probabilities in place (shifted by their maximum, so large scores do not overflow). */
    static void softmaxInPlace(double[] z) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (int c = 0; c < z.length; c++) {
            z[c] = Math.exp(z[c] - max);
            sum += z[c];
        }
        for (int c = 0; c < z.length; c++) {
            z[c] /= sum;
        }
    }
}
