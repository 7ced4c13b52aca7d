package org.rnnkit.core.weights;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.rnnkit.core.layers.GRU;

/**
 * Keras layout: a plain-loop reference of Keras's GRU equations (both reset_after forms, gate order z, r, h) against
 * rnnkit's GRU with weights imported through {@link KerasWeights}; and Keras export/import round trips.
 */
class KerasWeightsTest {

    private static final int I = 3;
    private static final int H = 4;
    private static final int T = 5;
    private static final int B = 2;

    @BeforeAll
    static void doublePrecision() {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    }

    private static double[][] rand(Random r, int rows, int cols) {
        double[][] m = new double[rows][cols];
        for (double[] row : m) {
            for (int j = 0; j < cols; j++) {
                row[j] = r.nextDouble() * 1.6 - 0.8;
            }
        }
        return m;
    }

    private static double sigmoid(double v) {
        return 1 / (1 + Math.exp(-v));
    }

    /**
     * Keras GRU cell for one sequence. kernel [I, 3H], recurrent [H, 3H] with blocks z, r, h; bias[0] is the
     * input bias, bias[1] the recurrent one (reset_after) or unused (reset_after=False, single bias).
     */
    static double[][] kerasGru(double[][] x, double[][] kernel, double[][] rec, double[][] bias, boolean resetAfter) {
        double[] h = new double[H];
        double[][] out = new double[x.length][];
        for (int t = 0; t < x.length; t++) {
            double[] xk = new double[3 * H];
            double[] hk = new double[3 * H];
            for (int j = 0; j < 3 * H; j++) {
                xk[j] = bias[0][j];
                for (int i = 0; i < I; i++) {
                    xk[j] += x[t][i] * kernel[i][j];
                }
                if (resetAfter) {
                    hk[j] = bias[1][j];
                    for (int k = 0; k < H; k++) {
                        hk[j] += h[k] * rec[k][j];
                    }
                }
            }
            double[] z = new double[H];
            double[] r = new double[H];
            for (int j = 0; j < H; j++) {
                double zr = resetAfter ? hk[j] : 0;
                double rr = resetAfter ? hk[H + j] : 0;
                for (int k = 0; k < H && !resetAfter; k++) {
                    zr += h[k] * rec[k][j];
                    rr += h[k] * rec[k][H + j];
                }
                z[j] = sigmoid(xk[j] + zr);
                r[j] = sigmoid(xk[H + j] + rr);
            }
            double[] hNew = new double[H];
            for (int j = 0; j < H; j++) {
                double cand;
                if (resetAfter) {
                    cand = Math.tanh(xk[2 * H + j] + r[j] * hk[2 * H + j]);
                } else {
                    double s = 0;
                    for (int k = 0; k < H; k++) {
                        s += r[k] * h[k] * rec[k][2 * H + j];
                    }
                    cand = Math.tanh(xk[2 * H + j] + s);
                }
                hNew[j] = z[j] * h[j] + (1 - z[j]) * cand;
            }
            h = hNew;
            out[t] = hNew;
        }
        return out;
    }

    static MultiLayerNetwork gruNet(boolean resetAfter) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(3).dataType(DataType.DOUBLE)
                .updater(new NoOp()).list()
                .layer(new GRU.Builder().nOut(H).resetAfter(resetAfter).build())
                .layer(new RnnOutputLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY)
                        .nOut(1).build())
                .setInputType(InputType.recurrent(I)).build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void gruMatchesKerasEquations(boolean resetAfter) {
        Random r = new Random(resetAfter ? 11 : 12);
        double[][] kernel = rand(r, I, 3 * H);
        double[][] rec = rand(r, H, 3 * H);
        double[][] bias = rand(r, 2, 3 * H);
        Map<String, INDArray> tensors = new HashMap<>();
        tensors.put("kernel", Nd4j.createFromArray(kernel));
        tensors.put("recurrent_kernel", Nd4j.createFromArray(rec));
        tensors.put("bias", resetAfter ? Nd4j.createFromArray(bias) : Nd4j.createFromArray(bias[0]));
        MultiLayerNetwork net = gruNet(resetAfter);
        KerasWeights.importInto(net.getLayer(0), tensors);

        double[][][] x = new double[B][][];
        INDArray in = Nd4j.zeros(DataType.DOUBLE, B, I, T);
        for (int b = 0; b < B; b++) {
            x[b] = rand(r, T, I);
            for (int t = 0; t < T; t++) {
                for (int i = 0; i < I; i++) {
                    in.putScalar(new long[] {b, i, t}, x[b][t][i]);
                }
            }
        }
        INDArray out = net.feedForward(in, false).get(1);
        for (int b = 0; b < B; b++) {
            double[][] ref = kerasGru(x[b], kernel, rec, bias, resetAfter);
            for (int t = 0; t < T; t++) {
                for (int j = 0; j < H; j++) {
                    double d = Math.abs(ref[t][j] - out.getDouble(b, j, t));
                    assertTrue(d < 1e-10, "b=" + b + " t=" + t + " j=" + j + " diff " + d);
                }
            }
        }
        Map<String, INDArray> exported = KerasWeights.export(net.getLayer(0));
        for (String k : tensors.keySet()) {
            assertTrue(tensors.get(k).equalsWithEps(exported.get(k), 1e-12), "export " + k);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"gru", "lstm", "rnn", "gru_bi", "lstm_bi", "rnn_bi"})
    void kerasRoundTripKeepsPyTorchOutputs(String name) {
        var fx = Fixtures.load(name + ".json");
        String kind = fx.get("kind").asText();
        boolean bidi = fx.get("bidirectional").asBoolean();
        MultiLayerNetwork a = PyTorchParityTest.net(kind, bidi, 3, 4);
        MultiLayerNetwork b = PyTorchParityTest.net(kind, bidi, 3, 4);
        b.params().muli(0.5); // different parameters until the import
        PyTorchWeights.importInto(a.getLayer(0), Fixtures.tensors(fx.get("weights")));
        Map<String, INDArray> keras = KerasWeights.export(a.getLayer(0));
        KerasWeights.importInto(b.getLayer(0), keras);
        INDArray in = Fixtures.array(fx.get("input"));
        assertTrue(a.feedForward(in, false).get(1).equalsWithEps(b.feedForward(in, false).get(1), 1e-12), name);
        assertTrue(Fixtures.array(fx.get("output")).size(1) == (bidi ? 8 : 4));
    }

    @Test
    void biasFormMustMatchResetAfter() {
        Random r = new Random(5);
        Map<String, INDArray> tensors = new HashMap<>();
        tensors.put("kernel", Nd4j.createFromArray(rand(r, I, 3 * H)));
        tensors.put("recurrent_kernel", Nd4j.createFromArray(rand(r, H, 3 * H)));
        tensors.put("bias", Nd4j.createFromArray(rand(r, 1, 3 * H)[0]));
        MultiLayerNetwork net = gruNet(true);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KerasWeights.importInto(net.getLayer(0), tensors));
        assertTrue(e.getMessage().contains("'bias'") && e.getMessage().contains("[2, 12]"), e.getMessage());
    }
}
