package org.rnnkit.core.train;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The record of one finished epoch.
 *
 * @param epoch              1-based epoch number
 * @param trainLoss          mean training loss over the epoch's batches
 * @param validationLoss     mean validation loss, NaN without validation data
 * @param validationAccuracy validation accuracy when training follows it ({@link StopMetric#ACCURACY}), else NaN
 * @param seconds            wall time of the epoch
 * @param improved           whether the monitored validation value was the best so far
 */
public record EpochStats(int epoch, double trainLoss, double validationLoss, double validationAccuracy,
                         double seconds, boolean improved) {

    /** An epoch without a validation accuracy. */
    public EpochStats(int epoch, double trainLoss, double validationLoss, double seconds, boolean improved) {
        this(epoch, trainLoss, validationLoss, Double.NaN, seconds, improved);
    }

    /** Reads a checkpoint's record; those written before accuracy was recorded have none (NaN). */
    @JsonCreator
    static EpochStats read(@JsonProperty("epoch") int epoch, @JsonProperty("trainLoss") double trainLoss,
                           @JsonProperty("validationLoss") double validationLoss,
                           @JsonProperty("validationAccuracy") Double validationAccuracy,
                           @JsonProperty("seconds") double seconds, @JsonProperty("improved") boolean improved) {
        return new EpochStats(epoch, trainLoss, validationLoss,
                validationAccuracy == null ? Double.NaN : validationAccuracy, seconds, improved);
    }
}
