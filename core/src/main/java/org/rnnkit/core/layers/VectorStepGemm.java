package org.rnnkit.core.layers;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link StepGemm} on SIMD lanes through the incubating Vector API: loaded by name only when the module is present.
 * Blocks of 4 rows by 4 vectors of columns keep 16 accumulators in registers; each step of the inner loop loads 4
 * vectors of {@code b} and broadcasts 4 values of {@code a}. Narrower column blocks and the last rows take the same
 * path with fewer accumulators; columns past the last full vector go one at a time.
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
}
