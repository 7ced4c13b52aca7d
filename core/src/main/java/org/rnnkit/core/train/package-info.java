/**
 * Training any rnnkit model: {@link org.rnnkit.core.train.Trainer} (epochs, validation, early stopping, checkpoints and bit-identical resume, NaN guard), progress listeners, and the loss-curve report.
 */
package org.rnnkit.core.train;
