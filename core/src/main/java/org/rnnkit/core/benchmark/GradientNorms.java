package org.rnnkit.core.benchmark;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The gradient-norm probe's curve: {@code byDistance[d]} is the mean over held-out sequences of
 * {@code ‖∂ℓ/∂x_t‖}, the norm of the gradient of a sequence's loss with respect to its input at the step
 * {@code d} steps before the output ({@code d = T - 1 - t}).
 *
 * @param iterations  training iterations the model had when probed (0: at initialisation)
 * @param byDistance  mean gradient norm by distance from the output
 */
public record GradientNorms(@JsonProperty("iterations") long iterations,
                            @JsonProperty("byDistance") double[] byDistance) {

    /** The norm at the farthest step relative to the nearest: how much of the gradient survives the whole sequence. */
    public double farToNear() {
        return byDistance[byDistance.length - 1] / byDistance[0];
    }
}
