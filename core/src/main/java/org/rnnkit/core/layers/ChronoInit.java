package org.rnnkit.core.layers;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Chrono initialisation of gate biases (Tallec &amp; Ollivier, "Can recurrent neural networks warp time?", ICLR 2018):
 * a gate that keeps the state with probability {@code sigmoid(b)} gives it a characteristic memory of about
 * {@code 1 + e^b} steps, so drawing {@code b = log(u)}, {@code u ~ U(1, tMax - 1)}, spreads the units' time scales
 * over 2 … {@code tMax} steps instead of the few steps a bias of 0 or 1 gives. Without it, a gated cell on a task
 * whose answer depends on the first of {@code tMax} steps can learn to forget before the gradient from that step
 * has found its way back (rnnkit's benchmark: LSTM on the adding problem at T = 400).
 */
final class ChronoInit {

    private ChronoInit() {
    }

    /** Whether {@code tMax} turns chrono initialisation on (0 leaves it off); fails on values that are neither. */
    static boolean enabled(double tMax) {
        check(tMax);
        return tMax != 0;
    }

    static void check(double tMax) {
        if (tMax != 0 && !(tMax >= 2 && Double.isFinite(tMax))) {
            throw new IllegalArgumentException("chrono initialisation needs the longest dependency in steps, at least "
                    + "2 (or 0 for off), got " + tMax);
        }
    }

    /**
     * {@code n} keep-gate biases {@code log(u)}, {@code u ~ U(1, tMax - 1)}, drawn from ND4J's random generator, which
     * a network seeds before it initialises its weights: the same seed gives the same biases.
     */
    static INDArray keepBiases(long n, double tMax, DataType type) {
        INDArray u = Nd4j.rand(type, 1, n).muli(tMax - 2).addi(1);
        return Transforms.log(u, false);
    }
}
