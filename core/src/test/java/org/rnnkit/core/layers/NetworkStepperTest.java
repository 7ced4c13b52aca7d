package org.rnnkit.core.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.function.Consumer;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.rnnkit.core.Rnn;
import org.rnnkit.core.builder.NetworkCompiler;
import org.rnnkit.core.builder.RecurrentOptions;
import org.rnnkit.core.builder.SequenceBuilder;
import org.rnnkit.core.spec.InputSpec;
import org.rnnkit.core.spec.ModelSpec;

/** The lean stepper computes what {@code rnnTimeStep} computes, step after step, for every cell and both types. */
class NetworkStepperTest {

    private static final int VOCAB = 7;

    private static MultiLayerNetwork network(String cell, boolean tokens, DataType dt) {
        SequenceBuilder b = tokens ? Rnn.sequence(InputSpec.tokens(VOCAB)).embedding(4)
                : Rnn.sequence(InputSpec.features(VOCAB));
        Consumer<RecurrentOptions> two = o -> o.layers(2);
        switch (cell) {
            case "lstm" -> b.lstm(8, two);
            case "gru" -> b.gru(8, two);
            case "gru-reset-before" -> b.gru(8, o -> o.layers(2).resetAfter(false));
            case "simplernn" -> b.simpleRnn(8, two);
            default -> throw new IllegalArgumentException(cell);
        }
        ModelSpec spec = b.softmax(VOCAB).seed(3).spec();
        MultiLayerNetwork net = new MultiLayerNetwork(NetworkCompiler.configuration(spec, dt));
        net.init();
        // Non-zero biases everywhere, so that a bias read from the wrong place shows.
        net.params().addi(Nd4j.rand(dt, net.params().shape()).subi(0.5).muli(0.2));
        return net;
    }

    @ParameterizedTest
    @CsvSource({"lstm,true,FLOAT", "lstm,true,DOUBLE", "gru,true,FLOAT", "gru,true,DOUBLE",
            "gru-reset-before,true,DOUBLE", "simplernn,true,DOUBLE", "lstm,false,DOUBLE", "gru,false,FLOAT"})
    void stepsAsRnnTimeStep(String cell, boolean tokens, DataType dt) {
        MultiLayerNetwork net = network(cell, tokens, dt);
        NetworkStepper stepper = NetworkStepper.of(net).orElseThrow();
        assertEquals(tokens, stepper.embedsTokens());
        double tolerance = dt == DataType.FLOAT ? 1e-5 : 1e-10;
        int rows = 3;
        Random random = new Random(11);
        NetworkStepper.State state = stepper.zeroState(rows);
        net.rnnClearPreviousState();
        for (int step = 0; step < 6; step++) {
            int[] fed = new int[rows];
            INDArray x = Nd4j.zeros(dt, rows, tokens ? 1 : VOCAB, 1);
            for (int r = 0; r < rows; r++) {
                fed[r] = random.nextInt(VOCAB);
                x.putScalar(tokens ? new long[] {r, 0, 0} : new long[] {r, fed[r], 0}, tokens ? fed[r] : 1);
            }
            INDArray expected = net.rnnTimeStep(x);
            NetworkStepper.Result result = stepper.step(state, fed);
            for (int r = 0; r < rows; r++) {
                double[] want = expected.get(org.nd4j.linalg.indexing.NDArrayIndex.point(r),
                        org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.point(0))
                        .castTo(DataType.DOUBLE).toDoubleVector();
                assertArrayEquals(want, result.probabilities()[r], tolerance, cell + " step " + step + " row " + r);
            }
            state = result.next();
        }
    }

    @Test
    void selectedRowsStepAsTheRowsTheyCameFrom() {
        MultiLayerNetwork net = network("lstm", true, DataType.DOUBLE);
        NetworkStepper stepper = NetworkStepper.of(net).orElseThrow();
        NetworkStepper.State two = stepper.step(stepper.zeroState(2), new int[] {1, 5}).next();
        NetworkStepper.Result picked = stepper.step(two.select(new int[] {1, 1, 0}), new int[] {2, 2, 3});
        NetworkStepper.Result alone = stepper.step(stepper.step(stepper.zeroState(1), new int[] {5}).next(),
                new int[] {2});
        assertEquals(3, picked.next().rows());
        assertArrayEquals(alone.probabilities()[0], picked.probabilities()[0], 1e-12);
        assertArrayEquals(alone.probabilities()[0], picked.probabilities()[1], 1e-12);
        NetworkStepper.State joined = NetworkStepper.State.concat(java.util.List.of(two, stepper.zeroState(1)));
        assertEquals(3, joined.rows());
        assertArrayEquals(stepper.step(joined, new int[] {0, 0, 0}).probabilities()[2],
                stepper.step(stepper.zeroState(1), new int[] {0}).probabilities()[0], 1e-12);
    }

    @Test
    void declinesNetworksWithLayersItDoesNotCompute() {
        MultiLayerNetwork dl4j = new MultiLayerNetwork(new org.deeplearning4j.nn.conf.NeuralNetConfiguration.Builder()
                .list()
                .layer(new org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer.Builder().nIn(VOCAB).nOut(4)
                        .build())
                .layer(new org.deeplearning4j.nn.conf.layers.LSTM.Builder().nIn(4).nOut(8).build())
                .layer(new org.deeplearning4j.nn.conf.layers.RnnOutputLayer.Builder().nIn(8).nOut(VOCAB)
                        .activation(org.nd4j.linalg.activations.Activation.SOFTMAX).build())
                .build());
        dl4j.init();
        assertTrue(NetworkStepper.of(dl4j).isEmpty(), "DL4J's own LSTM is stepped by rnnTimeStep");
    }

    @Test
    void declinesCellsThatTakeTheirInitialStateFromTheInput() {
        // Its zero state would miss the state such a cell reads from its first input step.
        assertTrue(NetworkStepper.of(gruNetwork(false)).isPresent(), "the same network without the flag is stepped");
        assertTrue(NetworkStepper.of(gruNetwork(true)).isEmpty(), "such a cell is stepped by rnnTimeStep");
    }

    private static MultiLayerNetwork gruNetwork(boolean initialStateFromInput) {
        MultiLayerNetwork net = new MultiLayerNetwork(new org.deeplearning4j.nn.conf.NeuralNetConfiguration.Builder()
                .list()
                .layer(new org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer.Builder().nIn(VOCAB).nOut(8)
                        .activation(org.nd4j.linalg.activations.Activation.IDENTITY).build())
                .layer(new GRU.Builder().nIn(8).nOut(8).initialStateFromInput(initialStateFromInput).build())
                .layer(new org.deeplearning4j.nn.conf.layers.RnnOutputLayer.Builder().nIn(8).nOut(VOCAB)
                        .activation(org.nd4j.linalg.activations.Activation.SOFTMAX).build())
                .build());
        net.init();
        return net;
    }
}
