package org.rnnkit.core.decode;

/**
 * The result of one {@link StepModel#step}: natural-log probabilities of the next token per row
 * ({@code [rows][vocabulary]}) and the state after the step.
 */
public record Step(double[][] logProbabilities, DecoderState next) {
}
