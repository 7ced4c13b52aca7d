package org.rnnkit.core.decode;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Softmax outputs of a recurrent network turned into what a search reads. */
final class Probabilities {
    private Probabilities() {
    }

    /** Natural logs of the last time step of {@code [rows, vocabulary, time]} probabilities, as {@code [rows][vocabulary]}. */
    static double[][] logOfLastStep(INDArray probabilities) {
        long last = probabilities.size(2) - 1;
        double[][] out = probabilities.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(last))
                .castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE).toDoubleMatrix();
        for (double[] row : out) {
            for (int i = 0; i < row.length; i++) {
                row[i] = Math.log(row[i]);
            }
        }
        return out;
    }
}
