/**
 * Step-wise decoding shared by one-to-many generation and the encoder-decoder: a {@link
 * org.rnnkit.core.decode.StepModel} encodes a batch of inputs into a {@link org.rnnkit.core.decode.DecoderState}
 * and steps it one token at a time; a {@link org.rnnkit.core.decode.Search} (greedy, sampling, beam) chooses the
 * tokens under {@link org.rnnkit.core.decode.DecodeOptions} (maximum length, token rules, constraint).
 */
package org.rnnkit.core.decode;
