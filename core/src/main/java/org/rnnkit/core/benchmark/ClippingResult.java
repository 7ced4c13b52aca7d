package org.rnnkit.core.benchmark;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The clipping experiment: one model trained twice from the same initialisation on the same batches at a high
 * learning rate, without and with gradient-norm clipping.
 *
 * @param task          the task's name
 * @param length        its sequence length
 * @param cell          the cell variant's name
 * @param hidden        hidden units
 * @param optimizer     the optimizer and learning rate, in words
 * @param clipNorm      the clipping threshold of the clipped run
 * @param curves        the unclipped run's loss curve, then the clipped one's
 */
public record ClippingResult(@JsonProperty("task") String task, @JsonProperty("length") int length,
                             @JsonProperty("cell") String cell, @JsonProperty("hidden") int hidden,
                             @JsonProperty("optimizer") String optimizer, @JsonProperty("clipNorm") double clipNorm,
                             @JsonProperty("curves") List<LossCurve> curves) {
}
