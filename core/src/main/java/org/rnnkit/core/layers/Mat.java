package org.rnnkit.core.layers;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A matrix as BLAS sees it: native memory, element offset, shape, leading dimension and storage order. Taking rows
 * or columns of a {@code Mat} is plain arithmetic, where an INDArray view costs tens of microseconds per call, more
 * than a recurrent step's whole matrix product at small sizes.
 */
final class Mat {
    final Pointer base;
    final boolean isFloat;
    final long offset;
    final int rows;
    final int cols;
    final int ld;
    final boolean colMajor;

    private Mat(Pointer base, boolean isFloat, long offset, int rows, int cols, int ld, boolean colMajor) {
        this.base = base;
        this.isFloat = isFloat;
        this.offset = offset;
        this.rows = rows;
        this.cols = cols;
        this.ld = ld;
        this.colMajor = colMajor;
    }

    /** The 2-d array {@code a} (c-contiguous rows or f-contiguous columns, possibly a view). */
    static Mat of(INDArray a) {
        if (a.rank() != 2) {
            throw new IllegalArgumentException("Mat needs a matrix, got " + a.shapeInfoToString());
        }
        int rows = (int) a.size(0);
        int cols = (int) a.size(1);
        long s0 = a.stride(0);
        long s1 = a.stride(1);
        boolean isFloat = a.dataType() == DataType.FLOAT;
        if (!isFloat && a.dataType() != DataType.DOUBLE) {
            throw new IllegalArgumentException("rnnkit recurrent layers run in FLOAT or DOUBLE, not " + a.dataType());
        }
        // The data buffer's address pointer already points at the view's first element.
        Pointer p = a.data().addressPointer();
        if (s1 == 1 && (rows == 1 || s0 >= cols)) {
            return new Mat(p, isFloat, 0, rows, cols, (int) (rows == 1 ? cols : s0), false);
        }
        if (s0 == 1 && (cols == 1 || s1 >= rows)) {
            return new Mat(p, isFloat, 0, rows, cols, (int) (cols == 1 ? rows : s1), true);
        }
        if (cols == 1 && s0 >= 1) {
            return new Mat(p, isFloat, 0, rows, cols, (int) s0, false);
        }
        if (rows == 1 && s1 >= 1) {
            return new Mat(p, isFloat, 0, rows, cols, (int) s1, true);
        }
        throw new IllegalArgumentException("Mat needs unit stride along one axis, got " + a.shapeInfoToString());
    }

    /** A c-contiguous array of any rank seen as a matrix {@code [length / cols, cols]}. */
    static Mat rowsOf(INDArray a, int cols) {
        if (a.ordering() != 'c' || a.elementWiseStride() != 1) {
            throw new IllegalArgumentException("Mat.rowsOf needs a c-contiguous array, got " + a.shapeInfoToString());
        }
        return new Mat(a.data().addressPointer(), a.dataType() == DataType.FLOAT, 0, (int) (a.length() / cols), cols,
                cols, false);
    }

    /** Rows {@code [from, from + n)} (row-major matrices only). */
    Mat rows(int from, int n) {
        if (colMajor) {
            throw new IllegalStateException("rows() of a column-major matrix");
        }
        return new Mat(base, isFloat, offset + (long) from * ld, n, cols, ld, false);
    }

    /** Columns {@code [from, from + n)}. */
    Mat cols(int from, int n) {
        long start = colMajor ? (long) from * ld : from;
        return new Mat(base, isFloat, offset + start, rows, n, ld, colMajor);
    }

    /** A pointer to the first element, positioned for a native call. */
    Pointer pointer() {
        return isFloat ? new FloatPointer(base).position(offset) : new DoublePointer(base).position(offset);
    }
}
