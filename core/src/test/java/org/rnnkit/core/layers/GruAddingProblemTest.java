package org.rnnkit.core.layers;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * A two-layer GRU learns the adding problem (Hochreiter &amp; Schmidhuber 1997; T = 100): predicting the constant
 * 1 (the mean) gives MSE 1/6 = 0.167, so a clearly lower MSE means the GRU carries two values across up to 100 steps.
 */
class GruAddingProblemTest {

    private static final int STEPS = 100;

    @BeforeAll
    static void floatPrecision() {
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
    }

    /** Inputs [n, 2, T]: channel 0 values U(0,1), channel 1 marks one step in each half; label = marked sum. */
    static DataSet addingBatch(Random r, int n) {
        float[] x = new float[n * 2 * STEPS];
        float[] y = new float[n];
        for (int b = 0; b < n; b++) {
            int first = r.nextInt(STEPS / 2);
            int second = STEPS / 2 + r.nextInt(STEPS / 2);
            for (int t = 0; t < STEPS; t++) {
                float v = r.nextFloat();
                x[(b * 2) * STEPS + t] = v;
                if (t == first || t == second) {
                    x[(b * 2 + 1) * STEPS + t] = 1f;
                    y[b] += v;
                }
            }
        }
        return new DataSet(Nd4j.create(x, new long[] {n, 2, STEPS}, 'c'), Nd4j.create(y, new long[] {n, 1}, 'c'));
    }

    @Test
    void twoLayerGruLearnsTheAddingProblem() {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(42).dataType(DataType.FLOAT)
                .updater(new Adam(0.01)).weightInit(WeightInit.XAVIER).list()
                .layer(new GRU.Builder().nOut(16).build())
                .layer(new LastTimeStep(new GRU.Builder().nOut(16).build()))
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY)
                        .nOut(1).build())
                .setInputType(InputType.recurrent(2)).build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        Random r = new Random(123);
        DataSet test = addingBatch(new Random(7), 500);
        double mse = Double.NaN;
        long t0 = System.nanoTime();
        int it = 0;
        for (; it < 1500; it++) {
            net.fit(addingBatch(r, 32));
            if ((it + 1) % 25 == 0) {
                mse = mse(net, test);
                System.out.printf("adding problem: iteration %d, test MSE %.4f, %.1f s%n", it + 1, mse,
                        (System.nanoTime() - t0) / 1e9);
                if (mse < 0.02) {
                    break;
                }
            }
        }
        assertTrue(mse < 0.05, "test MSE " + mse + " after " + it + " iterations (baseline 0.167)");
    }

    private static double mse(MultiLayerNetwork net, DataSet test) {
        INDArray diff = net.output(test.getFeatures()).sub(test.getLabels());
        return diff.mul(diff).meanNumber().doubleValue();
    }
}
