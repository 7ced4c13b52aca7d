package org.rnnkit.core.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.rnnkit.core.SequenceModel;
import org.rnnkit.core.spec.ModelSpec;
import org.rnnkit.core.spec.Optimizer;
import org.rnnkit.datasets.BatchPlan;
import org.rnnkit.datasets.tasks.AddingProblem;

/** The gradient-norm probe against central finite differences of the loss, in double precision, on tiny nets. */
class GradientProbeTest {

    @ParameterizedTest
    @ValueSource(strings = {"simple-rnn", "lstm", "gru", "gru-reset-before", "gru-x2"})
    void matchesFiniteDifferences(String cell) {
        TaskSignature adding = new AddingBench(4).prepare(6, 3).signature();
        ModelSpec spec = CellVariants.parse(cell).spec(adding, 3, Optimizer.adam(1e-3), 7);
        SequenceModel model = SequenceModel.create(spec, DataType.DOUBLE);
        DataSet batch = AddingProblem.generate(3, 6, 11).iterator(BatchPlan.sequential(3)).next();
        INDArray x = batch.getFeatures().castTo(DataType.DOUBLE);
        INDArray y = batch.getLabels().castTo(DataType.DOUBLE);

        GradientNorms probe = GradientProbe.measure(model, new DataSet(x, y));

        long mb = x.size(0);
        int steps = (int) x.size(2);
        double eps = 1e-6;
        double[] expected = new double[steps];
        for (int t = 0; t < steps; t++) {
            double sumOfNorms = 0;
            for (int i = 0; i < mb; i++) {
                double squares = 0;
                for (int f = 0; f < x.size(1); f++) {
                    double keep = x.getDouble(i, f, t);
                    x.putScalar(new long[] {i, f, t}, keep + eps);
                    double plus = score(model, x, y);
                    x.putScalar(new long[] {i, f, t}, keep - eps);
                    double minus = score(model, x, y);
                    x.putScalar(new long[] {i, f, t}, keep);
                    // The score is the batch mean, so sequence i's own loss gradient is mb times this.
                    double g = mb * (plus - minus) / (2 * eps);
                    squares += g * g;
                }
                sumOfNorms += Math.sqrt(squares);
            }
            expected[steps - 1 - t] = sumOfNorms / mb;
        }
        for (int d = 0; d < steps; d++) {
            assertEquals(expected[d], probe.byDistance()[d], 1e-6 * Math.max(1, Math.abs(expected[d])),
                    cell + " at distance " + d);
        }
        assertTrue(probe.byDistance()[0] > 0, "the output step gets a gradient");
        assertEquals(0, probe.iterations());
    }

    private static double score(SequenceModel model, INDArray x, INDArray y) {
        return model.network().score(new DataSet(x, y), false);
    }

    static {
        Nd4j.getRandom().setSeed(1);
    }
}
