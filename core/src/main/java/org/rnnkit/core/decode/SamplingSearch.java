package org.rnnkit.core.decode;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Random;

/**
 * Draws each token from the model's distribution over the allowed tokens, reshaped by a temperature and cut to
 * the {@code topK} most likely tokens and then to the smallest set whose probability reaches {@code topP}.
 * Repeatable: the same seed, model and inputs give the same sequences, and each input draws from its own
 * random sequence, so an input's result does not depend on the rest of the batch.
 *
 * @param temperature above 0: below 1 sharpens, above 1 flattens the distribution
 * @param topK        0 for all tokens, otherwise only the k most likely
 * @param topP        in (0, 1]: only the most likely tokens whose probabilities sum to at least p (1 for all)
 * @param seed        seed of the random draws
 */
public record SamplingSearch(double temperature, int topK, double topP, long seed) implements Search {

    public SamplingSearch {
        if (!(temperature > 0) || !Double.isFinite(temperature)) {
            throw new IllegalArgumentException("temperature must be a positive number, got " + temperature);
        }
        if (topK < 0) {
            throw new IllegalArgumentException("top-k must be 0 (all tokens) or positive, got " + topK);
        }
        if (!(topP > 0 && topP <= 1)) {
            throw new IllegalArgumentException("top-p must be in (0, 1], got " + topP);
        }
    }

    /** A copy drawing only among the {@code k} most likely tokens. */
    public SamplingSearch withTopK(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("top-k needs k >= 1, got " + k);
        }
        return new SamplingSearch(temperature, k, topP, seed);
    }

    /** A copy drawing only among the most likely tokens whose probabilities sum to at least {@code p}. */
    public SamplingSearch withTopP(double p) {
        return new SamplingSearch(temperature, topK, p, seed);
    }

    /** A copy with another seed. */
    public SamplingSearch withSeed(long value) {
        return new SamplingSearch(temperature, topK, topP, value);
    }

    @Override
    public List<Decoded> decode(StepModel model, int[][] inputs, DecodeOptions options) {
        Random[] random = new Random[inputs.length];
        for (int i = 0; i < random.length; i++) {
            random[i] = new Random(seed + 0x9E3779B97F4A7C15L * (i + 1));
        }
        return TokenByToken.decode(model, inputs, options,
                (input, logp, allowed) -> draw(logp, allowed, random[input]));
    }

    /**
     * The tokens a draw may pick from, most likely first, with their probabilities after temperature, top-k and
     * top-p (renormalised to sum to 1).
     */
    public Candidates candidates(double[] logProbabilities, BitSet allowed) {
        Integer[] order = allowed.stream().boxed().toArray(Integer[]::new);
        double max = Arrays.stream(order).mapToDouble(t -> logProbabilities[t]).max().orElseThrow();
        double[] weight = new double[logProbabilities.length];
        for (int t : order) {
            // Dividing log-probabilities by T and renormalising is softmax(logits / T).
            weight[t] = max == Double.NEGATIVE_INFINITY ? 1 : Math.exp((logProbabilities[t] - max) / temperature);
        }
        Arrays.sort(order, (a, b) -> weight[a] != weight[b] ? Double.compare(weight[b], weight[a]) : a - b);
        int keep = topK > 0 ? Math.min(topK, order.length) : order.length;
        double total = 0;
        for (int i = 0; i < keep; i++) {
            total += weight[order[i]];
        }
        if (topP < 1) {
            double cumulative = 0;
            for (int i = 0; i < keep; i++) {
                cumulative += weight[order[i]] / total;
                if (cumulative >= topP) {
                    keep = i + 1;
                    break;
                }
            }
        }
        int[] tokens = new int[keep];
        double[] probabilities = new double[keep];
        double kept = 0;
        for (int i = 0; i < keep; i++) {
            tokens[i] = order[i];
            kept += weight[order[i]];
        }
        for (int i = 0; i < keep; i++) {
            probabilities[i] = weight[tokens[i]] / kept;
        }
        return new Candidates(tokens, probabilities);
    }

    private int draw(double[] logProbabilities, BitSet allowed, Random random) {
        Candidates c = candidates(logProbabilities, allowed);
        double u = random.nextDouble();
        for (int i = 0; i < c.tokens.length; i++) {
            u -= c.probabilities[i];
            if (u < 0) {
                return c.tokens[i];
            }
        }
        return c.tokens[c.tokens.length - 1];
    }

    /** Tokens a draw may pick, most likely first, and their probabilities (summing to 1). */
    public record Candidates(int[] tokens, double[] probabilities) {
        public Candidates {
            tokens = tokens.clone();
            probabilities = probabilities.clone();
        }

        @Override
        public int[] tokens() {
            return tokens.clone();
        }

        @Override
        public double[] probabilities() {
            return probabilities.clone();
        }
    }
}
