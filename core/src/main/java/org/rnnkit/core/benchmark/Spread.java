package org.rnnkit.core.benchmark;

import java.util.Arrays;

/**
 * Mean and spread of a figure over seeds: the sample standard deviation (0 for one value), non-finite values left
 * out (a diverged run has no score).
 *
 * @param mean  mean of the finite values, NaN when there are none
 * @param sd    sample standard deviation, 0 for a single value
 * @param n     finite values
 */
public record Spread(double mean, double sd, int n) {

    /** The spread of the finite values among {@code values}. */
    public static Spread of(double... values) {
        double[] finite = Arrays.stream(values).filter(Double::isFinite).toArray();
        int n = finite.length;
        if (n == 0) {
            return new Spread(Double.NaN, Double.NaN, 0);
        }
        double mean = Arrays.stream(finite).sum() / n;
        double squares = Arrays.stream(finite).map(v -> (v - mean) * (v - mean)).sum();
        return new Spread(mean, n > 1 ? Math.sqrt(squares / (n - 1)) : 0, n);
    }

    /** {@code mean ± sd} with {@code pattern} for each (e.g. {@code %.4f}), or the mean alone for one value. */
    public String format(String pattern) {
        if (n == 0) {
            return "–";
        }
        String m = String.format(pattern, mean);
        return n > 1 ? m + " ± " + String.format(pattern, sd) : m;
    }
}
