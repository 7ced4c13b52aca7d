package org.rnnkit.core.layers;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

import org.bytedeco.javacpp.FloatPointer;

/**
 * {@link StepGemm} on SIMD lanes through the incubating Vector API: loaded by name only when the module is present.
 * Blocks of 4 rows by 4 vectors of columns keep 16 accumulators in registers; each step of the inner loop loads 4
 * vectors of {@code b} and broadcasts 4 values of {@code a}. Narrower column blocks and the last rows take the same
 * path with fewer accumulators; columns past the last full vector go one at a time. Native weights stored by
 * column are read as dot products along their columns, 4 rows by 4 columns at a time.
 */
final class VectorStepGemm extends StepGemm {

    private static final VectorSpecies<Float> LANES = FloatVector.SPECIES_PREFERRED;
    private static final int L = LANES.length();

    @Override
    void multiply(float[] a, float[] b, float[] c, int m, int k, int n, boolean add) {
        int j = 0;
        for (; j + 4 * L <= n; j += 4 * L) {
            int i = 0;
            for (; i + 4 <= m; i += 4) {
                block4x4(a, b, c, i, j, k, n, add);
            }
            for (; i < m; i++) {
                for (int q = 0; q < 4; q++) {
                    row1(a, b, c, i, j + q * L, k, n, add);
                }
            }
        }
        for (; j + L <= n; j += L) {
            for (int i = 0; i < m; i++) {
                row1(a, b, c, i, j, k, n, add);
            }
        }
        for (; j < n; j++) {
            for (int i = 0; i < m; i++) {
                float s = 0;
                for (int p = 0; p < k; p++) {
                    s += a[i * k + p] * b[p * n + j];
                }
                c[i * n + j] = add ? c[i * n + j] + s : s;
            }
        }
    }

    private static void block4x4(float[] a, float[] b, float[] c, int i, int j, int k, int n, boolean add) {
        int o = i * n + j;
        FloatVector c00 = start(c, o, add);
        FloatVector c01 = start(c, o + L, add);
        FloatVector c02 = start(c, o + 2 * L, add);
        FloatVector c03 = start(c, o + 3 * L, add);
        FloatVector c10 = start(c, o + n, add);
        FloatVector c11 = start(c, o + n + L, add);
        FloatVector c12 = start(c, o + n + 2 * L, add);
        FloatVector c13 = start(c, o + n + 3 * L, add);
        FloatVector c20 = start(c, o + 2 * n, add);
        FloatVector c21 = start(c, o + 2 * n + L, add);
        FloatVector c22 = start(c, o + 2 * n + 2 * L, add);
        FloatVector c23 = start(c, o + 2 * n + 3 * L, add);
        FloatVector c30 = start(c, o + 3 * n, add);
        FloatVector c31 = start(c, o + 3 * n + L, add);
        FloatVector c32 = start(c, o + 3 * n + 2 * L, add);
        FloatVector c33 = start(c, o + 3 * n + 3 * L, add);
        int a0 = i * k;
        for (int p = 0; p < k; p++) {
            int bo = p * n + j;
            FloatVector b0 = FloatVector.fromArray(LANES, b, bo);
            FloatVector b1 = FloatVector.fromArray(LANES, b, bo + L);
            FloatVector b2 = FloatVector.fromArray(LANES, b, bo + 2 * L);
            FloatVector b3 = FloatVector.fromArray(LANES, b, bo + 3 * L);
            FloatVector x = FloatVector.broadcast(LANES, a[a0 + p]);
            c00 = b0.fma(x, c00);
            c01 = b1.fma(x, c01);
            c02 = b2.fma(x, c02);
            c03 = b3.fma(x, c03);
            x = FloatVector.broadcast(LANES, a[a0 + k + p]);
            c10 = b0.fma(x, c10);
            c11 = b1.fma(x, c11);
            c12 = b2.fma(x, c12);
            c13 = b3.fma(x, c13);
            x = FloatVector.broadcast(LANES, a[a0 + 2 * k + p]);
            c20 = b0.fma(x, c20);
            c21 = b1.fma(x, c21);
            c22 = b2.fma(x, c22);
            c23 = b3.fma(x, c23);
            x = FloatVector.broadcast(LANES, a[a0 + 3 * k + p]);
            c30 = b0.fma(x, c30);
            c31 = b1.fma(x, c31);
            c32 = b2.fma(x, c32);
            c33 = b3.fma(x, c33);
        }
        c00.intoArray(c, o);
        c01.intoArray(c, o + L);
        c02.intoArray(c, o + 2 * L);
        c03.intoArray(c, o + 3 * L);
        c10.intoArray(c, o + n);
        c11.intoArray(c, o + n + L);
        c12.intoArray(c, o + n + 2 * L);
        c13.intoArray(c, o + n + 3 * L);
        c20.intoArray(c, o + 2 * n);
        c21.intoArray(c, o + 2 * n + L);
        c22.intoArray(c, o + 2 * n + 2 * L);
        c23.intoArray(c, o + 2 * n + 3 * L);
        c30.intoArray(c, o + 3 * n);
        c31.intoArray(c, o + 3 * n + L);
        c32.intoArray(c, o + 3 * n + 2 * L);
        c33.intoArray(c, o + 3 * n + 3 * L);
    }

    /** One row by one vector of columns starting at {@code j}. */
    private static void row1(float[] a, float[] b, float[] c, int i, int j, int k, int n, boolean add) {
        FloatVector acc = start(c, i * n + j, add);
        int a0 = i * k;
        for (int p = 0; p < k; p++) {
            acc = FloatVector.fromArray(LANES, b, p * n + j).fma(FloatVector.broadcast(LANES, a[a0 + p]), acc);
        }
        acc.intoArray(c, i * n + j);
    }

    /** An accumulator's start: {@code c}'s values when adding to them, otherwise 0. */
    private static FloatVector start(float[] c, int o, boolean add) {
        return add ? FloatVector.fromArray(LANES, c, o) : FloatVector.zero(LANES);
    }

    @Override
    void multiplyNative(float[] a, Mat b, float[] c, int m) {
        int k = b.rows;
        int n = b.cols;
        FloatPointer p = (FloatPointer) b.pointer();
        long first = p.position();
        ByteBuffer bt = p.limit(first + (long) (n - 1) * b.ld + k).asByteBuffer().order(ByteOrder.nativeOrder());
        int ld = b.ld;
        int i = 0;
        for (; i + 4 <= m; i += 4) {
            int j = 0;
            for (; j + 4 <= n; j += 4) {
                dot4x4(a, bt, ld, c, i, j, k, n);
            }
            for (; j < n; j++) {
                for (int r = i; r < i + 4; r++) {
                    c[r * n + j] = dot(a, r * k, bt, j * ld, k);
                }
            }
        }
        for (; i < m; i++) {
            for (int j = 0; j < n; j++) {
                c[i * n + j] = dot(a, i * k, bt, j * ld, k);
            }
        }
    }

    /** {@code c[i..i+4, j..j+4]}: rows of {@code a} against columns {@code j..j+4} of the weights. */
    private static void dot4x4(float[] a, ByteBuffer bt, int ld, float[] c, int i, int j, int k, int n) {
        FloatVector s00 = FloatVector.zero(LANES);
        FloatVector s01 = s00;
        FloatVector s02 = s00;
        FloatVector s03 = s00;
        FloatVector s10 = s00;
        FloatVector s11 = s00;
        FloatVector s12 = s00;
        FloatVector s13 = s00;
        FloatVector s20 = s00;
        FloatVector s21 = s00;
        FloatVector s22 = s00;
        FloatVector s23 = s00;
        FloatVector s30 = s00;
        FloatVector s31 = s00;
        FloatVector s32 = s00;
        FloatVector s33 = s00;
        int a0 = i * k;
        int col = 4 * j * ld;
        int colStep = 4 * ld;
        int p = 0;
        for (; p + L <= k; p += L) {
            FloatVector x0 = FloatVector.fromArray(LANES, a, a0 + p);
            FloatVector x1 = FloatVector.fromArray(LANES, a, a0 + k + p);
            FloatVector x2 = FloatVector.fromArray(LANES, a, a0 + 2 * k + p);
            FloatVector x3 = FloatVector.fromArray(LANES, a, a0 + 3 * k + p);
            int at = col + 4 * p;
            FloatVector y = FloatVector.fromByteBuffer(LANES, bt, at, ByteOrder.nativeOrder());
            s00 = x0.fma(y, s00);
            s10 = x1.fma(y, s10);
            s20 = x2.fma(y, s20);
            s30 = x3.fma(y, s30);
            y = FloatVector.fromByteBuffer(LANES, bt, at + colStep, ByteOrder.nativeOrder());
            s01 = x0.fma(y, s01);
            s11 = x1.fma(y, s11);
            s21 = x2.fma(y, s21);
            s31 = x3.fma(y, s31);
            y = FloatVector.fromByteBuffer(LANES, bt, at + 2 * colStep, ByteOrder.nativeOrder());
            s02 = x0.fma(y, s02);
            s12 = x1.fma(y, s12);
            s22 = x2.fma(y, s22);
            s32 = x3.fma(y, s32);
            y = FloatVector.fromByteBuffer(LANES, bt, at + 3 * colStep, ByteOrder.nativeOrder());
            s03 = x0.fma(y, s03);
            s13 = x1.fma(y, s13);
            s23 = x2.fma(y, s23);
            s33 = x3.fma(y, s33);
        }
        int o = i * n + j;
        c[o] = s00.reduceLanes(VectorOperators.ADD) + tail(a, a0, bt, j * ld, p, k);
        c[o + 1] = s01.reduceLanes(VectorOperators.ADD) + tail(a, a0, bt, (j + 1) * ld, p, k);
        c[o + 2] = s02.reduceLanes(VectorOperators.ADD) + tail(a, a0, bt, (j + 2) * ld, p, k);
        c[o + 3] = s03.reduceLanes(VectorOperators.ADD) + tail(a, a0, bt, (j + 3) * ld, p, k);
        o += n;
        c[o] = s10.reduceLanes(VectorOperators.ADD) + tail(a, a0 + k, bt, j * ld, p, k);
        c[o + 1] = s11.reduceLanes(VectorOperators.ADD) + tail(a, a0 + k, bt, (j + 1) * ld, p, k);
        c[o + 2] = s12.reduceLanes(VectorOperators.ADD) + tail(a, a0 + k, bt, (j + 2) * ld, p, k);
        c[o + 3] = s13.reduceLanes(VectorOperators.ADD) + tail(a, a0 + k, bt, (j + 3) * ld, p, k);
        o += n;
        c[o] = s20.reduceLanes(VectorOperators.ADD) + tail(a, a0 + 2 * k, bt, j * ld, p, k);
        c[o + 1] = s21.reduceLanes(VectorOperators.ADD) + tail(a, a0 + 2 * k, bt, (j + 1) * ld, p, k);
        c[o + 2] = s22.reduceLanes(VectorOperators.ADD) + tail(a, a0 + 2 * k, bt, (j + 2) * ld, p, k);
        c[o + 3] = s23.reduceLanes(VectorOperators.ADD) + tail(a, a0 + 2 * k, bt, (j + 3) * ld, p, k);
        o += n;
        c[o] = s30.reduceLanes(VectorOperators.ADD) + tail(a, a0 + 3 * k, bt, j * ld, p, k);
        c[o + 1] = s31.reduceLanes(VectorOperators.ADD) + tail(a, a0 + 3 * k, bt, (j + 1) * ld, p, k);
        c[o + 2] = s32.reduceLanes(VectorOperators.ADD) + tail(a, a0 + 3 * k, bt, (j + 2) * ld, p, k);
        c[o + 3] = s33.reduceLanes(VectorOperators.ADD) + tail(a, a0 + 3 * k, bt, (j + 3) * ld, p, k);
    }

    /** One row of {@code a} (from {@code a0}) against one weight column (from element {@code col}). */
    private static float dot(float[] a, int a0, ByteBuffer bt, int col, int k) {
        FloatVector s = FloatVector.zero(LANES);
        int p = 0;
        for (; p + L <= k; p += L) {
            s = FloatVector.fromArray(LANES, a, a0 + p)
                    .fma(FloatVector.fromByteBuffer(LANES, bt, 4 * (col + p), ByteOrder.nativeOrder()), s);
        }
        return s.reduceLanes(VectorOperators.ADD) + tail(a, a0, bt, col, p, k);
    }

    /** The scalar rest {@code p..k} of a dot product. */
    private static float tail(float[] a, int a0, ByteBuffer bt, int col, int p, int k) {
        float s = 0;
        for (; p < k; p++) {
            s += a[a0 + p] * bt.getFloat(4 * (col + p));
        }
        return s;
    }
}
