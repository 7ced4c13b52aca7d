package org.rnnkit.datasets;

/**
 * How token sequences become arrays. {@link #INDEX}: {@code [mb, 1, T]} token indices (the input of DL4J's
 * {@code EmbeddingSequenceLayer}, or the labels of {@code LossSparseMCXENT}); {@link #ONE_HOT}: {@code [mb, V, T]}.
 */
public enum TokenEncoding {
    /** Token indices as floats, shape {@code [mb, 1, T]}. */
    INDEX,
    /** One-hot vectors over the vocabulary, shape {@code [mb, V, T]}. */
    ONE_HOT
}
