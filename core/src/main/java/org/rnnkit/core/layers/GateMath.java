package org.rnnkit.core.layers;

import java.util.Locale;

/**
 * Applies an activation to a run of values in a Java array: the part of a recurrent step that is neither a matrix
 * product nor a memory copy. With the JDK's incubating Vector API present ({@code --add-modules
 * jdk.incubator.vector}, as the {@code rnnkit} launcher and the tests run) sigmoid and tanh run as SIMD lanes
 * through the JDK's vectorised math library; otherwise, or with {@code -Drnnkit.vectorMath=false}, one value at a
 * time through {@link Fn#apply}. Both give the activation to within a few units in the last place.
 */
abstract class GateMath {

    /** The implementation chosen once per JVM. */
    static final GateMath INSTANCE = choose();

    /** Replaces {@code a[from, to)} by {@code fn} of each value. */
    abstract void apply(Fn fn, double[] a, int from, int to);

    /** A short name for reports: {@code vector} or {@code scalar}. */
    abstract String name();

    private static GateMath choose() {
        if (!Boolean.parseBoolean(System.getProperty("rnnkit.vectorMath", "true")) || !vectorMathUseful()) {
            return new Scalar();
        }
        try {
            // By name, so that nothing links against jdk.incubator.vector unless the module is there.
            return (GateMath) Class.forName(GateMath.class.getPackageName() + ".VectorGateMath")
                    .getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            return new Scalar();
        }
    }

    /**
     * Whether the Vector API is loaded and its exp/tanh are compiled to SIMD code: the JDK 17 intrinsics use a
     * vector math library on x86-64 only; elsewhere the API falls back to per-lane Java, slower than the scalar loop.
     */
    private static boolean vectorMathUseful() {
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
                && (arch.equals("amd64") || arch.equals("x86_64"));
    }

    /** One value at a time. */
    static final class Scalar extends GateMath {
        @Override
        void apply(Fn fn, double[] a, int from, int to) {
            for (int i = from; i < to; i++) {
                a[i] = fn.apply(a[i]);
            }
        }

        @Override
        String name() {
            return "scalar";
        }
    }
}
