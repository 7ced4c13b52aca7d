package org.rnnkit.core.layers;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link GateMath} on SIMD lanes through the incubating Vector API: loaded by name only when the module is present.
 * Sigmoid and tanh, nearly all of a gated cell's element-wise time, run as vector exp/tanh; the cheap activations
 * and the tail of each run go through {@link Fn#apply}.
 */
final class VectorGateMath extends GateMath {

    private static final VectorSpecies<Double> LANES = DoubleVector.SPECIES_PREFERRED;

    @Override
    void apply(Fn fn, double[] a, int from, int to) {
        int i = from;
        int end = from + LANES.loopBound(to - from);
        if (fn == Fn.SIGMOID) {
            // 1 / (1 + e^-x) saturates cleanly at both ends (e^-x overflowing to infinity gives 0).
            for (; i < end; i += LANES.length()) {
                DoubleVector e = DoubleVector.fromArray(LANES, a, i).neg().lanewise(VectorOperators.EXP);
                DoubleVector.broadcast(LANES, 1.0).div(e.add(1.0)).intoArray(a, i);
            }
        } else if (fn == Fn.TANH) {
            for (; i < end; i += LANES.length()) {
                DoubleVector.fromArray(LANES, a, i).lanewise(VectorOperators.TANH).intoArray(a, i);
            }
        }
        for (; i < to; i++) {
            a[i] = fn.apply(a[i]);
        }
    }

    @Override
    String name() {
        return "vector";
    }
}
