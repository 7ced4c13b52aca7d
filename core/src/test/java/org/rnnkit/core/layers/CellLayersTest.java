package org.rnnkit.core.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;
import static org.nd4j.linalg.indexing.NDArrayIndex.point;

import java.io.File;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.Bidirectional;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.util.ModelSerializer;
import org.deeplearning4j.util.TimeSeriesUtils;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Behaviour every rnnkit recurrent layer ({@link GRU} both forms, {@link LSTM}, {@link SimpleRnn}) shares through
 * {@link CellLayer}: gradients, masks, stepping, state of any batch size, truncated BPTT, serialisation.
 */
class CellLayersTest {

    @BeforeAll
    static void doublePrecision() {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    }

    static Layer cell(String kind, int h) {
        return switch (kind) {
            case "gru" -> new GRU.Builder().nOut(h).build();
            case "gru-before" -> new GRU.Builder().nOut(h).resetAfter(false).build();
            case "lstm" -> new LSTM.Builder().nOut(h).build();
            case "rnn" -> new SimpleRnn.Builder().nOut(h).build();
            case "rnn-relu" -> new SimpleRnn.Builder().nOut(h).activation(Activation.RELU).build();
            default -> throw new IllegalArgumentException(kind);
        };
    }

    private static MultiLayerNetwork randomNet(Layer layer, long seed) {
        MultiLayerNetwork net = TestNets.withOutput(layer, 3, 2, seed);
        net.params().assign(TestNets.rand(new Random(seed), 1, net.numParams()));
        return net;
    }

    @ParameterizedTest
    @ValueSource(strings = {"lstm", "rnn", "rnn-relu"})
    void gradientCheckWithMasks(String kind) {
        Random r = new Random(2);
        MultiLayerNetwork net = randomNet(cell(kind, 4), 13);
        INDArray mask = TestNets.mask(new int[] {5, 3, 1}, 5);
        assertTrue(GruGradientCheckTest.check(net, TestNets.rand(r, 3, 3, 5), TestNets.rand(r, 3, 2, 5), null, null),
                kind + " without mask");
        assertTrue(GruGradientCheckTest.check(net, TestNets.rand(r, 3, 3, 5), TestNets.rand(r, 3, 2, 5), mask, mask),
                kind + " with mask");
    }

    /**
     * DL4J's output layers and preprocessors turn {@code [mb, n, T]} into rows {@code [mb*T, n]} with
     * {@link TimeSeriesUtils#reshape3dTo2d}; the layer's output is laid out so that this is a view, not a copy of the
     * whole sequence on every pass, and holds the same values as the 3-d array.
     */
    @ParameterizedTest
    @ValueSource(strings = {"gru", "lstm", "rnn"})
    void outputReshapesToRowsWithoutACopy(String kind) {
        MultiLayerNetwork net = randomNet(cell(kind, 4), 19);
        INDArray x = TestNets.rand(new Random(3), 3, 3, 5);
        INDArray out = net.getLayer(0).activate(x, false, LayerWorkspaceMgr.noWorkspaces());
        INDArray rows = TimeSeriesUtils.reshape3dTo2d(out, LayerWorkspaceMgr.noWorkspaces(), ArrayType.ACTIVATIONS);
        for (int b = 0; b < 3; b++) {
            for (int t = 0; t < 5; t++) {
                for (int j = 0; j < 4; j++) {
                    assertEquals(out.getDouble(b, j, t), rows.getDouble(t * 3L + b, j), 0, kind);
                }
            }
        }
        rows.putScalar(7, 2, 42.0);
        assertEquals(42.0, out.getDouble(1, 2, 2), 0, kind + ": the rows must be a view of the output");
    }

    @ParameterizedTest
    @ValueSource(strings = {"lstm", "rnn"})
    void gradientCheckInsideDl4jBidirectional(String kind) {
        Random r = new Random(5);
        MultiLayerNetwork net = randomNet(new Bidirectional(Bidirectional.Mode.ADD, cell(kind, 3)), 17);
        assertTrue(GruGradientCheckTest.check(net, TestNets.rand(r, 2, 3, 4), TestNets.rand(r, 2, 2, 4), null, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"gru", "gru-before", "lstm", "rnn"})
    void paddedBatchEqualsEachSequenceAlone(String kind) {
        MultiLayerNetwork net = randomNet(cell(kind, 4), 23);
        INDArray x = TestNets.rand(new Random(6), 3, 3, 6);
        int[] lengths = {6, 4, 2};
        INDArray out = net.output(x, false, TestNets.mask(lengths, 6), null);
        for (int b = 0; b < 3; b++) {
            INDArray alone = net.output(x.get(interval(b, b + 1), all(), interval(0, lengths[b])).dup());
            assertTrue(alone.equalsWithEps(out.get(interval(b, b + 1), all(), interval(0, lengths[b])), 1e-12),
                    kind + " sequence " + b);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"gru", "lstm", "rnn"})
    void rnnTimeStepEqualsFullSequence(String kind) {
        MultiLayerNetwork net = randomNet(cell(kind, 5), 29);
        INDArray x = TestNets.rand(new Random(7), 2, 3, 6);
        INDArray full = net.output(x);
        net.rnnClearPreviousState();
        for (int t = 0; t < 6; t++) {
            INDArray step = net.rnnTimeStep(x.get(all(), all(), interval(t, t + 1)).dup());
            assertTrue(full.get(all(), all(), interval(t, t + 1)).equalsWithEps(step, 1e-12), kind + " t=" + t);
        }
    }

    /** Beam search reorders and duplicates rows of the state; each new row must step as its source row alone. */
    @ParameterizedTest
    @ValueSource(strings = {"gru", "gru-before", "lstm", "rnn"})
    void stateWithReorderedAndDuplicatedRowsStepsLikeEachRowAlone(String kind) {
        MultiLayerNetwork net = randomNet(cell(kind, 4), 31);
        Random r = new Random(8);
        INDArray prefix = TestNets.rand(r, 2, 3, 3);
        INDArray next = TestNets.rand(r, 3, 3, 2);
        int[] rows = {1, 0, 1};
        net.rnnClearPreviousState();
        net.rnnTimeStep(prefix);
        Map<String, INDArray> state = net.rnnGetPreviousState(0);
        Map<String, INDArray> picked = new HashMap<>();
        for (Map.Entry<String, INDArray> e : state.entrySet()) {
            picked.put(e.getKey(), e.getValue().getRows(rows));
        }
        net.rnnSetPreviousState(0, picked);
        INDArray stepped = net.rnnTimeStep(next);
        assertEquals(3, net.rnnGetPreviousState(0).get(CellLayer.STATE_KEY).size(0));
        for (int i = 0; i < rows.length; i++) {
            net.rnnClearPreviousState();
            net.rnnTimeStep(prefix.get(interval(rows[i], rows[i] + 1), all(), all()).dup());
            INDArray alone = net.rnnTimeStep(next.get(interval(i, i + 1), all(), all()).dup());
            assertTrue(alone.equalsWithEps(stepped.get(interval(i, i + 1), all(), all()), 1e-12), kind + " row " + i);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"lstm", "rnn"})
    void truncatedBpttCarriesStateAcrossSegments(String kind) {
        MultiLayerNetwork net = TestNets.truncatedBptt(cell(kind, 6));
        // Target: sum of the last two inputs, which needs the state carried across segment boundaries.
        DataSet ds = TestNets.runningSum(2);
        double before = net.score(ds);
        for (int i = 0; i < 150; i++) {
            net.fit(ds);
        }
        assertTrue(net.score(ds) < 0.2 * before, kind + " TBPTT training: " + before + " -> " + net.score(ds));
    }

    @ParameterizedTest
    @ValueSource(strings = {"lstm", "rnn"})
    void jsonRoundTripAndModelSerializer(String kind, @TempDir Path dir) throws Exception {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(5).dataType(DataType.DOUBLE)
                .updater(new Adam(1e-3)).list()
                .layer(cell(kind, 4))
                .layer(new MaskedBidirectional(Bidirectional.Mode.CONCAT, cell(kind, 3)))
                .layer(new LastTimeStep(cell(kind, 3)))
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY)
                        .nOut(2).build())
                .setInputType(InputType.recurrent(3)).build();
        String json = conf.toJson();
        MultiLayerConfiguration back = MultiLayerConfiguration.fromJson(json);
        assertEquals(conf, back);
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        INDArray in = TestNets.rand(new Random(3), 2, 3, 6);
        INDArray mask = TestNets.mask(new int[] {6, 3}, 6);
        net.fit(new DataSet(in, TestNets.rand(new Random(4), 2, 2), mask, null));
        File f = dir.resolve(kind + ".zip").toFile();
        ModelSerializer.writeModel(net, f, true);
        MultiLayerNetwork loaded = ModelSerializer.restoreMultiLayerNetwork(f, true);
        assertEquals(net.params(), loaded.params());
        assertTrue(net.output(in, false, mask, null).equalsWithEps(loaded.output(in, false, mask, null), 0.0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"lstm", "rnn"})
    void sameParameterLayoutAndOutputsAsDl4jLayer(String kind) {
        Layer dl4j = kind.equals("lstm")
                ? new org.deeplearning4j.nn.conf.layers.LSTM.Builder().nOut(4).activation(Activation.TANH).build()
                : new org.deeplearning4j.nn.conf.layers.recurrent.SimpleRnn.Builder().nOut(4)
                        .activation(Activation.TANH).build();
        MultiLayerNetwork theirs = TestNets.withOutput(dl4j, 3, 2, 41);
        MultiLayerNetwork ours = TestNets.withOutput(cell(kind, 4), 3, 2, 41);
        // Same seed, same initial weights (and the LSTM's forget-gate bias of 1): models built before and after
        // the builder switched to rnnkit's layers start alike.
        assertEquals(theirs.params(), ours.params());
        INDArray x = TestNets.rand(new Random(11), 2, 3, 5);
        assertTrue(theirs.output(x).equalsWithEps(ours.output(x), 1e-10), kind);
        assertEquals(theirs.output(x).get(point(0), all(), all()).shape().length, 2);
    }
}
