package org.rnnkit.core.decode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.rnnkit.core.Rnn;
import org.rnnkit.core.Seq2SeqModel;
import org.rnnkit.core.SequenceModel;
import org.rnnkit.core.builder.RecurrentOptions;
import org.rnnkit.core.builder.Seq2SeqBuilder;
import org.rnnkit.core.spec.Cell;
import org.rnnkit.core.spec.InputSpec;
import org.rnnkit.datasets.SpecialTokens;

/**
 * Stepping real networks: a batch gives each row what the row gives alone, whatever the rows' order,
 * duplicates and input lengths, and the encoder-decoder's steps compute what its teacher-forced graph computes.
 */
class StepperTest {
    private static final double TOLERANCE = 1e-5;

    private static SequenceModel generator(Cell cell) {
        var builder = Rnn.sequence(InputSpec.tokens(7)).embedding(4);
        java.util.function.Consumer<RecurrentOptions> twoLayers = o -> o.layers(2);
        switch (cell) {
            case LSTM -> builder.lstm(8, twoLayers);
            case GRU -> builder.gru(8, twoLayers);
            case SIMPLE_RNN -> builder.simpleRnn(8, twoLayers);
        }
        return builder.softmax(7).seed(5).build();
    }

    private static Seq2SeqModel encoderDecoder(Cell cell, boolean bidirectional) {
        Seq2SeqBuilder builder = Rnn.encoderDecoder(9, 7).embedding(4).seed(9);
        java.util.function.Consumer<RecurrentOptions> options = o -> {
            o.layers(2);
            if (bidirectional) {
                o.bidirectional();
            }
        };
        switch (cell) {
            case LSTM -> builder.lstm(8, options);
            case GRU -> builder.gru(8, options);
            case SIMPLE_RNN -> builder.simpleRnn(8, options);
        }
        return builder.build();
    }

    /** Rows of a batch, reordered and duplicated, step as each row steps alone. */
    private static void assertRowsStepAsAlone(StepModel model, int[][] inputs) {
        DecoderState batch = model.encode(inputs);
        Step first = model.step(batch, model.startTokens(inputs));
        int[] picked = {2, 0, 0, 1, 2};
        int[] fed = {4, 5, 6, 4, 6};
        Step second = model.step(first.next().select(picked), fed);
        for (int row = 0; row < inputs.length; row++) {
            int[][] alone = {inputs[row]};
            Step one = model.step(model.encode(alone), model.startTokens(alone));
            assertArrayEquals(one.logProbabilities()[0], first.logProbabilities()[row], TOLERANCE, "row " + row);
        }
        for (int k = 0; k < picked.length; k++) {
            int[][] alone = {inputs[picked[k]]};
            Step one = model.step(model.encode(alone), model.startTokens(alone));
            Step two = model.step(one.next(), new int[] {fed[k]});
            assertArrayEquals(two.logProbabilities()[0], second.logProbabilities()[k], TOLERANCE, "selected row " + k);
        }
        assertEquals(picked.length, second.next().rows(), "the batch grew from 3 to 5 rows between steps");
    }

    @ParameterizedTest
    @EnumSource(Cell.class)
    void generationStateRowsCanBeReorderedAndDuplicated(Cell cell) {
        assertRowsStepAsAlone(generator(cell).stepper(), new int[][] {{4, 5, 6}, {5}, {6, 4}});
    }

    @ParameterizedTest
    @EnumSource(Cell.class)
    void encoderDecoderStateRowsCanBeReorderedAndDuplicated(Cell cell) {
        for (boolean bidirectional : new boolean[] {false, true}) {
            assertRowsStepAsAlone(encoderDecoder(cell, bidirectional).stepper(), new int[][] {{4, 5, 6, 7}, {8}, {6, 4}});
        }
    }

    @ParameterizedTest
    @EnumSource(Cell.class)
    void steppingLeavesTheModelsOwnStateAlone(Cell cell) {
        SequenceModel model = generator(cell);
        MultiLayerNetwork network = model.network();
        INDArray primer = Nd4j.createFromArray(new float[][][] {{{4, 5}}});
        INDArray six = Nd4j.createFromArray(new float[][][] {{{6}}});
        network.rnnTimeStep(primer);
        Map<String, INDArray> before = copy(network.rnnGetPreviousState(2));
        Search.beam(3).decode(model.stepper(), new int[][] {{4}, {5, 6}}, DecodeOptions.maxLength(4));
        assertEquals(before, network.rnnGetPreviousState(2), "the stored state is the one rnnTimeStep left");
        INDArray afterDecoding = network.rnnTimeStep(six);
        network.rnnClearPreviousState();
        network.rnnTimeStep(primer);
        assertEquals(network.rnnTimeStep(six), afterDecoding);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void encoderDecoderStepsComputeTheTeacherForcedOutput(boolean bidirectional) {
        for (Cell cell : Cell.values()) {
            Seq2SeqModel model = encoderDecoder(cell, bidirectional);
            int[][] sources = {{4, 5, 6}, {7, 8, 4, 5}};
            Decoded greedy = Search.greedy().decode(model.stepper(), sources, DecodeOptions.maxLength(4)
                    .withTokens(TokenRules.none())).get(0);
            // Teacher forcing on BOS + the greedy prefix, with the source padded as a batch pads it.
            INDArray source = Nd4j.createFromArray(new float[][][] {{{4, 5, 6, 0}}, {{7, 8, 4, 5}}});
            INDArray sourceMask = Nd4j.createFromArray(new float[][] {{1, 1, 1, 0}, {1, 1, 1, 1}});
            float[] prefix = {SpecialTokens.BOS, 0, 0, 0};
            for (int t = 1; t < 4; t++) {
                prefix[t] = greedy.tokens()[t - 1];
            }
            INDArray targetIn = Nd4j.concat(0, Nd4j.create(prefix, 1, 1, 4), Nd4j.create(prefix, 1, 1, 4));
            INDArray forced = model.output(source, sourceMask, targetIn, null);
            double logp = 0;
            for (int t = 0; t < 4; t++) {
                INDArray probabilities = forced.get(NDArrayIndex.point(0), NDArrayIndex.all(), NDArrayIndex.point(t));
                assertEquals(probabilities.argMax().getInt(0), greedy.tokens()[t], cell + " step " + t);
                logp += Math.log(probabilities.getDouble(greedy.tokens()[t]));
            }
            assertEquals(logp, greedy.logProbability(), 1e-4, cell + ": the same log-probability as teacher forcing");
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void beamOfWidthOneIsGreedyOnARealModel(boolean bidirectional) {
        StepModel model = encoderDecoder(Cell.GRU, bidirectional).stepper();
        int[][] sources = {{4, 5, 6}, {8}, {7, 7, 4, 5, 6}};
        DecodeOptions options = DecodeOptions.maxLength(6);
        List<Decoded> greedy = Search.greedy().decode(model, sources, options);
        List<Decoded> beam = Search.beam(1).decode(model, sources, options);
        for (int i = 0; i < sources.length; i++) {
            assertArrayEquals(greedy.get(i).tokens(), beam.get(i).tokens());
            assertEquals(greedy.get(i).logProbability(), beam.get(i).logProbability(), 1e-9);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"generation", "encoder-decoder"})
    void badInputsAreNamed(String kind) {
        StepModel model = kind.equals("generation") ? generator(Cell.LSTM).stepper() : encoderDecoder(Cell.LSTM, false).stepper();
        int limit = kind.equals("generation") ? 7 : 9;
        IllegalArgumentException outside = assertThrows(IllegalArgumentException.class,
                () -> model.encode(new int[][] {{4}, {4, limit}}));
        assertTrue(outside.getMessage().contains("token " + limit + " outside"), outside.getMessage());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class, () -> model.encode(new int[][] {{}}));
        assertTrue(empty.getMessage().contains("0"), empty.getMessage());
    }

    private static Map<String, INDArray> copy(Map<String, INDArray> state) {
        Map<String, INDArray> out = new java.util.LinkedHashMap<>();
        state.forEach((k, v) -> out.put(k, v.dup()));
        return out;
    }
}
