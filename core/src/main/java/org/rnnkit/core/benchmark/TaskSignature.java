package org.rnnkit.core.benchmark;

import java.util.List;
import org.rnnkit.core.Rnn;
import org.rnnkit.core.builder.SequenceBuilder;
import org.rnnkit.core.spec.EmbeddingSpec;
import org.rnnkit.core.spec.InputSpec;
import org.rnnkit.core.spec.LayerSpec;
import org.rnnkit.core.spec.OutputSpec;

/**
 * What a task asks of a model, so that a {@link CellVariant} can build one for it: the input, whether the answer is
 * one per sequence or one per step, the head (regression targets or classes), and for token input the size of the
 * embedding every model starts with (the same for every cell, so it is left out of the parameter budget).
 *
 * @param input                 what the model reads
 * @param perSequence           one answer per sequence (many-to-one) rather than one per step
 * @param head                  regression or classification
 * @param outputs               regression targets or classes
 * @param embedding             units of the embedding of token input; 0 for feature input
 * @param horizon               the longest dependency a model must bridge, in steps, where the task states one
 *                              ({@link BenchTask#horizon}); 0 when it does not
 */
public record TaskSignature(InputSpec input, boolean perSequence, Head head, int outputs, int embedding, int horizon) {

    /** The output layer a task needs. */
    public enum Head { REGRESSION, CLASSES }

    public TaskSignature {
        if (input == null || head == null || outputs < 1) {
            throw new IllegalArgumentException("a task signature needs an input, a head and at least one output");
        }
        if ((input.kind() == InputSpec.Kind.TOKENS) != (embedding > 0)) {
            throw new IllegalArgumentException("token input needs an embedding size and feature input none, got "
                    + input.kind() + " input with embedding " + embedding);
        }
        if (horizon < 0) {
            throw new IllegalArgumentException("a task's horizon is a number of steps, or 0 for none; got " + horizon);
        }
    }

    /** A task with no stated horizon. */
    public TaskSignature(InputSpec input, boolean perSequence, Head head, int outputs, int embedding) {
        this(input, perSequence, head, outputs, embedding, 0);
    }

    /** A task on feature input (no embedding) with no stated horizon. */
    public TaskSignature(InputSpec input, boolean perSequence, Head head, int outputs) {
        this(input, perSequence, head, outputs, 0, 0);
    }

    /** This signature with {@code steps} as its horizon. */
    public TaskSignature withHorizon(int steps) {
        return new TaskSignature(input, perSequence, head, outputs, embedding, steps);
    }

    /** A builder for this task's input, with its embedding for token input. */
    public SequenceBuilder start() {
        SequenceBuilder b = Rnn.sequence(input);
        return embedding > 0 ? b.embedding(embedding) : b;
    }

    /** The layers every model of this task starts with: the embedding of token input, or none. */
    public List<LayerSpec> inputLayers() {
        return embedding > 0 ? List.of(new EmbeddingSpec(embedding)) : List.of();
    }

    /**
     * Completes a recurrent body: the last real step for a many-to-one task, then the head. Non-recurrent bodies
     * reduce the sequence themselves (pooling) and add {@link #outputLayer()}.
     */
    public SequenceBuilder finishRecurrent(SequenceBuilder body) {
        return head(perSequence ? body.lastStep() : body);
    }

    /** Adds the output layer: linear regression or softmax. */
    public SequenceBuilder head(SequenceBuilder body) {
        return body.layer(outputLayer());
    }

    /** The output layer: linear regression or softmax. */
    public OutputSpec outputLayer() {
        return new OutputSpec(outputs, head == Head.REGRESSION ? OutputSpec.Kind.LINEAR : OutputSpec.Kind.SOFTMAX);
    }
}
