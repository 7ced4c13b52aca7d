package org.rnnkit.core.decode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.layers.RecurrentLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.rnnkit.core.SequenceModel;
import org.rnnkit.core.layers.NetworkStepper;
import org.rnnkit.core.spec.InputSpec;
import org.rnnkit.core.spec.ModelSpec;
import org.rnnkit.core.spec.OutputSpec;
import org.rnnkit.core.spec.Shape;
import org.rnnkit.core.spec.SpecException;

/**
 * One-to-many generation as a {@link StepModel}: a next-token {@link SequenceModel} primed with each input's
 * tokens, then fed one token per step. The recurrent state travels in the {@link DecoderState}, so rows can be
 * reordered and duplicated and the model's own stored state is left alone. Token input (with an embedding) and
 * one-hot feature input both work.
 */
public final class SequenceStepper implements StepModel {
    private final MultiLayerNetwork network;
    private final InputSpec input;
    private final int vocabulary;
    private final List<RecurrentLayer> recurrent = new ArrayList<>();
    /** Steps on rnnkit's own kernels when the network is one it computes; null: through rnnTimeStep. */
    private final NetworkStepper fast;

    private SequenceStepper(SequenceModel model) {
        ModelSpec spec = model.spec();
        SpecException.require(spec.outputShape() == Shape.SEQUENCE,
                "generation needs an output at every step; this model reduces each sequence to one output (lastStep/pool)");
        SpecException.require(!spec.hasBidirectional(),
                "a bidirectional model cannot generate step by step: its backward direction needs the future");
        SpecException.require(spec.output().kind() == OutputSpec.Kind.SOFTMAX,
                "generation needs a softmax output over the tokens, got %s", spec.output().kind());
        SpecException.require(spec.output().units() == spec.input().size(),
                "generation feeds outputs back as inputs, so the output size (%d) must equal the input size (%d)",
                spec.output().units(), spec.input().size());
        this.network = model.network();
        this.input = spec.input();
        this.vocabulary = spec.input().size();
        for (int i = 0; i < network.getnLayers(); i++) {
            if (network.getLayer(i) instanceof RecurrentLayer layer) {
                recurrent.add(layer);
            }
        }
        this.fast = Boolean.parseBoolean(System.getProperty(FAST_PROPERTY, "true"))
                ? NetworkStepper.of(network)
                        .filter(f -> f.vocabularySize() == vocabulary
                                && f.embedsTokens() == (input.kind() == InputSpec.Kind.TOKENS))
                        .orElse(null) : null;
    }

    /**
     * System property that, set to {@code false}, makes every stepper run through {@code rnnTimeStep} even where
     * {@link NetworkStepper} computes the network (for comparisons; both give the same probabilities).
     */
    public static final String FAST_PROPERTY = "rnnkit.fastStepper";

    /** A stepper over {@code model}; fails with a {@link SpecException} if the model cannot generate. */
    public static SequenceStepper of(SequenceModel model) {
        return new SequenceStepper(model);
    }

    @Override
    public int vocabularySize() {
        return vocabulary;
    }

    /** Primes each row with all its primer tokens but the last (rows grouped by primer length). */
    @Override
    public DecoderState encode(int[][] primers) {
        Map<Integer, List<Integer>> byLength = new LinkedHashMap<>();
        for (int row = 0; row < primers.length; row++) {
            check(primers[row], row);
            byLength.computeIfAbsent(primers[row].length, k -> new ArrayList<>()).add(row);
        }
        if (fast != null) {
            return encodeFast(primers, byLength);
        }
        List<int[]> groups = new ArrayList<>();
        List<List<Map<String, INDArray>>> states = new ArrayList<>();
        byLength.forEach((length, rows) -> {
            int[] rowIds = rows.stream().mapToInt(Integer::intValue).toArray();
            groups.add(rowIds);
            if (length == 1) {
                states.add(null);
                return;
            }
            int[][] prefix = new int[rowIds.length][];
            for (int k = 0; k < rowIds.length; k++) {
                prefix[k] = java.util.Arrays.copyOf(primers[rowIds[k]], length - 1);
            }
            states.add(run(null, prefix).states());
        });
        return new State(primers.length, RecurrentStates.scatter(primers.length, groups, states));
    }

    /** {@link #encode} on {@link NetworkStepper}: each group steps through its primers, then rows go back in order. */
    private DecoderState encodeFast(int[][] primers, Map<Integer, List<Integer>> byLength) {
        List<NetworkStepper.State> parts = new ArrayList<>();
        int[] position = new int[primers.length];
        int at = 0;
        for (Map.Entry<Integer, List<Integer>> group : byLength.entrySet()) {
            List<Integer> rows = group.getValue();
            NetworkStepper.State state = fast.zeroState(rows.size());
            for (int t = 0; t < group.getKey() - 1; t++) {
                int[] tokens = new int[rows.size()];
                for (int k = 0; k < tokens.length; k++) {
                    tokens[k] = primers[rows.get(k)][t];
                }
                state = fast.step(state, tokens).next();
            }
            parts.add(state);
            for (int row : rows) {
                position[row] = at++;
            }
        }
        return new FastState(NetworkStepper.State.concat(parts).select(position));
    }

    @Override
    public int[] startTokens(int[][] primers) {
        int[] start = new int[primers.length];
        for (int row = 0; row < primers.length; row++) {
            check(primers[row], row);
            start[row] = primers[row][primers[row].length - 1];
        }
        return start;
    }

    @Override
    public Step step(DecoderState state, int[] previousTokens) {
        RecurrentStates.requireOnePerRow(state, previousTokens);
        for (int row = 0; row < previousTokens.length; row++) {
            check(new int[] {previousTokens[row]}, row);
        }
        if (state instanceof FastState f) {
            NetworkStepper.Result r = fast.step(f.state, previousTokens);
            double[][] log = r.probabilities();
            for (double[] row : log) {
                for (int i = 0; i < row.length; i++) {
                    row[i] = Math.log(row[i]);
                }
            }
            return new Step(log, new FastState(r.next()));
        }
        State s = (State) state;
        int[][] tokens = new int[previousTokens.length][];
        for (int row = 0; row < tokens.length; row++) {
            tokens[row] = new int[] {previousTokens[row]};
        }
        RecurrentStates.Run run = run(s.layers, tokens);
        return new Step(Probabilities.logOfLastStep(run.output()), new State(s.rows, run.states()));
    }

    private RecurrentStates.Run run(List<Map<String, INDArray>> states, int[][] tokens) {
        INDArray x = encodeInput(tokens);
        return RecurrentStates.run(recurrent, states, () -> network.rnnTimeStep(x));
    }

    /** {@code [rows, 1, time]} indices for token input, {@code [rows, vocabulary, time]} one-hot otherwise. */
    private INDArray encodeInput(int[][] tokens) {
        int steps = tokens[0].length;
        boolean indices = input.kind() == InputSpec.Kind.TOKENS;
        INDArray x = Nd4j.zeros(network.getLayerWiseConfigurations().getDataType(), tokens.length,
                indices ? 1 : vocabulary, steps);
        for (int row = 0; row < tokens.length; row++) {
            for (int t = 0; t < steps; t++) {
                if (indices) {
                    x.putScalar(new long[] {row, 0, t}, tokens[row][t]);
                } else {
                    x.putScalar(new long[] {row, tokens[row][t], t}, 1.0);
                }
            }
        }
        return x;
    }

    private void check(int[] tokens, int row) {
        SpecException.require(tokens != null && tokens.length > 0, "input %d: generation needs at least one primer token", row);
        for (int token : tokens) {
            SpecException.require(token >= 0 && token < vocabulary,
                    "input %d: token %d outside the model's vocabulary [0, %d)", row, token, vocabulary);
        }
    }

    /** Rows of recurrent state kept by {@link NetworkStepper}. */
    private record FastState(NetworkStepper.State state) implements DecoderState {
        @Override
        public int rows() {
            return state.rows();
        }

        @Override
        public DecoderState select(int[] picked) {
            return new FastState(state.select(picked));
        }
    }

    /** Rows of recurrent state after a primer or the steps so far; null layers mean the zero state. */
    private record State(int rows, List<Map<String, INDArray>> layers) implements DecoderState {
        @Override
        public DecoderState select(int[] picked) {
            return new State(picked.length, picked.length == 0 ? null : RecurrentStates.select(layers, picked));
        }
    }
}
