package org.rnnkit.core.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.util.Random;

import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.conf.BackpropType;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;
import org.rnnkit.core.Rnn;
import org.rnnkit.core.spec.InputSpec;

/**
 * {@link SequenceOutput} against DL4J's {@code RnnOutputLayer} on the same parameters (outputs, scores, gradients and
 * training, with and without masks, after rnnkit's and DL4J's recurrent layers), its gradient in double precision,
 * and its configuration's round trip.
 */
class SequenceOutputTest {

    @BeforeAll
    static void doublePrecision() {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    }

    /** The three heads the builder declares. */
    enum Head {
        SOFTMAX(Activation.SOFTMAX, LossFunction.MCXENT),
        SIGMOID(Activation.SIGMOID, LossFunction.XENT),
        LINEAR(Activation.IDENTITY, LossFunction.MSE);

        final Activation activation;
        final LossFunction loss;

        Head(Activation activation, LossFunction loss) {
            this.activation = activation;
            this.loss = loss;
        }

        BaseOutputLayer layer(boolean rnnkit, int nOut, RNNFormat format) {
            return rnnkit
                    ? new SequenceOutput.Builder(loss).activation(activation).nOut(nOut).dataFormat(format).build()
                    : new RnnOutputLayer.Builder(loss).activation(activation).nOut(nOut).dataFormat(format).build();
        }

        /** Labels that suit the loss: one-hot rows, 0/1 entries, or real values. */
        INDArray labels(Random r, int mb, int nOut, int steps) {
            INDArray y = Nd4j.zeros(DataType.DOUBLE, mb, nOut, steps);
            for (int i = 0; i < mb; i++) {
                for (int t = 0; t < steps; t++) {
                    int hot = r.nextInt(nOut);
                    for (int o = 0; o < nOut; o++) {
                        double v = switch (this) {
                            case SOFTMAX -> o == hot ? 1 : 0;
                            case SIGMOID -> r.nextBoolean() ? 1 : 0;
                            case LINEAR -> r.nextGaussian();
                        };
                        y.putScalar(new int[] {i, o, t}, v);
                    }
                }
            }
            return y;
        }
    }

    /** Recurrent layer then head, Adam (or no updater, for the gradient checks), optionally truncated BPTT. */
    private static MultiLayerNetwork net(Layer recurrent, BaseOutputLayer head, int nIn, RNNFormat format,
            boolean tbptt) {
        return net(recurrent, head, nIn, format, tbptt, new Adam(0.05));
    }

    private static MultiLayerNetwork net(Layer recurrent, BaseOutputLayer head, int nIn, RNNFormat format,
            boolean tbptt, IUpdater updater) {
        NeuralNetConfiguration.ListBuilder b = new NeuralNetConfiguration.Builder()
                .seed(3).dataType(DataType.DOUBLE).updater(updater).weightInit(WeightInit.XAVIER)
                .list().layer(recurrent).layer(head).setInputType(InputType.recurrent(nIn, format));
        if (tbptt) {
            b.backpropType(BackpropType.TruncatedBPTT).tBPTTForwardLength(3).tBPTTBackwardLength(3);
        }
        MultiLayerNetwork net = new MultiLayerNetwork(b.build());
        net.init();
        return net;
    }

    private static Layer gru(RNNFormat format) {
        return new GRU.Builder().nOut(5).dataFormat(format).build();
    }

    private static Layer dl4jLstm(RNNFormat format) {
        return new org.deeplearning4j.nn.conf.layers.LSTM.Builder().nOut(5).activation(Activation.TANH)
                .dataFormat(format).build();
    }

    private static void assertClose(INDArray expected, INDArray actual, String what) {
        assertEquals(0.0, expected.sub(actual).norm2Number().doubleValue() / (1e-30 + expected.norm2Number().doubleValue()),
                1e-12, what);
    }

    /**
     * Trains twin networks, one per head, on the same batches: every observable (output, score, per-example scores,
     * gradient, parameters after Adam) must agree.
     */
    private static void assertTwins(boolean rnnkitCell, Head head, RNNFormat format, boolean masked, boolean tbptt) {
        int mb = 4;
        int nIn = 3;
        int nOut = 4;
        int steps = 6;
        MultiLayerNetwork dl4j = net(rnnkitCell ? gru(format) : dl4jLstm(format), head.layer(false, nOut, format),
                nIn, format, tbptt);
        MultiLayerNetwork ours = net(rnnkitCell ? gru(format) : dl4jLstm(format), head.layer(true, nOut, format),
                nIn, format, tbptt);
        assertInstanceOf(SequenceOutputLayer.class, ours.getOutputLayer());
        ours.setParams(dl4j.params().dup());

        Random r = new Random(7);
        INDArray x = TestNets.rand(r, mb, nIn, steps);
        INDArray y = head.labels(r, mb, nOut, steps);
        INDArray mask = masked ? TestNets.mask(new int[] {6, 4, 1, 5}, steps) : null;
        if (format == RNNFormat.NWC) {
            x = x.permute(0, 2, 1).dup();
            y = y.permute(0, 2, 1).dup();
        }
        DataSet ds = new DataSet(x, y, mask, mask);

        assertClose(dl4j.output(x, false, mask, null), ours.output(x, false, mask, null), "output");
        assertEquals(dl4j.score(ds), ours.score(ds), 1e-12, "score");
        assertClose(dl4j.scoreExamples(ds, false), ours.scoreExamples(ds, false), "per-example scores");

        dl4j.setInput(x);
        dl4j.setLabels(y);
        dl4j.setLayerMaskArrays(mask, mask);
        ours.setInput(x);
        ours.setLabels(y);
        ours.setLayerMaskArrays(mask, mask);
        dl4j.computeGradientAndScore();
        ours.computeGradientAndScore();
        assertEquals(dl4j.score(), ours.score(), 1e-12, "training score");
        assertClose(dl4j.gradient().gradient(), ours.gradient().gradient(), "gradient");

        for (int i = 0; i < 3; i++) {
            dl4j.fit(ds);
            ours.fit(ds);
            assertEquals(dl4j.score(), ours.score(), 1e-12, "score of fit " + i);
        }
        assertClose(dl4j.params(), ours.params(), "parameters after training");
    }

    @ParameterizedTest
    @EnumSource(Head.class)
    void matchesDl4jAfterRnnkitLayer(Head head) {
        assertTwins(true, head, RNNFormat.NCW, false, false);
        assertTwins(true, head, RNNFormat.NCW, true, false);
    }

    @ParameterizedTest
    @EnumSource(Head.class)
    void matchesDl4jAfterDl4jLayer(Head head) {
        assertTwins(false, head, RNNFormat.NCW, true, false);
    }

    @Test
    void matchesDl4jInTimeMajorLayout() {
        assertTwins(true, Head.SOFTMAX, RNNFormat.NWC, true, false);
        assertTwins(false, Head.LINEAR, RNNFormat.NWC, false, false);
    }

    @Test
    void takesItsLayoutFromTheInputTypeUnlessTold() {
        MultiLayerNetwork dl4j = net(gru(RNNFormat.NWC), new RnnOutputLayer.Builder(LossFunction.MSE)
                .activation(Activation.IDENTITY).nOut(2).build(), 3, RNNFormat.NWC, false);
        MultiLayerNetwork ours = net(gru(RNNFormat.NWC), new SequenceOutput.Builder(LossFunction.MSE)
                .activation(Activation.IDENTITY).nOut(2).build(), 3, RNNFormat.NWC, false);
        assertEquals(RNNFormat.NWC, ((SequenceOutput) ours.getLayerWiseConfigurations().getConf(1).getLayer())
                .getRnnDataFormat());
        ours.setParams(dl4j.params().dup());
        INDArray x = TestNets.rand(new Random(4), 2, 5, 3);
        assertClose(dl4j.output(x), ours.output(x), "output");
        assertEquals(RNNFormat.NCW, ((SequenceOutput) net(gru(RNNFormat.NCW), Head.LINEAR.layer(true, 2,
                RNNFormat.NCW), 3, RNNFormat.NCW, false).getLayerWiseConfigurations().getConf(1).getLayer())
                .getRnnDataFormat());
    }

    @Test
    void matchesDl4jUnderTruncatedBptt() {
        assertTwins(true, Head.LINEAR, RNNFormat.NCW, false, true);
        assertTwins(true, Head.SOFTMAX, RNNFormat.NCW, true, true);
    }

    @ParameterizedTest
    @EnumSource(Head.class)
    void gradientIsRightInDoublePrecision(Head head) {
        Random r = new Random(11);
        MultiLayerNetwork net = net(gru(RNNFormat.NCW), head.layer(true, 3, RNNFormat.NCW), 2, RNNFormat.NCW, false,
                new NoOp());
        net.params().assign(TestNets.rand(r, 1, net.numParams()));
        INDArray mask = TestNets.mask(new int[] {5, 2, 4}, 5);
        assertTrue(GruGradientCheckTest.check(net, TestNets.rand(r, 3, 2, 5), head.labels(r, 3, 3, 5), mask, mask));
    }

    @Test
    void perOutputMaskMatchesDl4j() {
        Random r = new Random(5);
        MultiLayerNetwork dl4j = net(gru(RNNFormat.NCW), Head.LINEAR.layer(false, 2, RNNFormat.NCW), 3,
                RNNFormat.NCW, false);
        MultiLayerNetwork ours = net(gru(RNNFormat.NCW), Head.LINEAR.layer(true, 2, RNNFormat.NCW), 3,
                RNNFormat.NCW, false);
        ours.setParams(dl4j.params().dup());
        INDArray perOutput = Nd4j.create(DataType.DOUBLE, 3, 2, 4).assign(1);
        perOutput.putScalar(new int[] {0, 1, 2}, 0);
        perOutput.putScalar(new int[] {2, 0, 0}, 0);
        DataSet ds = new DataSet(TestNets.rand(r, 3, 3, 4), TestNets.rand(r, 3, 2, 4), null, perOutput);
        assertEquals(dl4j.score(ds), ours.score(ds), 1e-12);
        dl4j.fit(ds);
        ours.fit(ds);
        assertClose(dl4j.params(), ours.params(), "parameters after training");
        MultiLayerNetwork checked = net(gru(RNNFormat.NCW), Head.LINEAR.layer(true, 2, RNNFormat.NCW), 3,
                RNNFormat.NCW, false, new NoOp());
        checked.setParams(ours.params().dup());
        assertTrue(GruGradientCheckTest.check(checked, ds.getFeatures(), ds.getLabels(), null, perOutput));
    }

    @Test
    void configurationAndModelRoundTrip(@TempDir Path dir) throws Exception {
        MultiLayerNetwork net = net(gru(RNNFormat.NCW), Head.SOFTMAX.layer(true, 3, RNNFormat.NCW), 2,
                RNNFormat.NCW, false);
        MultiLayerConfiguration back = MultiLayerConfiguration.fromJson(net.getLayerWiseConfigurations().toJson());
        assertEquals(net.getLayerWiseConfigurations(), back);
        assertInstanceOf(SequenceOutput.class, back.getConf(1).getLayer());

        File file = dir.resolve("net.zip").toFile();
        ModelSerializer.writeModel(net, file, true);
        MultiLayerNetwork loaded = MultiLayerNetwork.load(file, true);
        INDArray x = TestNets.rand(new Random(2), 2, 2, 4);
        assertEquals(net.output(x), loaded.output(x));
        assertInstanceOf(SequenceOutputLayer.class, loaded.getOutputLayer());
    }

    @Test
    void builderDeclaresSequenceHeadsWithIt() {
        MultiLayerNetwork net = Rnn.sequence(InputSpec.features(3)).gru(4).regression(2).seed(1).build().network();
        assertInstanceOf(SequenceOutput.class, net.getLayerWiseConfigurations().getConf(1).getLayer());
    }
}
