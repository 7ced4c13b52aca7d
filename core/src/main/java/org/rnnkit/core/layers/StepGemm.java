package org.rnnkit.core.layers;

/**
 * The recurrent product of a float step, {@code C (+)= A B} on Java arrays, for a step's few rows against a weight
 * matrix copied to Java once per pass. OpenBLAS packs the whole weight matrix on every call, and a step uses each
 * weight only once per row (32 times at batch 32): at recurrent sizes the packing cost more than half the
 * multiply-adds (LSTM 32/100/16/256: 21% of a training step packing, 40% in the kernel). Read straight from a
 * row-major Java copy, the weights need no packing. Runs on SIMD lanes ({@link VectorStepGemm}) where the JDK's
 * Vector API is loaded and compiled to SIMD code, as for {@link GateMath}; elsewhere, or with
 * {@code -Drnnkit.stepGemm=false}, {@link #INSTANCE} is null and the steps call CBLAS.
 */
abstract class StepGemm {

    /** The implementation for this JVM, or null where steps use CBLAS. */
    static final StepGemm INSTANCE = choose();

    /**
     * {@code c[0, m*n) = a[0, m*k) b[0, k*n)} (plus {@code c}'s old values when {@code add}), every array dense and
     * row-major: {@code a [m, k]}, {@code b [k, n]}, {@code c [m, n]}.
     */
    abstract void multiply(float[] a, float[] b, float[] c, int m, int k, int n, boolean add);

    /**
     * {@code c[0, m*n) = a[0, m*k) b} for a float matrix {@code b [k, n]} in native memory stored column by column
     * (DL4J keeps its weights in 'f' order), read in place on every call: for steppers, whose weights may change
     * between calls (training in between) and so cannot be copied once.
     */
    abstract void multiplyNative(float[] a, Mat b, float[] c, int m);

    /** Whether {@link #multiplyNative} takes {@code b}: float, column-major, unit stride within columns. */
    static boolean nativeOperand(Mat b) {
        return INSTANCE != null && b.isFloat && b.colMajor;
    }

    private static StepGemm choose() {
        if (!Boolean.parseBoolean(System.getProperty("rnnkit.stepGemm", "true"))
                || !GateMath.INSTANCE.name().equals("vector")) {
            return null;
        }
        try {
            // By name, so that nothing links against jdk.incubator.vector unless the module is there.
            return (StepGemm) Class.forName(StepGemm.class.getPackageName() + ".VectorStepGemm")
                    .getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            return null;
        }
    }

    /**
     * The matrix {@code m} (or its transpose) as a dense row-major float array, in {@code into} when it is large
     * enough: read line by line from native memory.
     */
    static float[] dense(Mat m, boolean transpose, float[] into) {
        int outRows = transpose ? m.cols : m.rows;
        int outCols = transpose ? m.rows : m.cols;
        float[] out = into != null && into.length >= outRows * outCols ? into : new float[outRows * outCols];
        // Storage lines: the rows of a row-major matrix, the columns of a column-major one.
        int lines = m.colMajor ? m.cols : m.rows;
        int lineLength = m.colMajor ? m.rows : m.cols;
        org.bytedeco.javacpp.FloatPointer p = (org.bytedeco.javacpp.FloatPointer) m.pointer();
        long start = p.position();
        if (m.colMajor == transpose) { // storage lines are the output's rows
            for (int l = 0; l < lines; l++) {
                p.position(start + (long) l * m.ld).get(out, l * lineLength, lineLength);
            }
            return out;
        }
        float[] line = new float[lineLength];
        for (int l = 0; l < lines; l++) {
            p.position(start + (long) l * m.ld).get(line, 0, lineLength);
            for (int i = 0; i < lineLength; i++) {
                out[i * lines + l] = line[i];
            }
        }
        return out;
    }
}
