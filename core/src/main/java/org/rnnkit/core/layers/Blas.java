package org.rnnkit.core.layers;

import static org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasTrans;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;

/**
 * {@code C = op(A) op(B) + beta C} straight through CBLAS (the OpenBLAS that ND4J's CPU backend loads), without an
 * ND4J op per call: at recurrent-step sizes ND4J's gemm dispatch costs several times the arithmetic.
 */
final class Blas {

    private Blas() {
    }

    static void gemm(Mat a, boolean transA, Mat b, boolean transB, Mat c, double beta) {
        product(a, transA, b, transB, c, beta, true);
    }

    /**
     * {@code into = ones x} (column sums of {@code x}, {@code ones} a row of ones), always through gemm: a gemv
     * sums in another order, and the bias gradients keep the rounding of earlier versions, so a seeded training
     * run gives the same model as before.
     */
    static void columnSums(Mat ones, Mat x, Mat into) {
        product(ones, false, x, false, into, 0, false);
    }

    private static void product(Mat a, boolean transA, Mat b, boolean transB, Mat c, double beta, boolean gemv) {
        if (c.colMajor) {
            // C^T = op(B)^T op(A)^T, written into C's column-major storage seen as row-major C^T.
            gemmRowMajor(b, !transB, a, !transA, c.cols, c.rows, c, beta, gemv);
            return;
        }
        gemmRowMajor(a, transA, b, transB, c.rows, c.cols, c, beta, gemv);
    }

    private static void gemmRowMajor(Mat a, boolean transA, Mat b, boolean transB, int m, int n, Mat c, double beta,
            boolean gemv) {
        int k = transA ? a.rows : a.cols;
        if ((transB ? b.cols : b.rows) != k || (transA ? a.cols : a.rows) != m || (transB ? b.rows : b.cols) != n) {
            throw new IllegalArgumentException("gemm shapes: A " + a.rows + "x" + a.cols + (transA ? "^T" : "")
                    + ", B " + b.rows + "x" + b.cols + (transB ? "^T" : "") + ", C " + m + "x" + n);
        }
        // A column-major operand is the row-major storage of its transpose.
        int ta = transA ^ a.colMajor ? CblasTrans : CblasNoTrans;
        int tb = transB ^ b.colMajor ? CblasTrans : CblasNoTrans;
        if (m == 1 && gemv) {
            // One row (a step at batch 1): c = op(B)^T a as a matrix-vector product. OpenBLAS's gemm would pack all
            // of B for it on every call, several times the cost of the product itself.
            int incA = ta == CblasNoTrans ? 1 : a.ld;
            int rowsB = tb == CblasNoTrans ? k : n;
            int colsB = tb == CblasNoTrans ? n : k;
            int tv = tb == CblasNoTrans ? CblasTrans : CblasNoTrans;
            if (c.isFloat) {
                openblas_nolapack.cblas_sgemv(CblasRowMajor, tv, rowsB, colsB, 1f, (FloatPointer) b.pointer(), b.ld,
                        (FloatPointer) a.pointer(), incA, (float) beta, (FloatPointer) c.pointer(), 1);
            } else {
                openblas_nolapack.cblas_dgemv(CblasRowMajor, tv, rowsB, colsB, 1.0, (DoublePointer) b.pointer(),
                        b.ld, (DoublePointer) a.pointer(), incA, beta, (DoublePointer) c.pointer(), 1);
            }
            return;
        }
        if (c.isFloat) {
            openblas_nolapack.cblas_sgemm(CblasRowMajor, ta, tb, m, n, k, 1f, (FloatPointer) a.pointer(), a.ld,
                    (FloatPointer) b.pointer(), b.ld, (float) beta, (FloatPointer) c.pointer(), c.ld);
        } else {
            openblas_nolapack.cblas_dgemm(CblasRowMajor, ta, tb, m, n, k, 1.0, (DoublePointer) a.pointer(), a.ld,
                    (DoublePointer) b.pointer(), b.ld, beta, (DoublePointer) c.pointer(), c.ld);
        }
    }
}
