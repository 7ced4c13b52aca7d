package org.rnnkit.core.decode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.MaskState;
import org.deeplearning4j.nn.api.layers.RecurrentLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.rnnkit.core.Seq2SeqModel;
import org.rnnkit.core.builder.Seq2SeqParts;
import org.rnnkit.datasets.SpecialTokens;

/**
 * An encoder-decoder as a {@link StepModel}: {@link #encode} runs the encoder part of the graph once per batch
 * of sources (padding and masks made here), a step runs the decoder part on one previous token per row. Both
 * walk the {@link Seq2SeqParts} the compiler built the graph from, so decoding computes what training computed.
 */
public final class Seq2SeqStepper implements StepModel {
    private static final LayerWorkspaceMgr NO_WORKSPACES = LayerWorkspaceMgr.noWorkspaces();
    private final ComputationGraph network;
    private final Seq2SeqParts parts;
    private final int sourceVocabulary;
    private final int targetVocabulary;
    private final List<RecurrentLayer> decoder = new ArrayList<>();

    private Seq2SeqStepper(Seq2SeqModel model) {
        this.network = model.network();
        this.parts = model.parts();
        this.sourceVocabulary = model.spec().sourceVocabulary();
        this.targetVocabulary = model.spec().targetVocabulary();
        for (String name : parts.decoder()) {
            decoder.add((RecurrentLayer) network.getLayer(name));
        }
    }

    /** A stepper over {@code model}. */
    public static Seq2SeqStepper of(Seq2SeqModel model) {
        return new Seq2SeqStepper(model);
    }

    @Override
    public int vocabularySize() {
        return targetVocabulary;
    }

    /**
     * Encoder states, source mask and context of each source. The decoder has no state yet, so its first layer
     * starts from the context its first input carries, as in training ({@code Seq2SeqCompiler}).
     */
    @Override
    public DecoderState encode(int[][] sources) {
        INDArray[] padded = pad(sources);
        INDArray source = padded[0];
        INDArray mask = padded[1];
        network.setLayerMaskArrays(new INDArray[] {mask, null}, null);
        try {
            INDArray states = source;
            for (String name : parts.encoder()) {
                states = forward(name, states);
            }
            INDArray finalStates = forward(parts.finalStates(), states);
            INDArray context = parts.bridge() == null ? finalStates : forward(parts.bridge(), finalStates);
            return new State(sources.length, states.dup(), mask, context.dup(), null);
        } finally {
            network.clearLayerMaskArrays();
            if (parts.attention() != null) {
                network.getVertex(parts.attention()).clear(); // it keeps the source mask until cleared
            }
        }
    }

    @Override
    public int[] startTokens(int[][] sources) {
        int[] start = new int[sources.length];
        Arrays.fill(start, SpecialTokens.BOS);
        return start;
    }

    @Override
    public Step step(DecoderState state, int[] previousTokens) {
        State s = (State) state;
        RecurrentStates.requireOnePerRow(s, previousTokens);
        INDArray previous = Nd4j.create(network.getConfiguration().getDataType(), s.rows, 1, 1);
        for (int row = 0; row < s.rows; row++) {
            int token = previousTokens[row];
            if (token < 0 || token >= targetVocabulary) {
                throw new IllegalArgumentException("row " + row + ": previous token " + token
                        + " outside the target vocabulary [0, " + targetVocabulary + ")");
            }
            previous.putScalar(new long[] {row, 0, 0}, token);
        }
        INDArray input = forward(parts.decoderInput(), forward(parts.targetEmbedding(), previous), context(s));
        RecurrentStates.Run run = RecurrentStates.run(decoder, s.decoder, () -> {
            INDArray h = input;
            for (RecurrentLayer layer : decoder) {
                h = layer.rnnTimeStep(h, NO_WORKSPACES);
            }
            if (parts.attention() != null) {
                h = attend(h, s);
            }
            return network.getLayer(parts.output()).activate(h, false, NO_WORKSPACES);
        });
        return new Step(Probabilities.logOfLastStep(run.output()),
                new State(s.rows, s.encoderStates, s.sourceMask, s.context, run.states()));
    }

    /**
     * The context this step's decoder input reads, matching {@code Seq2SeqCompiler.addContext}: the bridged final
     * states {@code [rows, units, 1]}, which do not depend on the step (attention comes after the decoder layers);
     * on the first step the first decoder layer also takes them as its initial state.
     */
    private static INDArray context(State s) {
        return s.context.reshape(s.context.size(0), s.context.size(1), 1);
    }

    /**
     * The attention vertex of the graph on this step's decoder output {@code [rows, units, 1]} and each row's
     * encoder states, masked by its source mask as in training.
     */
    private INDArray attend(INDArray decoderOutput, State s) {
        GraphVertex v = network.getVertex(parts.attention());
        v.setInput(0, decoderOutput, NO_WORKSPACES);
        v.setInput(1, s.encoderStates, NO_WORKSPACES);
        v.feedForwardMaskArrays(new INDArray[] {null, s.sourceMask}, MaskState.Active, s.rows);
        try {
            return v.doForward(false, NO_WORKSPACES);
        } finally {
            v.clear();
        }
    }

    /** Runs one vertex of the graph on the given inputs. */
    private INDArray forward(String vertex, INDArray... inputs) {
        GraphVertex v = network.getVertex(vertex);
        for (int i = 0; i < inputs.length; i++) {
            v.setInput(i, inputs[i], NO_WORKSPACES);
        }
        try {
            return v.doForward(false, NO_WORKSPACES);
        } finally {
            v.clear();
        }
    }

    /** {@code [rows, 1, time]} source indices padded with PAD, and the {@code [rows, time]} mask. */
    private INDArray[] pad(int[][] sources) {
        if (sources.length == 0) {
            throw new IllegalArgumentException("no sources to decode");
        }
        int longest = 0;
        for (int row = 0; row < sources.length; row++) {
            if (sources[row] == null || sources[row].length == 0) {
                throw new IllegalArgumentException("source " + row + " is empty: the encoder needs at least one token");
            }
            longest = Math.max(longest, sources[row].length);
        }
        INDArray source = Nd4j.zeros(network.getConfiguration().getDataType(), sources.length, 1, longest);
        INDArray mask = Nd4j.zeros(network.getConfiguration().getDataType(), sources.length, longest);
        for (int row = 0; row < sources.length; row++) {
            for (int t = 0; t < sources[row].length; t++) {
                int token = sources[row][t];
                if (token < 0 || token >= sourceVocabulary) {
                    throw new IllegalArgumentException("source " + row + ", position " + t + ": token " + token
                            + " outside the source vocabulary [0, " + sourceVocabulary + ")");
                }
                source.putScalar(new long[] {row, 0, t}, token);
                mask.putScalar(row, t, 1);
            }
        }
        return new INDArray[] {source, mask};
    }

    /**
     * Per row: all encoder states {@code [rows, units, sourceTime]} and the source mask {@code [rows, sourceTime]}
     * (what attention reads), the context {@code [rows, units]}, and the decoder layers' states (null: zero).
     */
    private record State(int rows, INDArray encoderStates, INDArray sourceMask, INDArray context,
                         List<Map<String, INDArray>> decoder) implements DecoderState {
        @Override
        public DecoderState select(int[] picked) {
            if (picked.length == 0) {
                return new State(0, null, null, null, null);
            }
            return new State(picked.length, RecurrentStates.rows(encoderStates, picked),
                    RecurrentStates.rows(sourceMask, picked), RecurrentStates.rows(context, picked),
                    RecurrentStates.select(decoder, picked));
        }
    }
}
