package org.rnnkit.core.decode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * The loop of every search that keeps one sequence per input (greedy, sampling): step all unfinished rows
 * together, let a {@link Picker} choose each row's token, drop finished rows from the state.
 */
final class TokenByToken {

    /** Chooses the next token of one input's sequence among the allowed ones. */
    interface Picker {
        int pick(int input, double[] logProbabilities, BitSet allowed);
    }

    private TokenByToken() {
    }

    static List<Decoded> decode(StepModel model, int[][] inputs, DecodeOptions options, Picker picker) {
        int n = inputs.length;
        int vocabulary = model.vocabularySize();
        int stop = options.tokens().stopToken();
        List<List<Integer>> tokens = new ArrayList<>(n);
        double[] logp = new double[n];
        boolean[] finished = new boolean[n];
        for (int i = 0; i < n; i++) {
            tokens.add(new ArrayList<>());
        }
        DecoderState state = model.encode(inputs);
        int[] previous = model.startTokens(inputs);
        int[] live = range(n);
        for (int t = 0; t < options.maxLength() && live.length > 0; t++) {
            Step step = model.step(state, previous);
            NextTokens.check(step.logProbabilities(), live.length, vocabulary);
            int[] keep = new int[live.length];
            int kept = 0;
            for (int r = 0; r < live.length; r++) {
                int input = live[r];
                double[] row = step.logProbabilities()[r];
                int[] prefix = tokens.get(input).stream().mapToInt(Integer::intValue).toArray();
                int token = picker.pick(input, row, NextTokens.allowed(vocabulary, options, input, prefix));
                logp[input] += row[token];
                if (token == stop) {
                    finished[input] = true;
                } else {
                    tokens.get(input).add(token);
                    keep[kept++] = r;
                }
            }
            keep = Arrays.copyOf(keep, kept);
            state = step.next().select(keep);
            int[] nextLive = new int[kept];
            previous = new int[kept];
            for (int k = 0; k < kept; k++) {
                nextLive[k] = live[keep[k]];
                previous[k] = lastOf(tokens.get(nextLive[k]));
            }
            live = nextLive;
        }
        List<Decoded> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new Decoded(tokens.get(i).stream().mapToInt(Integer::intValue).toArray(), logp[i], logp[i],
                    finished[i]));
        }
        return out;
    }

    static int[] range(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        return r;
    }

    private static int lastOf(List<Integer> tokens) {
        return tokens.get(tokens.size() - 1);
    }
}
