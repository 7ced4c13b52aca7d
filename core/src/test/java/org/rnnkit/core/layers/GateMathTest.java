package org.rnnkit.core.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The SIMD gate math gives the scalar activations' values, over the whole range, saturated ends included. */
class GateMathTest {

    private static double[] values() {
        Random random = new Random(7);
        double[] v = new double[1000];
        for (int i = 0; i < v.length; i++) {
            v[i] = random.nextGaussian() * (i % 3 == 0 ? 30 : 3);
        }
        double[] ends = {0, -0.0, 1e-300, -1e-12, 20, -20, 710, -710, 1e6, -1e6, Double.MAX_VALUE, -Double.MAX_VALUE};
        System.arraycopy(ends, 0, v, 0, ends.length);
        return v;
    }

    @Test
    void vectorMatchesScalarForEveryActivation() {
        Assumptions.assumeTrue(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent(),
                "run with --add-modules jdk.incubator.vector");
        for (Fn fn : Fn.values()) {
            double[] scalar = values();
            double[] vector = values();
            new GateMath.Scalar().apply(fn, scalar, 0, scalar.length);
            // An odd start and end exercise the scalar tail and unaligned lanes.
            new VectorGateMath().apply(fn, vector, 1, vector.length - 3);
            new GateMath.Scalar().apply(fn, vector, 0, 1);
            new GateMath.Scalar().apply(fn, vector, vector.length - 3, vector.length);
            for (int i = 0; i < scalar.length; i++) {
                assertEquals(scalar[i], vector[i], 1e-15 + 4e-16 * Math.abs(scalar[i]), fn + " at " + values()[i]);
            }
        }
    }

    @Test
    void theTestsRunTheVectorPathOnX86() {
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        Assumptions.assumeTrue(arch.equals("amd64") || arch.equals("x86_64"), "vector math is chosen on x86-64 only");
        assertEquals("vector", GateMath.INSTANCE.name(), "surefire's argLine loads jdk.incubator.vector");
    }
}
