package org.rnnkit.core.decode;

import java.util.Arrays;
import java.util.function.BiFunction;

/**
 * A stepping model with fixed probabilities: the next token's distribution is a function of the input index
 * and the tokens fed so far. Its state is each row's input and tokens, so a wrong select() shows.
 */
final class FakeStepModel implements StepModel {
    static final int START = -1;
    private final int vocabulary;
    private final BiFunction<Integer, int[], double[]> probabilities;

    /** {@code probabilities.apply(input, prefix)}: the next token's probabilities after {@code prefix}. */
    FakeStepModel(int vocabulary, BiFunction<Integer, int[], double[]> probabilities) {
        this.vocabulary = vocabulary;
        this.probabilities = probabilities;
    }

    @Override
    public int vocabularySize() {
        return vocabulary;
    }

    @Override
    public DecoderState encode(int[][] inputs) {
        int[] input = new int[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            input[i] = i;
        }
        return new Rows(input, new int[inputs.length][0]);
    }

    @Override
    public int[] startTokens(int[][] inputs) {
        int[] start = new int[inputs.length];
        Arrays.fill(start, START);
        return start;
    }

    @Override
    public Step step(DecoderState state, int[] previousTokens) {
        Rows rows = (Rows) state;
        double[][] logp = new double[rows.input.length][];
        int[][] prefixes = new int[rows.input.length][];
        for (int r = 0; r < logp.length; r++) {
            int[] prefix = rows.prefix[r];
            if (previousTokens[r] != START) {
                prefix = Arrays.copyOf(prefix, prefix.length + 1);
                prefix[prefix.length - 1] = previousTokens[r];
            }
            prefixes[r] = prefix;
            logp[r] = Arrays.stream(probabilities.apply(rows.input[r], prefix)).map(Math::log).toArray();
        }
        return new Step(logp, new Rows(rows.input, prefixes));
    }

    private record Rows(int[] input, int[][] prefix) implements DecoderState {
        @Override
        public int rows() {
            return input.length;
        }

        @Override
        public DecoderState select(int[] picked) {
            int[] in = new int[picked.length];
            int[][] pre = new int[picked.length][];
            for (int i = 0; i < picked.length; i++) {
                in[i] = input[picked[i]];
                pre[i] = prefix[picked[i]];
            }
            return new Rows(in, pre);
        }
    }
}
