package org.rnnkit.core.task;

import java.util.List;
import org.rnnkit.core.io.ModelBundle;
import org.rnnkit.core.spec.ModelSpec;
import org.rnnkit.datasets.SequenceBatcher;

/**
 * How a pipeline turns plain inputs of type {@code I} into what its network reads: one padded, masked batch
 * (through {@link SequenceBatcher}, where every batch in rnnkit is padded). It saves what it needs into the
 * pipeline's file. Implementations are immutable.
 *
 * @param <I> the plain input: a text, a {@code float[][]} sequence ({@code [step][feature]}), token indices
 */
public interface InputCodec<I> {

    /** The padded batch of {@code inputs}; a bad input is an {@link IllegalArgumentException} naming it. */
    SequenceBatcher.Padded encode(List<I> inputs);

    /** Steps the input becomes (used to batch inputs of similar length together). */
    int length(I input);

    /** Fails with a clear message when the network cannot read this codec's batches. */
    void check(ModelSpec spec);

    /** {@code bundle} with this codec's state attached. */
    ModelBundle attachTo(ModelBundle bundle);
}
