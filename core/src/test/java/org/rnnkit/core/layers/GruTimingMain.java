package org.rnnkit.core.layers;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * First timing of one training step (forward + backward + Adam) of rnnkit's GRU against DL4J's LSTM of the same
 * size, in one process after warm-up. Not a unit test; run with
 * {@code OMP_NUM_THREADS=1 java -cp <test classpath> org.rnnkit.core.layers.GruTimingMain [batch T nIn H iters]}.
 */
public final class GruTimingMain {

    private GruTimingMain() {
    }

    private static MultiLayerNetwork net(Layer recurrent, int nIn, int h) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(1).dataType(DataType.FLOAT)
                .updater(new Adam(1e-3)).list()
                .layer(recurrent)
                .layer(new RnnOutputLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY)
                        .nOut(1).build())
                .setInputType(InputType.recurrent(nIn)).build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    private static double msPerStep(MultiLayerNetwork net, DataSet ds, int iters) {
        long t0 = System.nanoTime();
        for (int i = 0; i < iters; i++) {
            net.fit(ds);
        }
        return (System.nanoTime() - t0) / 1e6 / iters;
    }

    public static void main(String[] args) {
        int batch = args.length > 0 ? Integer.parseInt(args[0]) : 32;
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int nIn = args.length > 2 ? Integer.parseInt(args[2]) : 32;
        int h = args.length > 3 ? Integer.parseInt(args[3]) : 64;
        int iters = args.length > 4 ? Integer.parseInt(args[4]) : 30;
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
        Nd4j.getRandom().setSeed(1);
        DataSet ds = new DataSet(Nd4j.rand(DataType.FLOAT, batch, nIn, steps),
                Nd4j.rand(DataType.FLOAT, batch, 1, steps));
        MultiLayerNetwork gru = net(new GRU.Builder().nOut(h).build(), nIn, h);
        MultiLayerNetwork gruBefore = net(new GRU.Builder().nOut(h).resetAfter(false).build(), nIn, h);
        MultiLayerNetwork lstm = net(new LSTM.Builder().nOut(h).activation(Activation.TANH).build(), nIn, h);
        for (MultiLayerNetwork n : new MultiLayerNetwork[] {gru, gruBefore, lstm}) {
            msPerStep(n, ds, 5);
        }
        double g = 0;
        double gb = 0;
        double l = 0;
        // Interleaved rounds so that drift in machine load hits all three alike.
        for (int round = 0; round < 3; round++) {
            g += msPerStep(gru, ds, iters);
            gb += msPerStep(gruBefore, ds, iters);
            l += msPerStep(lstm, ds, iters);
        }
        System.out.printf("batch=%d T=%d nIn=%d H=%d, %d x %d training steps each, OMP_NUM_THREADS=%s%n", batch,
                steps, nIn, h, 3, iters, System.getenv("OMP_NUM_THREADS"));
        System.out.printf("GRU (resetAfter=true)  %.2f ms/step%n", g / 3);
        System.out.printf("GRU (resetAfter=false) %.2f ms/step%n", gb / 3);
        System.out.printf("DL4J LSTM              %.2f ms/step%n", l / 3);
        System.out.printf("ratio GRU/LSTM: %.3f (resetAfter=true), %.3f (resetAfter=false)%n", g / l, gb / l);
    }
}
