package org.rnnkit.core.train;

/**
 * The record of one finished epoch.
 *
 * @param epoch          1-based epoch number
 * @param trainLoss      mean training loss over the epoch's batches
 * @param validationLoss mean validation loss, NaN without validation data
 * @param seconds        wall time of the epoch
 * @param improved       whether the validation loss was the best so far
 */
public record EpochStats(int epoch, double trainLoss, double validationLoss, double seconds, boolean improved) {
}
