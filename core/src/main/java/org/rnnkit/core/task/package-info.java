/**
 * Pipelines: a trained model with the codecs that turn plain Java values (texts, {@code float[][]} sequences) into
 * its input and its output into plain results, saved as one file. {@link org.rnnkit.core.task.Pipeline} does the
 * batching, padding and masking once for every kind; {@link org.rnnkit.core.task.InputCodec} is the input side.
 */
package org.rnnkit.core.task;
