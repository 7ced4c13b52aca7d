package org.rnnkit.core.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * {@link RecurrentCell#isInitialStateFromInput()}: the first step's last {@code nOut} input features are the initial
 * state, in forward passes, step-wise and in the gradient (checked numerically in double precision through a layer
 * in front, so the gradient that reaches those features is checked too).
 */
class InitialStateFromInputTest {
    private static final int IN = 3;
    private static final int H = 4;

    @BeforeAll
    static void doublePrecision() {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    }

    /** {@code front} (nOut IN + H) feeds {@code cell} (nOut H, state from input), then an identity MSE output. */
    private static MultiLayerNetwork net(Layer front, RecurrentCell cell, long seed) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(seed).dataType(DataType.DOUBLE).updater(new NoOp()).weightInit(WeightInit.XAVIER)
                .list()
                .layer(front)
                .layer(cell)
                .layer(new RnnOutputLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY)
                        .nOut(2).build())
                .setInputType(InputType.recurrent(IN))
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        net.params().assign(TestNets.rand(new Random(seed), 1, net.numParams()));
        return net;
    }

    @Test
    void gruGradientsReachTheInitialState() {
        MultiLayerNetwork net = net(new SimpleRnn.Builder().nOut(IN + H).build(),
                new GRU.Builder().nOut(H).initialStateFromInput(true).build(), 3);
        Random r = new Random(4);
        INDArray mask = TestNets.mask(new int[] {5, 2, 1}, 5);
        assertTrue(GruGradientCheckTest.check(net, TestNets.rand(r, 3, IN, 5), TestNets.rand(r, 3, 2, 5), mask, mask));
    }

    @Test
    void lstmGradientsReachTheInitialState() {
        MultiLayerNetwork net = net(new SimpleRnn.Builder().nOut(IN + H).build(),
                new LSTM.Builder().nOut(H).initialStateFromInput(true).build(), 5);
        Random r = new Random(6);
        assertTrue(GruGradientCheckTest.check(net, TestNets.rand(r, 2, IN, 4), TestNets.rand(r, 2, 2, 4), null, null));
    }

    /** The state read from the input is what rnnTimeStep starts from after a clear, and nothing else. */
    @Test
    void stepwiseStartsFromTheInputThenCarriesItsOwnState() {
        MultiLayerNetwork net = TestNets.withOutput(new GRU.Builder().nOut(H).initialStateFromInput(true).build(),
                IN + H, 2, 7);
        Random r = new Random(8);
        INDArray x = TestNets.rand(r, 2, IN + H, 6);
        INDArray whole = net.output(x);
        net.rnnClearPreviousState();
        for (int t = 0; t < 6; t++) {
            INDArray step = net.rnnTimeStep(x.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(t, t + 1)));
            INDArray expected = whole.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(t, t + 1));
            assertEquals(0, expected.sub(step).amaxNumber().doubleValue(), 1e-12, "step " + t);
        }
        // A different initial state (last H features of step 0 only) changes the output; later steps' do not count.
        INDArray other = x.dup();
        other.get(NDArrayIndex.all(), NDArrayIndex.interval(IN, IN + H), NDArrayIndex.point(0)).addi(0.5);
        assertTrue(net.output(other).sub(whole).amaxNumber().doubleValue() > 1e-3);
    }

    @Test
    void refusesAnInputNarrowerThanTheState() {
        assertThrows(IllegalStateException.class, () -> TestNets.withOutput(
                new GRU.Builder().nOut(H).initialStateFromInput(true).build(), H - 1, 2, 9));
    }
}
