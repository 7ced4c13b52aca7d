package org.rnnkit.core.decode;

import java.util.Arrays;

/**
 * One decoded sequence: its tokens (without the start token and without the stop token), the model's total
 * natural-log probability of them (the stop token's included when it was chosen), the score a search ranked it
 * by, and whether it ended with the stop token rather than at the maximum length.
 */
public record Decoded(int[] tokens, double logProbability, double score, boolean finished) {

    public Decoded {
        tokens = tokens.clone();
    }

    @Override
    public int[] tokens() {
        return tokens.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Decoded d && Arrays.equals(d.tokens, tokens) && d.logProbability == logProbability
                && d.score == score && d.finished == finished;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(tokens) * 31 + Double.hashCode(logProbability);
    }

    @Override
    public String toString() {
        return "Decoded" + Arrays.toString(tokens) + " logp " + logProbability + (finished ? "" : " (max length)");
    }
}
