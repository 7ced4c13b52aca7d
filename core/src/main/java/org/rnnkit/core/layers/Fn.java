package org.rnnkit.core.layers;

import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationHardSigmoid;
import org.nd4j.linalg.activations.impl.ActivationHardTanH;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationTanH;

/**
 * The activations rnnkit's recurrent cells compute in plain Java. Each derivative is written in terms of the
 * activation's output, so the backward pass needs only the saved outputs, not the pre-activations.
 */
enum Fn {
    TANH {
        @Override
        double apply(double x) {
            // tanh from one exp of a non-positive argument: no overflow, full precision near 0.
            double e = Math.exp(-2 * Math.abs(x));
            double t = (1 - e) / (1 + e);
            return x < 0 ? -t : t;
        }

        @Override
        double derivative(double y) {
            return 1 - y * y;
        }
    },
    SIGMOID {
        @Override
        double apply(double x) {
            if (x >= 0) {
                return 1 / (1 + Math.exp(-x));
            }
            double e = Math.exp(x);
            return e / (1 + e);
        }

        @Override
        double derivative(double y) {
            return y * (1 - y);
        }
    },
    IDENTITY {
        @Override
        double apply(double x) {
            return x;
        }

        @Override
        double derivative(double y) {
            return 1;
        }
    },
    RELU {
        @Override
        double apply(double x) {
            return x > 0 ? x : 0;
        }

        @Override
        double derivative(double y) {
            return y > 0 ? 1 : 0;
        }
    },
    HARDSIGMOID {
        @Override
        double apply(double x) {
            double y = 0.2 * x + 0.5;
            return y < 0 ? 0 : y > 1 ? 1 : y;
        }

        @Override
        double derivative(double y) {
            return y > 0 && y < 1 ? 0.2 : 0;
        }
    },
    HARDTANH {
        @Override
        double apply(double x) {
            return x < -1 ? -1 : x > 1 ? 1 : x;
        }

        @Override
        double derivative(double y) {
            return y > -1 && y < 1 ? 1 : 0;
        }
    };

    abstract double apply(double x);

    /** Replaces {@code a[from, to)} by the activation of each value, on SIMD lanes where {@link GateMath} can. */
    final void apply(double[] a, int from, int to) {
        GateMath.INSTANCE.apply(this, a, from, to);
    }

    /** The derivative at the point where the activation's output is {@code y}. */
    abstract double derivative(double y);

    /** The Java form of a DL4J activation, or {@code null} when rnnkit's cells do not offer it. */
    static Fn of(IActivation a) {
        if (a instanceof ActivationTanH) {
            return TANH;
        }
        if (a instanceof ActivationSigmoid) {
            return SIGMOID;
        }
        if (a instanceof ActivationIdentity) {
            return IDENTITY;
        }
        if (a instanceof ActivationReLU r && r.getMax() == null && r.getThreshold() == null
                && r.getNegativeSlope() == null) {
            return RELU;
        }
        if (a instanceof ActivationHardSigmoid) {
            return HARDSIGMOID;
        }
        if (a instanceof ActivationHardTanH) {
            return HARDTANH;
        }
        return null;
    }

    /** Like {@link #of(IActivation)} but fails with a message naming the supported activations. */
    static Fn require(IActivation a, String role) {
        Fn fn = of(a);
        if (fn == null) {
            throw new IllegalArgumentException("rnnkit recurrent cells support TANH, SIGMOID, IDENTITY, RELU, "
                    + "HARDSIGMOID and HARDTANH as " + role + ", not " + a);
        }
        return fn;
    }
}
