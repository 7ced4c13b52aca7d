package org.rnnkit.core.benchmark;

import org.rnnkit.core.Rnn;
import org.rnnkit.core.builder.SequenceBuilder;
import org.rnnkit.core.spec.InputSpec;
import org.rnnkit.core.spec.OutputSpec;

/**
 * What a task asks of a model, so that a {@link CellVariant} can build one for it: the input, whether the answer is
 * one per sequence or one per step, and the head (regression targets or classes).
 *
 * @param input                 what the model reads
 * @param perSequence           one answer per sequence (many-to-one) rather than one per step
 * @param head                  regression or classification
 * @param outputs               regression targets or classes
 */
public record TaskSignature(InputSpec input, boolean perSequence, Head head, int outputs) {

    /** The output layer a task needs. */
    public enum Head { REGRESSION, CLASSES }

    public TaskSignature {
        if (input == null || head == null || outputs < 1) {
            throw new IllegalArgumentException("a task signature needs an input, a head and at least one output");
        }
    }

    /** A builder for this task's input. */
    public SequenceBuilder start() {
        return Rnn.sequence(input);
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
