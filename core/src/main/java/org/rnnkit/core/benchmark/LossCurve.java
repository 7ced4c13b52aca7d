package org.rnnkit.core.benchmark;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Training loss per iteration of one run of the clipping experiment.
 *
 * @param label        e.g. {@code clip 1.0} or {@code no clipping}
 * @param losses       the training loss of each iteration, in order
 * @param divergedAt   the iteration at which the loss became NaN or infinite, or 0 when it never did
 */
public record LossCurve(@JsonProperty("label") String label, @JsonProperty("losses") double[] losses,
                        @JsonProperty("divergedAt") long divergedAt) {
}
