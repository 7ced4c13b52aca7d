package org.rnnkit.core.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;
import static org.nd4j.linalg.indexing.NDArrayIndex.point;

import java.util.Random;
import java.util.stream.Stream;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.recurrent.Bidirectional.Mode;
import org.deeplearning4j.nn.conf.layers.recurrent.SimpleRnn;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** {@link MaskedBidirectional}: padding-independence and numerical gradient checks. */
class MaskedBidirectionalTest {

    @BeforeAll
    static void doublePrecision() {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    }

    static Layer cell(String kind) {
        return switch (kind) {
            case "gru" -> new GRU.Builder().nOut(3).build();
            case "gru-before" -> new GRU.Builder().nOut(3).resetAfter(false).build();
            case "lstm" -> new LSTM.Builder().nOut(3).activation(Activation.TANH).build();
            case "rnn" -> new SimpleRnn.Builder().nOut(3).activation(Activation.TANH).build();
            case "rnnkit-lstm" -> new org.rnnkit.core.layers.LSTM.Builder().nOut(3).build();
            case "rnnkit-rnn" -> new org.rnnkit.core.layers.SimpleRnn.Builder().nOut(3).build();
            default -> throw new IllegalArgumentException(kind);
        };
    }

    static Stream<Arguments> allCombinations() {
        Stream.Builder<Arguments> b = Stream.builder();
        for (String k : new String[] {"rnn", "lstm", "gru", "gru-before", "rnnkit-lstm", "rnnkit-rnn"}) {
            for (Mode m : Mode.values()) {
                b.add(Arguments.of(k, m));
            }
        }
        return b.build();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("allCombinations")
    void paddedBatchWithJunkEqualsEachSequenceAlone(String kind, Mode mode) {
        Random r = new Random(7);
        int nIn = 2;
        int steps = 6;
        int[] lengths = {6, 4, 2};
        MultiLayerNetwork net = TestNets.withOutput(new MaskedBidirectional(mode, cell(kind)), nIn, 2, 5);
        net.params().assign(TestNets.rand(r, 1, net.numParams()));
        INDArray in = TestNets.rand(r, lengths.length, nIn, steps).muli(3); // junk everywhere, incl. padding
        INDArray mask = TestNets.mask(lengths, steps);
        INDArray batch = net.feedForward(in, mask, null).get(1);
        for (int b = 0; b < lengths.length; b++) {
            INDArray alone = in.get(interval(b, b + 1), all(), interval(0, lengths[b])).dup();
            INDArray expected = net.feedForward(alone, null, null).get(1);
            INDArray actual = batch.get(interval(b, b + 1), all(), interval(0, lengths[b]));
            assertTrue(expected.equalsWithEps(actual, 1e-10),
                    kind + " " + mode + " sequence " + b + ": " + expected + " vs " + actual);
            if (lengths[b] < steps) {
                INDArray pad = batch.get(point(b), all(), interval(lengths[b], steps));
                assertEquals(0.0, pad.amaxNumber().doubleValue(), 0.0, "padding output must be 0");
            }
        }
    }

    static Stream<Arguments> gradientCases() {
        return Stream.of(Arguments.of("gru", Mode.CONCAT), Arguments.of("gru", Mode.ADD),
                Arguments.of("gru", Mode.MUL), Arguments.of("gru", Mode.AVERAGE),
                Arguments.of("gru-before", Mode.CONCAT), Arguments.of("lstm", Mode.CONCAT),
                Arguments.of("lstm", Mode.ADD), Arguments.of("rnn", Mode.CONCAT), Arguments.of("rnn", Mode.MUL),
                Arguments.of("rnnkit-lstm", Mode.CONCAT), Arguments.of("rnnkit-lstm", Mode.MUL),
                Arguments.of("rnnkit-rnn", Mode.CONCAT), Arguments.of("rnnkit-rnn", Mode.ADD));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("gradientCases")
    void gradientsWithVariableLengths(String kind, Mode mode) {
        Random r = new Random(3);
        MultiLayerNetwork net = TestNets.withOutput(new MaskedBidirectional(mode, cell(kind)), 2, 2, 9);
        net.params().assign(TestNets.rand(r, 1, net.numParams()));
        INDArray mask = TestNets.mask(new int[] {4, 2, 3}, 4);
        assertTrue(GruGradientCheckTest.check(net, TestNets.rand(r, 3, 2, 4), TestNets.rand(r, 3, 2, 4), mask,
                mask), kind + " " + mode);
    }

    @Test
    void underLastTimeStepInBothNetworkKinds() {
        Random r = new Random(11);
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(2).dataType(DataType.DOUBLE)
                .updater(new NoOp()).list()
                .layer(new LastTimeStep(new MaskedBidirectional(Mode.CONCAT, cell("gru"))))
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY)
                        .nOut(2).build())
                .setInputType(InputType.recurrent(2)).build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        net.params().assign(TestNets.rand(r, 1, net.numParams()));
        int[] lengths = {5, 2, 4};
        INDArray in = TestNets.rand(r, 3, 2, 5);
        INDArray mask = TestNets.mask(lengths, 5);
        INDArray batch = net.output(in, false, mask, null);
        for (int b = 0; b < 3; b++) {
            INDArray alone = net.output(in.get(interval(b, b + 1), all(), interval(0, lengths[b])).dup());
            assertTrue(alone.equalsWithEps(batch.get(interval(b, b + 1), all()), 1e-10), "sequence " + b);
        }
        assertTrue(GruGradientCheckTest.check(net, in, TestNets.rand(r, 3, 2), mask, null));

        ComputationGraphConfiguration gc = new NeuralNetConfiguration.Builder().seed(2).dataType(DataType.DOUBLE)
                .updater(new NoOp()).graphBuilder().addInputs("in")
                .addLayer("bi", new LastTimeStep(new MaskedBidirectional(Mode.CONCAT, cell("gru"))), "in")
                .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MSE)
                        .activation(Activation.IDENTITY).nOut(2).build(), "bi")
                .setOutputs("out").setInputTypes(InputType.recurrent(2)).build();
        ComputationGraph graph = new ComputationGraph(ComputationGraphConfiguration.fromJson(gc.toJson()));
        graph.init(net.params().dup(), false);
        INDArray g = graph.output(false, new INDArray[] {in}, new INDArray[] {mask}, null)[0];
        assertTrue(g.equalsWithEps(batch, 1e-12));
    }

    @Test
    void nwcFormatEqualsNcw() {
        Random r = new Random(13);
        MultiLayerNetwork ncw = TestNets.withOutput(new MaskedBidirectional(Mode.CONCAT, cell("gru")), 2, 2, 4);
        ncw.params().assign(TestNets.rand(r, 1, ncw.numParams()));
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(4).dataType(DataType.DOUBLE)
                .updater(new NoOp()).list()
                .layer(new MaskedBidirectional(Mode.CONCAT,
                        new GRU.Builder().nOut(3).dataFormat(org.deeplearning4j.nn.conf.RNNFormat.NWC).build()))
                .layer(new org.deeplearning4j.nn.conf.layers.RnnOutputLayer.Builder(LossFunctions.LossFunction.MSE)
                        .activation(Activation.IDENTITY).dataFormat(org.deeplearning4j.nn.conf.RNNFormat.NWC)
                        .nOut(2).build())
                .setInputType(InputType.recurrent(2, org.deeplearning4j.nn.conf.RNNFormat.NWC)).build();
        MultiLayerNetwork nwc = new MultiLayerNetwork(conf);
        nwc.init();
        nwc.params().assign(ncw.params());
        INDArray in = TestNets.rand(r, 3, 2, 5);
        INDArray mask = TestNets.mask(new int[] {5, 3, 1}, 5);
        INDArray a = ncw.output(in, false, mask, null);
        INDArray b = nwc.output(in.permute(0, 2, 1).dup(), false, mask, null);
        assertTrue(a.permute(0, 2, 1).equalsWithEps(b, 1e-12));
        assertTrue(GruGradientCheckTest.check(nwc, in.permute(0, 2, 1).dup(), TestNets.rand(r, 3, 5, 2), mask, mask));
    }

    @Test
    void rnnTimeStepIsRejectedWithAClearMessage() {
        MultiLayerNetwork net = TestNets.withOutput(new MaskedBidirectional(Mode.CONCAT, cell("gru")), 2, 2, 1);
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> net.rnnTimeStep(Nd4j.rand(DataType.DOUBLE, 1, 2, 3)));
        assertTrue(e.getMessage().contains("rnnTimeStep"), e.getMessage());
    }
}
