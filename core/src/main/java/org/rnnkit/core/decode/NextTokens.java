package org.rnnkit.core.decode;

import java.util.Arrays;
import java.util.BitSet;

/**
 * Which tokens a search may choose next for one row: the token rules and the constraint, applied to the
 * model's vocabulary. The one place that decides what is allowed, shared by every search.
 */
final class NextTokens {
    private NextTokens() {
    }

    /** The tokens that may follow {@code prefix} for {@code input}; fails clearly when there are none. */
    static BitSet allowed(int vocabulary, DecodeOptions options, int input, int[] prefix) {
        BitSet allowed = new BitSet(vocabulary);
        allowed.set(0, vocabulary);
        for (int banned : options.tokens().neverEmit()) {
            if (banned >= 0 && banned < vocabulary) {
                allowed.clear(banned);
            }
        }
        if (options.constraint() != null) {
            BitSet grammar = options.constraint().allowed(input, prefix.clone());
            if (grammar != null) {
                allowed.and(grammar);
            }
        }
        if (allowed.isEmpty()) {
            throw new IllegalStateException("no token may follow " + Arrays.toString(prefix) + " for input " + input
                    + ": the constraint and " + options.tokens() + " leave none of the " + vocabulary + " tokens");
        }
        return allowed;
    }

    /** The allowed token with the highest log-probability (the lowest id among ties). */
    static int argmax(double[] logProbabilities, BitSet allowed) {
        int best = allowed.nextSetBit(0);
        for (int token = allowed.nextSetBit(best + 1); token >= 0; token = allowed.nextSetBit(token + 1)) {
            if (logProbabilities[token] > logProbabilities[best]) {
                best = token;
            }
        }
        return best;
    }

    /** Checks a step's output: one row per state row, one column per token, no NaN. */
    static void check(double[][] logProbabilities, int rows, int vocabulary) {
        if (logProbabilities.length != rows) {
            throw new IllegalStateException("a step returned " + logProbabilities.length + " rows for " + rows);
        }
        for (int r = 0; r < rows; r++) {
            if (logProbabilities[r].length != vocabulary) {
                throw new IllegalStateException("a step returned " + logProbabilities[r].length
                        + " log-probabilities for a vocabulary of " + vocabulary);
            }
            for (double v : logProbabilities[r]) {
                if (Double.isNaN(v)) {
                    throw new IllegalStateException("the model returned NaN log-probabilities (row " + r + ")");
                }
            }
        }
    }
}
