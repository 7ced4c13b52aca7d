package org.rnnkit.core.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;
import static org.nd4j.linalg.indexing.NDArrayIndex.point;

import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.Bidirectional;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** {@link BidirectionalLastStep}: each direction's final output on padded batches, with correct gradients. */
class BidirectionalLastStepTest {
    private static final int[] LENGTHS = {5, 2, 4};

    @BeforeAll
    static void doublePrecision() {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    }

    private static MultiLayerNetwork net() {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(3).dataType(DataType.DOUBLE).updater(new NoOp()).weightInit(WeightInit.XAVIER)
                .list()
                .layer(new MaskedBidirectional(Bidirectional.Mode.CONCAT, new GRU.Builder().nOut(3).build()))
                .layer(new BidirectionalLastStep())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).activation(Activation.SOFTMAX)
                        .nOut(2).build())
                .setInputType(InputType.recurrent(2))
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    @Test
    void takesForwardAtLastRealStepAndBackwardAtFirst() {
        Random r = new Random(4);
        MultiLayerNetwork net = net();
        INDArray in = TestNets.rand(r, 3, 2, 5);
        INDArray mask = TestNets.mask(LENGTHS, 5);
        net.setLayerMaskArrays(mask, null);
        List<INDArray> acts = net.feedForward(in, false);
        INDArray sequence = acts.get(1);
        INDArray reduced = acts.get(2);
        for (int b = 0; b < LENGTHS.length; b++) {
            INDArray forward = sequence.get(point(b), interval(0, 3), point(LENGTHS[b] - 1));
            INDArray backward = sequence.get(point(b), interval(3, 6), point(0));
            assertEquals(forward, reduced.get(point(b), interval(0, 3)));
            assertEquals(backward, reduced.get(point(b), interval(3, 6)));
        }
        assertEquals(6, reduced.size(1));
    }

    @Test
    void gradientsAreCorrectWithMasks() {
        Random r = new Random(5);
        MultiLayerNetwork net = net();
        net.params().assign(TestNets.rand(r, 1, net.numParams()));
        INDArray labels = Nd4j.zeros(DataType.DOUBLE, 3, 2);
        labels.putScalar(0, 1, 1);
        labels.putScalar(1, 0, 1);
        labels.putScalar(2, 1, 1);
        assertTrue(GruGradientCheckTest.check(net, TestNets.rand(r, 3, 2, 5), labels, TestNets.mask(LENGTHS, 5), null));
    }
}
