package org.rnnkit.core.layers;

import java.util.Random;

import org.deeplearning4j.nn.conf.BackpropType;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** Small helpers shared by the layer tests. */
final class TestNets {
    private TestNets() {
    }

    /** A double-precision net: the given recurrent layer followed by an identity MSE RnnOutputLayer. */
    static MultiLayerNetwork withOutput(Layer recurrent, int nIn, int nOut, long seed) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(seed).dataType(DataType.DOUBLE).updater(new NoOp())
                .weightInit(WeightInit.XAVIER)
                .list()
                .layer(recurrent)
                .layer(new RnnOutputLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY)
                        .nOut(nOut).build())
                .setInputType(InputType.recurrent(nIn))
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    /**
     * The net of the TBPTT tests: {@code recurrent} then an identity MSE output, Adam 0.02, seed 5, one input,
     * truncated BPTT in segments of 5 steps forward and backward.
     */
    static MultiLayerNetwork truncatedBptt(Layer recurrent) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(5).dataType(DataType.DOUBLE)
                .updater(new Adam(0.02)).list()
                .layer(recurrent)
                .layer(new RnnOutputLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY)
                        .nOut(1).build())
                .setInputType(InputType.recurrent(1))
                .backpropType(BackpropType.TruncatedBPTT).tBPTTForwardLength(5).tBPTTBackwardLength(5).build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    static INDArray rand(Random r, long... shape) {
        INDArray a = Nd4j.create(DataType.DOUBLE, shape);
        double[] d = new double[(int) a.length()];
        for (int i = 0; i < d.length; i++) {
            d[i] = r.nextDouble() * 2 - 1;
        }
        return Nd4j.create(d, shape, 'c').castTo(DataType.DOUBLE);
    }

    /**
     * The TBPTT memory task: 8 random sequences of 20 steps, each target the sum of the input's last {@code window}
     * steps, which a network only learns if its state is carried across segment boundaries.
     */
    static DataSet runningSum(int window) {
        INDArray x = rand(new Random(9), 8, 1, 20);
        INDArray y = x.dup();
        for (int lag = 1; lag < window; lag++) {
            y.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(lag, 20))
                    .addi(x.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(0, 20 - lag)));
        }
        return new DataSet(x, y);
    }

    /** Right-padding mask [mb, T] with the given lengths. */
    static INDArray mask(int[] lengths, int steps) {
        INDArray m = Nd4j.zeros(DataType.DOUBLE, lengths.length, steps);
        for (int b = 0; b < lengths.length; b++) {
            for (int t = 0; t < lengths[b]; t++) {
                m.putScalar(b, t, 1.0);
            }
        }
        return m;
    }
}
