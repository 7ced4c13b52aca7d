package org.rnnkit.core.layers;

import java.lang.ref.Reference;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Plain-Java element access to a c-contiguous float or double array, so that a recurrent step's element-wise gate
 * math runs as one Java loop instead of a dozen native ND4J calls (each call costs more than the arithmetic at
 * recurrent sizes). Values are read and written as doubles.
 */
abstract class Buf {

    /** Element offset of the array in its data buffer. */
    final int base;

    private Buf(int base) {
        this.base = base;
    }

    abstract double get(int i);

    abstract void set(int i, double v);

    /** Reads elements {@code [from, from + n)} into {@code dst[0, n)}. */
    abstract void read(int from, double[] dst, int n);

    /** Writes {@code src[0, n)} to elements {@code [from, from + n)}. */
    abstract void write(int from, double[] src, int n);

    /** Reads elements {@code [from, from + n)} into {@code dst[0, n)} as floats. */
    abstract void readFloats(int from, float[] dst, int n);

    /** Writes {@code src[0, n)} to elements {@code [from, from + n)}. */
    abstract void writeFloats(int from, float[] src, int n);

    final void add(int i, double v) {
        set(i, get(i) + v);
    }

    /** A view of {@code a}, which must be c-contiguous (created by the layer, never a strided view). */
    static Buf of(INDArray a) {
        if (a.ordering() != 'c' || a.length() > 0 && a.elementWiseStride() != 1) {
            throw new IllegalArgumentException("Buf needs a c-contiguous array, got " + a.shapeInfoToString());
        }
        return over(a);
    }

    /** A view of the vector {@code v} (a row or column with unit stride, possibly a view into a larger buffer). */
    static Buf ofVector(INDArray v) {
        if (!v.isVector() && v.length() != 1 || v.elementWiseStride() != 1) {
            throw new IllegalArgumentException("Buf needs a contiguous vector, got " + v.shapeInfoToString());
        }
        return over(v);
    }

    /** A view of {@code a} in which element {@code i} is {@code a}'s element at offset {@code i} (index by strides). */
    static Buf strided(INDArray a) {
        return over(a);
    }

    /** Element {@code i} of the result is at {@code a}'s offset plus {@code i}, whatever {@code a}'s strides. */
    private static Buf over(INDArray a) {
        int base = Math.toIntExact(a.offset());
        if (a.dataType() == DataType.FLOAT) {
            return new Floats(a.data().asNioFloat(), base);
        }
        if (a.dataType() == DataType.DOUBLE) {
            return new Doubles(a.data().asNioDouble(), base);
        }
        throw new IllegalArgumentException("rnnkit recurrent layers run in FLOAT or DOUBLE, not " + a.dataType());
    }

    /**
     * Copies {@code src [mb, n, T]} (any strides, same data type) into {@code dst [T, mb, n]} in one Java pass,
     * instead of a native permute-and-copy.
     */
    static void toTimeMajor(INDArray src, Buf dst) {
        Buf in = over(src);
        long[] st = src.stride();
        int mb = (int) src.size(0);
        int n = (int) src.size(1);
        int steps = (int) src.size(2);
        int i = 0;
        for (int t = 0; t < steps; t++) {
            for (int b = 0; b < mb; b++) {
                int row = (int) (b * st[0] + t * st[2]);
                for (int j = 0; j < n; j++) {
                    dst.set(i++, in.get(row + (int) (j * st[1])));
                }
            }
        }
        // A Buf addresses the memory without keeping its array alive; a temporary src must outlive the loop.
        Reference.reachabilityFence(src);
    }

    /** The inverse of {@link #toTimeMajor}: copies {@code src [T, mb, n]} into {@code dst [mb, n, T]} (any strides). */
    static void fromTimeMajor(Buf src, INDArray dst) {
        Buf out = over(dst);
        long[] st = dst.stride();
        int mb = (int) dst.size(0);
        int n = (int) dst.size(1);
        int steps = (int) dst.size(2);
        int i = 0;
        for (int t = 0; t < steps; t++) {
            for (int b = 0; b < mb; b++) {
                int row = (int) (b * st[0] + t * st[2]);
                for (int j = 0; j < n; j++) {
                    out.set(row + (int) (j * st[1]), src.get(i++));
                }
            }
        }
        Reference.reachabilityFence(dst);
    }

    private static final class Floats extends Buf {
        private final FloatBuffer b;
        /** Staging for bulk copies: one native copy plus a Java conversion loop beat per-element buffer calls. */
        private float[] staging = new float[0];

        Floats(FloatBuffer b, int base) {
            super(base);
            this.b = b;
        }

        @Override
        double get(int i) {
            return b.get(base + i);
        }

        @Override
        void set(int i, double v) {
            b.put(base + i, (float) v);
        }

        @Override
        void read(int from, double[] dst, int n) {
            float[] f = staging(n);
            b.get(base + from, f, 0, n);
            for (int i = 0; i < n; i++) {
                dst[i] = f[i];
            }
        }

        @Override
        void write(int from, double[] src, int n) {
            float[] f = staging(n);
            for (int i = 0; i < n; i++) {
                f[i] = (float) src[i];
            }
            b.put(base + from, f, 0, n);
        }

        @Override
        void readFloats(int from, float[] dst, int n) {
            b.get(base + from, dst, 0, n);
        }

        @Override
        void writeFloats(int from, float[] src, int n) {
            b.put(base + from, src, 0, n);
        }

        private float[] staging(int n) {
            if (staging.length < n) {
                staging = new float[n];
            }
            return staging;
        }
    }

    private static final class Doubles extends Buf {
        private final DoubleBuffer b;

        Doubles(DoubleBuffer b, int base) {
            super(base);
            this.b = b;
        }

        @Override
        double get(int i) {
            return b.get(base + i);
        }

        @Override
        void set(int i, double v) {
            b.put(base + i, v);
        }

        @Override
        void read(int from, double[] dst, int n) {
            b.get(base + from, dst, 0, n);
        }

        @Override
        void write(int from, double[] src, int n) {
            b.put(base + from, src, 0, n);
        }

        @Override
        void readFloats(int from, float[] dst, int n) {
            for (int i = 0; i < n; i++) {
                dst[i] = (float) b.get(base + from + i);
            }
        }

        @Override
        void writeFloats(int from, float[] src, int n) {
            for (int i = 0; i < n; i++) {
                b.put(base + from + i, src[i]);
            }
        }
    }
}
