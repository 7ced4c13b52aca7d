package org.rnnkit.core.layers;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** CBLAS products equal ND4J's for every operand order and transposition, one-row products (gemv) included. */
class BlasTest {

    @Test
    void productsMatchNd4jForEveryLayout() {
        Nd4j.getRandom().setSeed(5);
        for (DataType dt : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            for (int m : new int[] {1, 3}) {
                for (boolean transA : new boolean[] {false, true}) {
                    for (boolean transB : new boolean[] {false, true}) {
                        for (char orderA : new char[] {'c', 'f'}) {
                            for (char orderB : new char[] {'c', 'f'}) {
                                for (char orderC : new char[] {'c', 'f'}) {
                                    check(dt, m, 4, 5, transA, transB, orderA, orderB, orderC);
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    private static void check(DataType dt, int m, int k, int n, boolean transA, boolean transB, char orderA,
            char orderB, char orderC) {
        INDArray a = Nd4j.rand(dt, transA ? new long[] {k, m} : new long[] {m, k}).dup(orderA);
        INDArray b = Nd4j.rand(dt, transB ? new long[] {n, k} : new long[] {k, n}).dup(orderB);
        INDArray c = Nd4j.rand(dt, m, n).dup(orderC);
        INDArray expected = (transA ? a.transpose() : a).mmul(transB ? b.transpose() : b).addi(c.mul(0.5));
        Blas.gemm(Mat.of(a), transA, Mat.of(b), transB, Mat.of(c), 0.5);
        assertTrue(expected.equalsWithEps(c, dt == DataType.FLOAT ? 1e-5 : 1e-12),
                dt + " m=" + m + " transA=" + transA + " transB=" + transB + " orders " + orderA + orderB + orderC
                        + ": " + expected + " vs " + c);
    }
}
