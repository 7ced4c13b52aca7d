package org.rnnkit.core.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;
import static org.nd4j.linalg.indexing.NDArrayIndex.point;

import java.io.File;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.api.layers.RecurrentLayer;
import org.deeplearning4j.nn.conf.BackpropType;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.Bidirectional;
import org.deeplearning4j.nn.conf.layers.recurrent.Bidirectional.Mode;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** {@link GRU} integration with DL4J: state, TBPTT, wrappers, graphs, formats and persistence. */
class GruLayerTest {

    @BeforeAll
    static void doublePrecision() {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    }

    private static MultiLayerNetwork gruNet(boolean resetAfter, long seed) {
        Random r = new Random(seed);
        MultiLayerNetwork net = TestNets.withOutput(new GRU.Builder().nOut(5).resetAfter(resetAfter).build(), 3, 2,
                seed);
        net.params().assign(TestNets.rand(r, 1, net.numParams()));
        return net;
    }

    @Test
    void rnnTimeStepStepByStepEqualsFullSequence() {
        for (boolean resetAfter : new boolean[] {true, false}) {
            MultiLayerNetwork net = gruNet(resetAfter, 21);
            INDArray in = TestNets.rand(new Random(1), 2, 3, 7);
            INDArray full = net.output(in);
            net.rnnClearPreviousState();
            for (int t = 0; t < 7; t++) {
                INDArray step = net.rnnTimeStep(in.get(all(), all(), interval(t, t + 1)).dup());
                assertTrue(full.get(all(), all(), interval(t, t + 1)).equalsWithEps(step, 1e-12), "t=" + t);
            }
            // State round trip: save after 4 steps, run on, restore, and the continuation repeats.
            net.rnnClearPreviousState();
            net.rnnTimeStep(in.get(all(), all(), interval(0, 4)).dup());
            Map<String, INDArray> saved = net.rnnGetPreviousState(0);
            INDArray tail = net.rnnTimeStep(in.get(all(), all(), interval(4, 7)).dup());
            net.rnnTimeStep(in.get(all(), all(), interval(0, 2)).dup());
            net.rnnSetPreviousState(0, saved);
            assertTrue(tail.equalsWithEps(net.rnnTimeStep(in.get(all(), all(), interval(4, 7)).dup()), 1e-12));
            assertTrue(full.get(all(), all(), interval(4, 7)).equalsWithEps(tail, 1e-12));
        }
    }

    @Test
    void tbpttSegmentGradientMatchesFiniteDifferences() {
        for (boolean resetAfter : new boolean[] {true, false}) {
            MultiLayerNetwork net = gruNet(resetAfter, 31);
            net.initGradientsView();
            CellLayer layer = (CellLayer) net.getLayer(0);
            Random r = new Random(4);
            INDArray x = TestNets.rand(r, 2, 3, 4);
            INDArray h0 = TestNets.rand(r, 2, 5);
            INDArray dOut = TestNets.rand(r, 2, 5, 4);
            INDArray mask = TestNets.mask(new int[] {4, 3}, 4);
            LayerWorkspaceMgr mgr = LayerWorkspaceMgr.noWorkspaces();
            layer.rnnSetTBPTTState(Map.of(CellLayer.STATE_KEY, h0.dup()));
            layer.setMaskArray(mask);
            layer.rnnActivateUsingStoredState(x, true, true, mgr);
            Pair<Gradient, INDArray> p = layer.tbpttBackpropGradient(dOut, 4, mgr);
            INDArray analytic = layer.getGradientsViewArray().dup();
            INDArray params = layer.params();
            double eps = 1e-6;
            for (int i = 0; i < params.length(); i++) {
                double orig = params.getDouble(i);
                params.putScalar(i, orig + eps);
                double plus = segmentLoss(layer, x, h0, dOut, mgr);
                params.putScalar(i, orig - eps);
                double minus = segmentLoss(layer, x, h0, dOut, mgr);
                params.putScalar(i, orig);
                double numeric = (plus - minus) / (2 * eps);
                assertEquals(numeric, analytic.getDouble(i), 1e-6 + 1e-5 * Math.abs(numeric),
                        "resetAfter=" + resetAfter + " param " + i);
            }
            // Truncated to the last 2 steps: no gradient reaches the inputs of earlier steps.
            layer.rnnSetTBPTTState(Map.of(CellLayer.STATE_KEY, h0.dup()));
            layer.rnnActivateUsingStoredState(x, true, true, mgr);
            INDArray epsIn = layer.tbpttBackpropGradient(dOut, 2, mgr).getSecond();
            assertEquals(0.0, epsIn.get(all(), all(), interval(0, 2)).amaxNumber().doubleValue(), 0.0);
            assertTrue(epsIn.get(all(), all(), interval(2, 4)).amaxNumber().doubleValue() > 0);
            assertTrue(p.getSecond().get(all(), all(), interval(0, 2)).amaxNumber().doubleValue() > 0);
        }
    }

    private static double segmentLoss(CellLayer layer, INDArray x, INDArray h0, INDArray dOut, LayerWorkspaceMgr mgr) {
        layer.rnnSetTBPTTState(Map.of(CellLayer.STATE_KEY, h0.dup()));
        return layer.rnnActivateUsingStoredState(x, true, false, mgr).mul(dOut).sumNumber().doubleValue();
    }

    @Test
    void truncatedBpttTrainingInMultiLayerNetwork() {
        MultiLayerNetwork net = TestNets.truncatedBptt(new GRU.Builder().nOut(6).build());
        // Target: sum of the last three inputs, which needs the state carried across TBPTT segment boundaries.
        DataSet ds = TestNets.runningSum(3);
        double before = net.score(ds);
        for (int i = 0; i < 150; i++) {
            net.fit(ds);
        }
        double after = net.score(ds);
        assertTrue(after < 0.2 * before, "TBPTT training: " + before + " -> " + after);
    }

    @Test
    void truncatedBpttTrainingInComputationGraph() {
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().seed(5).dataType(DataType.DOUBLE)
                .updater(new Adam(0.02)).graphBuilder().addInputs("in")
                .addLayer("gru", new GRU.Builder().nOut(6).resetAfter(false).build(), "in")
                .addLayer("out", new RnnOutputLayer.Builder(LossFunctions.LossFunction.MSE)
                        .activation(Activation.IDENTITY).nOut(1).build(), "gru")
                .setOutputs("out").setInputTypes(InputType.recurrent(1))
                .backpropType(BackpropType.TruncatedBPTT).tBPTTForwardLength(5).tBPTTBackwardLength(5).build();
        ComputationGraph graph = new ComputationGraph(conf);
        graph.init();
        DataSet ds = TestNets.runningSum(2);
        double before = graph.score(ds);
        for (int i = 0; i < 100; i++) {
            graph.fit(ds);
        }
        double after = graph.score(ds);
        assertTrue(after < 0.2 * before, "graph TBPTT training: " + before + " -> " + after);
    }

    @Test
    void lastTimeStepPicksEachSequencesLastRealStep() {
        Random r = new Random(6);
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(5).dataType(DataType.DOUBLE)
                .updater(new NoOp()).list()
                .layer(new LastTimeStep(new GRU.Builder().nOut(4).build()))
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY)
                        .nOut(2).build())
                .setInputType(InputType.recurrent(3)).build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        INDArray in = TestNets.rand(r, 3, 3, 5);
        INDArray mask = TestNets.mask(new int[] {5, 2, 4}, 5);
        INDArray last = net.feedForward(in, mask, null).get(1);
        for (int b = 0; b < 3; b++) {
            int len = new int[] {5, 2, 4}[b];
            INDArray alone = net.output(in.get(interval(b, b + 1), all(), interval(0, len)).dup());
            INDArray batch = net.output(in, false, mask, null).get(interval(b, b + 1), all());
            assertTrue(alone.equalsWithEps(batch, 1e-12), "sequence " + b);
        }
        assertEquals(2, last.rank());
        assertTrue(GruGradientCheckTest.check(net, in, TestNets.rand(r, 3, 2), mask, null));
    }

    @Test
    void insideDl4jBidirectionalWithGradientCheck() {
        Random r = new Random(8);
        MultiLayerNetwork net = TestNets.withOutput(new Bidirectional(Mode.ADD, new GRU.Builder().nOut(3).build()),
                2, 2, 3);
        net.params().assign(TestNets.rand(r, 1, net.numParams()));
        assertTrue(GruGradientCheckTest.check(net, TestNets.rand(r, 2, 2, 4), TestNets.rand(r, 2, 2, 4), null, null));
    }

    @Test
    void computationGraphGradientCheckAndParityWithMultiLayerNetwork() {
        Random r = new Random(10);
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().seed(5).dataType(DataType.DOUBLE)
                .updater(new NoOp()).graphBuilder().addInputs("in")
                .addLayer("gru", new GRU.Builder().nOut(3).resetAfter(false).build(), "in")
                .addLayer("bi", new MaskedBidirectional(Mode.CONCAT, new GRU.Builder().nOut(2).build()), "gru")
                .addLayer("out", new RnnOutputLayer.Builder(LossFunctions.LossFunction.MSE)
                        .activation(Activation.IDENTITY).nOut(2).build(), "bi")
                .setOutputs("out").setInputTypes(InputType.recurrent(2)).build();
        ComputationGraph graph = new ComputationGraph(conf);
        graph.init();
        graph.params().assign(TestNets.rand(r, 1, graph.numParams()));
        INDArray in = TestNets.rand(r, 3, 2, 4);
        INDArray mask = TestNets.mask(new int[] {4, 1, 3}, 4);
        INDArray labels = TestNets.rand(r, 3, 2, 4);
        assertTrue(GradientCheckUtil.checkGradients(new GradientCheckUtil.GraphConfig().net(graph)
                .inputs(new INDArray[] {in}).labels(new INDArray[] {labels})
                .inputMask(new INDArray[] {mask}).labelMask(new INDArray[] {mask})
                .epsilon(1e-6).maxRelError(1e-5).minAbsoluteError(1e-9)));

        MultiLayerConfiguration mlnConf = new NeuralNetConfiguration.Builder().seed(5).dataType(DataType.DOUBLE)
                .updater(new NoOp()).list()
                .layer(new GRU.Builder().nOut(3).resetAfter(false).build())
                .layer(new MaskedBidirectional(Mode.CONCAT, new GRU.Builder().nOut(2).build()))
                .layer(new RnnOutputLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY)
                        .nOut(2).build())
                .setInputType(InputType.recurrent(2)).build();
        MultiLayerNetwork mln = new MultiLayerNetwork(mlnConf);
        mln.init();
        mln.params().assign(graph.params());
        INDArray g = graph.output(false, new INDArray[] {in}, new INDArray[] {mask}, null)[0];
        INDArray m = mln.output(in, false, mask, null);
        assertTrue(g.equalsWithEps(m, 1e-12));
    }

    @Test
    void nwcFormatEqualsNcw() {
        Random r = new Random(12);
        MultiLayerNetwork ncw = TestNets.withOutput(new GRU.Builder().nOut(4).build(), 3, 2, 1);
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(1).dataType(DataType.DOUBLE)
                .updater(new NoOp()).list()
                .layer(new GRU.Builder().nOut(4).dataFormat(RNNFormat.NWC).build())
                .layer(new RnnOutputLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY)
                        .dataFormat(RNNFormat.NWC).nOut(2).build())
                .setInputType(InputType.recurrent(3, RNNFormat.NWC)).build();
        MultiLayerNetwork nwc = new MultiLayerNetwork(conf);
        nwc.init();
        nwc.params().assign(ncw.params());
        INDArray in = TestNets.rand(r, 2, 3, 5);
        INDArray a = ncw.output(in);
        INDArray b = nwc.output(in.permute(0, 2, 1).dup());
        assertTrue(a.permute(0, 2, 1).equalsWithEps(b, 1e-12));
        assertTrue(GruGradientCheckTest.check(nwc, in.permute(0, 2, 1).dup(), TestNets.rand(r, 2, 5, 2), null, null));
    }

    @Test
    void jsonRoundTripAndModelSerializer(@TempDir Path dir) throws Exception {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(5).dataType(DataType.DOUBLE)
                .updater(new Adam(1e-3)).list()
                .layer(new GRU.Builder().nOut(4).resetAfter(false).gateActivationFunction(Activation.HARDSIGMOID)
                        .build())
                .layer(new MaskedBidirectional(Mode.AVERAGE, new GRU.Builder().nOut(3).build()))
                .layer(new LastTimeStep(new GRU.Builder().nOut(3).build()))
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY)
                        .nOut(2).build())
                .setInputType(InputType.recurrent(3)).build();
        String json = conf.toJson();
        MultiLayerConfiguration back = MultiLayerConfiguration.fromJson(json);
        assertEquals(conf, back);
        assertEquals(json, back.toJson());
        assertTrue(back.getConf(1).getLayer() instanceof MaskedBidirectional);
        assertTrue(conf.getMemoryReport(InputType.recurrent(3, 6)).getTotalMemoryBytes(4, 
                org.deeplearning4j.nn.conf.memory.MemoryUseMode.TRAINING, org.deeplearning4j.nn.conf.CacheMode.NONE,
                DataType.DOUBLE) > 0);

        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        INDArray in = TestNets.rand(new Random(3), 2, 3, 6);
        INDArray mask = TestNets.mask(new int[] {6, 3}, 6);
        net.fit(new DataSet(in, TestNets.rand(new Random(4), 2, 2), mask, null));
        File f = dir.resolve("gru.zip").toFile();
        ModelSerializer.writeModel(net, f, true);
        MultiLayerNetwork loaded = ModelSerializer.restoreMultiLayerNetwork(f, true);
        assertEquals(net.params(), loaded.params());
        assertEquals(net.getUpdater().getStateViewArray(), loaded.getUpdater().getStateViewArray());
        assertTrue(net.output(in, false, mask, null).equalsWithEps(loaded.output(in, false, mask, null), 0.0));

        MultiLayerNetwork fromJson = new MultiLayerNetwork(back);
        fromJson.init(net.params().dup(), false);
        assertTrue(net.output(in, false, mask, null).equalsWithEps(fromJson.output(in, false, mask, null), 0.0));
    }

    @Test
    void parameterCountIsThreeQuartersOfLstm() {
        int nIn = 7;
        int h = 11;
        MultiLayerNetwork gru = TestNets.withOutput(new GRU.Builder().nOut(h).resetAfter(false).build(), nIn, 1, 1);
        MultiLayerNetwork gruAfter = TestNets.withOutput(new GRU.Builder().nOut(h).build(), nIn, 1, 1);
        MultiLayerNetwork lstm = TestNets.withOutput(new LSTM.Builder().nOut(h).build(), nIn, 1, 1);
        long g = gru.getLayer(0).numParams();
        long ga = gruAfter.getLayer(0).numParams();
        long l = lstm.getLayer(0).numParams();
        assertEquals(3L * h * (nIn + h) + 3L * h, g);
        assertEquals(3L * h * (nIn + h) + 6L * h, ga);
        assertEquals(4L * h * (nIn + h) + 4L * h, l);
        // One bias per gate on both sides (reset-before GRU vs DL4J LSTM): exactly 3/4.
        assertEquals(0.75, (double) g / l, 1e-12);
        assertTrue(((RecurrentLayer) gru.getLayer(0)).rnnGetPreviousState().isEmpty());
    }
}
