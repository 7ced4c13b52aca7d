/**
 * Import and export of recurrent-layer parameters in PyTorch's and Keras's layouts.
 *
 * <p>{@link org.rnnkit.core.weights.PyTorchWeights} and {@link org.rnnkit.core.weights.KerasWeights} map between
 * named tensors ({@code weight_ih_l0}, {@code kernel}, ...) and the parameters of an initialised DL4J layer: rnnkit's
 * {@link org.rnnkit.core.layers.GRU}, DL4J's {@code LSTM} and {@code SimpleRnn}, either alone, inside
 * {@code LastTimeStep}, or as both directions of DL4J's {@code Bidirectional} or
 * {@link org.rnnkit.core.layers.MaskedBidirectional}. Gate blocks are reordered and biases merged or split as each
 * framework requires.
 */
package org.rnnkit.core.weights;
