/**
 * rnnkit's own recurrent layers for Deeplearning4j.
 *
 * <ul>
 *   <li>{@link org.rnnkit.core.layers.GRU}, {@link org.rnnkit.core.layers.LSTM} and
 *       {@link org.rnnkit.core.layers.SimpleRnn}: true DL4J recurrent layers (masks, truncated BPTT,
 *       {@code rnnTimeStep}, {@code LastTimeStep}, {@code Bidirectional}); the GRU in both the reset-after (cuDNN,
 *       PyTorch, Keras default) and reset-before (Cho et al. 2014) forms, LSTM and SimpleRnn with DL4J's parameter
 *       layout. All three run as a {@link org.rnnkit.core.layers.CellLayer}: one time loop, per-cell step kernels,
 *       matrix products through CBLAS and gate math in plain Java (sigmoid and tanh on SIMD lanes through the
 *       JDK's Vector API when it is loaded).</li>
 *   <li>{@link org.rnnkit.core.layers.NetworkStepper}: next-token inference for networks of these layers, one
 *       token per step, without {@code rnnTimeStep}'s per-call work; the decoders use it.</li>
 *   <li>{@link org.rnnkit.core.layers.MaskedBidirectional}: a bidirectional wrapper whose backward direction reads
 *       every sequence from its own last real step, so right-padded batches give the same result as each sequence
 *       alone.</li>
 * </ul>
 * Weight import and export in PyTorch and Keras layouts live in {@link org.rnnkit.core.weights}.
 */
package org.rnnkit.core.layers;
