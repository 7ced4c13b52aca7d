package org.rnnkit.core.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.rnnkit.core.Rnn;
import org.rnnkit.core.SequenceModel;
import org.rnnkit.core.spec.InputSpec;
import org.rnnkit.core.spec.ModelSpec;
import org.rnnkit.core.spec.RecurrentSpec;
import org.rnnkit.core.spec.SpecException;
import org.rnnkit.core.spec.SpecJson;

/** Chrono initialisation of {@link LSTM} and {@link GRU} (both forms): where it puts which biases, and nothing else. */
class ChronoInitTest {
    private static final int H = 200;
    private static final double T_MAX = 100;

    @BeforeAll
    static void doublePrecision() {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    }

    private static INDArray bias(MultiLayerNetwork net) {
        return net.getLayer(0).getParam(CellParamInitializer.BIAS_KEY);
    }

    private static INDArray block(INDArray bias, int index) {
        return bias.get(all(), interval((long) index * H, (long) (index + 1) * H));
    }

    /** The keep biases are log(u), u spread over [1, tMax - 1]: in bounds, with about the uniform mean and range. */
    private static void assertChronoSpread(INDArray keep) {
        INDArray u = Transforms.exp(keep, true);
        assertTrue(u.minNumber().doubleValue() >= 1 - 1e-9 && u.maxNumber().doubleValue() <= T_MAX - 1 + 1e-9,
                "u in [1, " + (T_MAX - 1) + "]: " + u.minNumber() + " … " + u.maxNumber());
        // U(1, 99) over 200 units: mean 50 (standard error 2), nearly the whole range covered.
        assertEquals(50, u.meanNumber().doubleValue(), 8);
        assertTrue(u.minNumber().doubleValue() < 5 && u.maxNumber().doubleValue() > 95);
    }

    @Test
    void lstmForgetBiasIsLogUniformAndInputBiasItsNegative() {
        MultiLayerNetwork net = TestNets.withOutput(new LSTM.Builder().nOut(H).chronoInit(T_MAX).build(), 3, 1, 7);
        INDArray b = bias(net);
        // Blocks in DL4J's order: block input, forget, output, input gate.
        assertChronoSpread(block(b, 1));
        assertEquals(block(b, 1).neg(), block(b, 3));
        assertEquals(0, block(b, 0).norm1Number().doubleValue());
        assertEquals(0, block(b, 2).norm1Number().doubleValue());
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void gruUpdateGateBiasIsLogUniformAndTheRestZero(boolean resetAfter) {
        MultiLayerNetwork net = TestNets.withOutput(new GRU.Builder().nOut(H).resetAfter(resetAfter).chronoInit(T_MAX)
                .build(), 3, 1, 7);
        INDArray b = bias(net);
        // [b_r b_z b_n] (| b_hr b_hz b_hn): z keeps h (h' = (1 - z) n + z h), so b_z = log u makes z = 1 - 1/(1 + u).
        assertChronoSpread(block(b, 1));
        double rest = b.norm1Number().doubleValue() - block(b, 1).norm1Number().doubleValue();
        assertEquals(0, rest, 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"lstm", "gru", "gru-before"})
    void seededReproducibleAndWeightsUntouched(String kind) {
        MultiLayerNetwork a = TestNets.withOutput(chrono(kind, 30), 3, 1, 11);
        MultiLayerNetwork again = TestNets.withOutput(chrono(kind, 30), 3, 1, 11);
        MultiLayerNetwork otherSeed = TestNets.withOutput(chrono(kind, 30), 3, 1, 12);
        MultiLayerNetwork plain = TestNets.withOutput(CellLayersTest.cell(kind, 8), 3, 1, 11);
        assertEquals(a.params(), again.params());
        assertFalse(bias(a).equals(bias(otherSeed)));
        // Only the biases differ from the plain layer of the same seed: the weights are drawn first, as before.
        for (String key : List.of(CellParamInitializer.INPUT_WEIGHT_KEY, CellParamInitializer.RECURRENT_WEIGHT_KEY)) {
            assertEquals(plain.getLayer(0).getParam(key), a.getLayer(0).getParam(key), key);
        }
        assertFalse(bias(a).equals(bias(plain)));
    }

    private static Layer chrono(String kind, double tMax) {
        return switch (kind) {
            case "lstm" -> new LSTM.Builder().nOut(8).chronoInit(tMax).build();
            case "gru" -> new GRU.Builder().nOut(8).chronoInit(tMax).build();
            case "gru-before" -> new GRU.Builder().nOut(8).resetAfter(false).chronoInit(tMax).build();
            default -> throw new IllegalArgumentException(kind);
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"lstm", "gru", "gru-before"})
    void gradientsCheckAtTheChronoInitialisation(String kind) {
        // The chrono biases as initialised (saturated keep gates up to sigmoid(log 29)), not overwritten.
        Random r = new Random(3);
        MultiLayerNetwork net = TestNets.withOutput(chrono(kind, 30).clone(), 3, 2, 5);
        INDArray mask = TestNets.mask(new int[] {6, 4}, 6);
        assertTrue(GruGradientCheckTest.check(net, TestNets.rand(r, 2, 3, 6), TestNets.rand(r, 2, 2, 6), mask, mask));
    }

    @Test
    void theOptionTravelsThroughJsonAndConfigurationsSavedBeforeItLoadWithout() throws IOException {
        LSTM lstm = new LSTM.Builder().nOut(4).chronoInit(400).build();
        MultiLayerConfiguration withChrono = TestNets.withOutput(lstm, 3, 1, 1).getLayerWiseConfigurations();
        MultiLayerConfiguration back = MultiLayerConfiguration.fromJson(withChrono.toJson());
        assertEquals(400, ((LSTM) back.getConf(0).getLayer()).getChronoTMax());

        // Written by rnnkit at commit 388e0b5, before chrono initialisation existed (LSTM, GRU, GRU reset-before,
        // output; seed 7): MultiLayerConfiguration.toJson() of those layers' builders with their defaults.
        String json;
        try (InputStream in = getClass().getResourceAsStream("/layers/cells-before-chrono.json")) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        MultiLayerConfiguration old = MultiLayerConfiguration.fromJson(json);
        assertEquals(0, ((LSTM) old.getConf(0).getLayer()).getChronoTMax());
        assertEquals(0, ((GRU) old.getConf(1).getLayer()).getChronoTMax());
        assertEquals(0, ((GRU) old.getConf(2).getLayer()).getChronoTMax());
        MultiLayerNetwork net = new MultiLayerNetwork(old);
        net.init();
        INDArray lstmBias = net.getLayer(0).getParam(CellParamInitializer.BIAS_KEY);
        assertEquals(4, lstmBias.sumNumber().doubleValue(), 1e-12); // forget gate at 1, the rest 0, as before
        assertEquals(1, lstmBias.getDouble(0, 4), 0);
        assertEquals(0, net.getLayer(1).getParam(CellParamInitializer.BIAS_KEY).norm1Number().doubleValue(), 0);
        assertEquals(0, net.getLayer(2).getParam(CellParamInitializer.BIAS_KEY).norm1Number().doubleValue(), 0);
    }

    @Test
    void theBuilderOptionReachesTheLayersAndSpecsSavedBeforeItReadAsOff() {
        ModelSpec spec = Rnn.sequence(InputSpec.features(2)).gru(5, o -> o.layers(2).chronoInit(50)).lastStep()
                .regression(1).seed(3).spec();
        ModelSpec back = SpecJson.read(SpecJson.write(spec), ModelSpec.class);
        RecurrentSpec rnn = (RecurrentSpec) back.layers().get(0);
        assertEquals(50, rnn.chronoTMax());
        SequenceModel model = SequenceModel.create(back);
        for (int i = 0; i < 2; i++) {
            assertEquals(50, ((GRU) model.network().getLayer(i).conf().getLayer()).getChronoTMax());
        }
        String old = "{\"type\":\"recurrent\",\"cell\":\"LSTM\",\"units\":4,\"layers\":1,\"merge\":null,"
                + "\"dropout\":0.0,\"activation\":\"TANH\",\"layerNorm\":false,\"resetAfter\":true}";
        assertEquals(0, SpecJson.read(old, RecurrentSpec.class).chronoTMax());
    }

    @Test
    void refusesWhatItCannotMean() {
        assertThrows(IllegalArgumentException.class, () -> new LSTM.Builder().chronoInit(1.5));
        assertThrows(IllegalArgumentException.class, () -> new GRU.Builder().chronoInit(Double.NaN));
        assertThrows(SpecException.class,
                () -> Rnn.sequence(InputSpec.features(2)).simpleRnn(4, o -> o.chronoInit(50)));
    }
}
