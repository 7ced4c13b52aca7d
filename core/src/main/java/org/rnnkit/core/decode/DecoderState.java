package org.rnnkit.core.decode;

/**
 * What a {@link StepModel} needs to take the next step for each row of a batch. Immutable; a search reorders
 * and duplicates rows with {@link #select} (beam search keeps the rows of its best hypotheses).
 */
public interface DecoderState {

    /** Number of rows. */
    int rows();

    /** A state whose row {@code i} is this state's row {@code rows[i]}; rows may repeat or be left out. */
    DecoderState select(int[] rows);
}
