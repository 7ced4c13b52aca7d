package org.rnnkit.core.generate;

import java.util.Random;
import org.rnnkit.core.spec.SpecException;

/**
 * How the next token is chosen from a predicted distribution: greedy (most likely), sampling with a
 * temperature (below 1 sharper, above 1 flatter), or sampling among the {@code k} most likely only.
 *
 * @param temperature 0 for greedy, otherwise the softmax temperature
 * @param topK        0 for all tokens, otherwise sample among the k most likely
 */
public record Sampling(double temperature, int topK) {

    public Sampling {
        SpecException.require(temperature >= 0 && Double.isFinite(temperature), "temperature must be >= 0, got %s", temperature);
        SpecException.require(topK >= 0, "top-k must be >= 0, got %d", topK);
    }

    /** Always the most likely token. */
    public static Sampling greedy() {
        return new Sampling(0, 0);
    }

    /** Sampling from the distribution sharpened or flattened by {@code temperature}. */
    public static Sampling temperature(double temperature) {
        SpecException.require(temperature > 0, "temperature must be > 0 for sampling, got %s", temperature);
        return new Sampling(temperature, 0);
    }

    /** Sampling among the {@code k} most likely tokens, at the given temperature. */
    public static Sampling topK(int k, double temperature) {
        SpecException.require(k > 0, "top-k needs k > 0, got %d", k);
        SpecException.require(temperature > 0, "temperature must be > 0 for sampling, got %s", temperature);
        return new Sampling(temperature, k);
    }

    /** Picks an index from {@code probabilities} (which sum to about 1). */
    public int pick(double[] probabilities, Random random) {
        int best = argmax(probabilities);
        if (temperature == 0) {
            return best;
        }
        double[] weights = new double[probabilities.length];
        double threshold = topK > 0 && topK < probabilities.length ? kthLargest(probabilities, topK) : -1;
        double total = 0;
        for (int i = 0; i < weights.length; i++) {
            if (probabilities[i] >= threshold && probabilities[i] > 0) {
                // p^(1/T) renormalised equals softmax(logits / T).
                weights[i] = Math.exp(Math.log(probabilities[i]) / temperature);
                total += weights[i];
            }
        }
        if (!(total > 0) || !Double.isFinite(total)) {
            return best;
        }
        double u = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            u -= weights[i];
            if (u < 0 && weights[i] > 0) {
                return i;
            }
        }
        return best;
    }

    private static int argmax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    private static double kthLargest(double[] values, int k) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length - k];
    }
}
