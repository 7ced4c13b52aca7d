package org.rnnkit.core.weights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;
import static org.nd4j.linalg.indexing.NDArrayIndex.point;

import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.layers.RecurrentLayer;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.Bidirectional.Mode;
import org.deeplearning4j.nn.conf.layers.recurrent.SimpleRnn;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.rnnkit.core.layers.GRU;
import org.rnnkit.core.layers.MaskedBidirectional;

/**
 * PyTorch parity: weights from {@code parity/*.json} (made by make_fixtures.py with torch.nn.GRU/LSTM/RNN in double
 * precision on a packed, right-padded batch) imported through {@link PyTorchWeights} reproduce PyTorch's outputs on
 * real steps and its final states, for rnnkit's GRU, LSTM and SimpleRnn and for DL4J's LSTM and SimpleRnn.
 */
class PyTorchParityTest {

    private static final double TOL = 1e-5;

    @BeforeAll
    static void doublePrecision() {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    }

    /** rnnkit's layer of that kind, or DL4J's ({@code dl4j}: LSTM and RNN only). */
    static org.deeplearning4j.nn.conf.layers.Layer cell(String kind, int h, boolean dl4j) {
        return switch (kind) {
            case "gru" -> new GRU.Builder().nOut(h).resetAfter(true).build();
            case "lstm" -> dl4j ? new LSTM.Builder().nOut(h).activation(Activation.TANH).build()
                    : new org.rnnkit.core.layers.LSTM.Builder().nOut(h).build();
            case "rnn" -> dl4j ? new SimpleRnn.Builder().nOut(h).activation(Activation.TANH).build()
                    : new org.rnnkit.core.layers.SimpleRnn.Builder().nOut(h).build();
            default -> throw new IllegalArgumentException(kind);
        };
    }

    static org.deeplearning4j.nn.conf.layers.Layer cell(String kind, int h) {
        return cell(kind, h, false);
    }

    static MultiLayerNetwork net(String kind, boolean bidi, int nIn, int h) {
        return net(kind, bidi, nIn, h, false);
    }

    static MultiLayerNetwork net(String kind, boolean bidi, int nIn, int h, boolean dl4j) {
        org.deeplearning4j.nn.conf.layers.Layer layer = cell(kind, h, dl4j);
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(1).dataType(DataType.DOUBLE)
                .updater(new NoOp()).list()
                .layer(bidi ? new MaskedBidirectional(Mode.CONCAT, layer) : layer)
                .layer(new RnnOutputLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY)
                        .nOut(1).build())
                .setInputType(InputType.recurrent(nIn)).build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    static INDArray mask(int[] lengths, long steps) {
        INDArray m = Nd4j.zeros(DataType.DOUBLE, lengths.length, steps);
        for (int b = 0; b < lengths.length; b++) {
            m.get(point(b), interval(0, lengths[b])).assign(1);
        }
        return m;
    }

    static void assertClose(INDArray expected, INDArray actual, String what) {
        double diff = expected.sub(actual.reshape(expected.shape())).amaxNumber().doubleValue();
        assertTrue(diff < TOL, what + ": max |diff| " + diff + "\nexpected " + expected + "\nactual " + actual);
    }

    @ParameterizedTest
    @ValueSource(strings = {"gru", "lstm", "rnn", "gru_bi", "lstm_bi", "rnn_bi", "dl4j:lstm", "dl4j:rnn",
        "dl4j:lstm_bi", "dl4j:rnn_bi"})
    void outputsAndFinalStatesMatchPyTorch(String implAndName) {
        boolean dl4j = implAndName.startsWith("dl4j:");
        String name = implAndName.substring(implAndName.indexOf(':') + 1);
        JsonNode fx = Fixtures.load(name + ".json");
        String kind = fx.get("kind").asText();
        boolean bidi = fx.get("bidirectional").asBoolean();
        int nIn = fx.get("inputSize").asInt();
        int h = fx.get("hiddenSize").asInt();
        int[] lengths = new int[fx.get("lengths").size()];
        for (int i = 0; i < lengths.length; i++) {
            lengths[i] = fx.get("lengths").get(i).asInt();
        }
        INDArray input = Fixtures.array(fx.get("input"));
        INDArray expected = Fixtures.array(fx.get("output"));
        INDArray hN = Fixtures.array(fx.get("h_n"));
        Map<String, INDArray> tensors = Fixtures.tensors(fx.get("weights"));
        long steps = input.size(2);

        MultiLayerNetwork net = net(kind, bidi, nIn, h, dl4j);
        Layer layer = net.getLayer(0);
        PyTorchWeights.importInto(layer, tensors);
        INDArray out = net.feedForward(input, mask(lengths, steps), null).get(1);

        for (int b = 0; b < lengths.length; b++) {
            int len = lengths[b];
            assertClose(expected.get(point(b), all(), interval(0, len)), out.get(point(b), all(), interval(0, len)),
                    name + " output, sequence " + b);
            // PyTorch's h_n: forward state at the last real step, backward state at step 0.
            assertClose(hN.get(point(0), point(b), all()), out.get(point(b), interval(0, h), point(len - 1)),
                    name + " h_n forward, sequence " + b);
            if (bidi) {
                assertClose(hN.get(point(1), point(b), all()), out.get(point(b), interval(h, 2 * h), point(0)),
                        name + " h_n backward, sequence " + b);
            } else {
                // Stored state after running the sequence alone through rnnTimeStep.
                net.rnnClearPreviousState();
                net.rnnTimeStep(input.get(interval(b, b + 1), all(), interval(0, len)).dup());
                Map<String, INDArray> state = net.rnnGetPreviousState(0);
                assertClose(hN.get(point(0), point(b), all()), state.get("prevAct"), name + " stored h, seq " + b);
                if (kind.equals("lstm")) {
                    INDArray cN = Fixtures.array(fx.get("c_n"));
                    assertClose(cN.get(point(0), point(b), all()), state.get("prevMem"), name + " stored c, seq " + b);
                }
            }
        }
        assertExportRoundTrip(layer, tensors, kind);
    }

    private static void assertExportRoundTrip(Layer layer, Map<String, INDArray> tensors, String kind) {
        Map<String, INDArray> exported = PyTorchWeights.export(layer);
        assertEquals(tensors.keySet(), exported.keySet());
        for (String k : tensors.keySet()) {
            if (kind.equals("gru") || !k.startsWith("bias")) {
                assertClose(tensors.get(k), exported.get(k), "export " + k);
            } else if (k.startsWith("bias_ih")) {
                // DL4J keeps one bias: export returns the sum in bias_ih and zeros in bias_hh.
                String hh = k.replace("bias_ih", "bias_hh");
                assertClose(tensors.get(k).add(tensors.get(hh)), exported.get(k), "export " + k);
                assertEquals(0.0, exported.get(hh).amaxNumber().doubleValue(), 0.0);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"gru_bi", "lstm_bi", "rnn_bi"})
    void dl4jBidirectionalNamingImportsToo(String name) {
        // DL4J's Bidirectional reverses the whole time axis, so only the full-length sequence 0 matches PyTorch.
        JsonNode fx = Fixtures.load(name + ".json");
        String kind = fx.get("kind").asText();
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(1).dataType(DataType.DOUBLE)
                .updater(new NoOp()).list()
                .layer(new org.deeplearning4j.nn.conf.layers.recurrent.Bidirectional(Mode.CONCAT, cell(kind, 4)))
                .layer(new RnnOutputLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY)
                        .nOut(1).build())
                .setInputType(InputType.recurrent(3)).build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        Map<String, INDArray> tensors = Fixtures.tensors(fx.get("weights"));
        PyTorchWeights.importInto(net.getLayer(0), tensors);
        INDArray input = Fixtures.array(fx.get("input"));
        INDArray out = net.feedForward(input.get(interval(0, 1), all(), all()).dup(), false).get(1);
        assertClose(Fixtures.array(fx.get("output")).get(interval(0, 1), all(), all()), out, name + " DL4J bidi");
        assertExportRoundTrip(net.getLayer(0), tensors, kind);
    }

    @Test
    void gruMaskedBatchCarriesEachFinalState() {
        JsonNode fx = Fixtures.load("gru.json");
        INDArray input = Fixtures.array(fx.get("input"));
        INDArray hN = Fixtures.array(fx.get("h_n"));
        MultiLayerNetwork net = net("gru", false, 3, 4);
        PyTorchWeights.importInto(net.getLayer(0), Fixtures.tensors(fx.get("weights")));
        RecurrentLayer layer = (RecurrentLayer) net.getLayer(0);
        layer.setMaskArray(mask(new int[] {6, 4, 2}, input.size(2)));
        layer.rnnTimeStep(input, LayerWorkspaceMgr.noWorkspaces());
        assertClose(hN.get(point(0), all(), all()), layer.rnnGetPreviousState().get("prevAct"), "padded h_n");
    }

    @Test
    void shapeErrorsNameTheTensor() {
        JsonNode fx = Fixtures.load("gru.json");
        Map<String, INDArray> tensors = new HashMap<>(Fixtures.tensors(fx.get("weights")));
        tensors.put("weight_hh_l0", Nd4j.zeros(DataType.DOUBLE, 12, 5));
        MultiLayerNetwork net = net("gru", false, 3, 4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PyTorchWeights.importInto(net.getLayer(0), tensors));
        assertTrue(e.getMessage().contains("weight_hh_l0") && e.getMessage().contains("[12, 5]")
                && e.getMessage().contains("[12, 4]"), e.getMessage());
    }
}
