/**
 * rnnkit's own recurrent layers for Deeplearning4j.
 *
 * <ul>
 *   <li>{@link org.rnnkit.core.layers.GRU}: a gated recurrent unit as a true DL4J recurrent layer (masks, truncated
 *       BPTT, {@code rnnTimeStep}, {@code LastTimeStep}, {@code Bidirectional}), in both the reset-after (cuDNN,
 *       PyTorch, Keras default) and reset-before (Cho et al. 2014) forms.</li>
 *   <li>{@link org.rnnkit.core.layers.MaskedBidirectional}: a bidirectional wrapper whose backward direction reads
 *       every sequence from its own last real step, so right-padded batches give the same result as each sequence
 *       alone.</li>
 * </ul>
 * Weight import and export in PyTorch and Keras layouts live in {@link org.rnnkit.core.weights}.
 */
package org.rnnkit.core.layers;
