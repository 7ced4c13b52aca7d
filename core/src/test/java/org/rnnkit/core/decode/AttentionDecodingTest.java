package org.rnnkit.core.decode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.rnnkit.core.Rnn;
import org.rnnkit.core.Seq2SeqModel;
import org.rnnkit.core.layers.AttentionGraphVertex;
import org.rnnkit.core.spec.Attention;
import org.rnnkit.core.spec.Seq2SeqSpec;
import org.rnnkit.core.spec.SpecException;
import org.rnnkit.datasets.SpecialTokens;

/**
 * An encoder-decoder with attention decodes step by step exactly what its training graph computes with teacher
 * forcing (the same vertex on one step), padding of the sources changes nothing, and the attention weights are a
 * distribution over each source's real steps.
 */
class AttentionDecodingTest {
    private static final int[][] SOURCES = {{4, 5, 6, 7, 8}, {8}, {6, 4, 7}};
    private static final int[][] TARGET_IN = {{SpecialTokens.BOS, 4, 5, 6}, {SpecialTokens.BOS, 6, 6, 5},
        {SpecialTokens.BOS, 5, 4, 4}};

    private static Seq2SeqModel model(Attention attention) {
        boolean bidirectional = attention != Attention.DOT;
        Seq2SeqSpec spec = Rnn.encoderDecoder(9, 7).embedding(4).seed(5)
                .gru(6, o -> {
                    if (bidirectional) {
                        o.bidirectional();
                    }
                })
                .attention(attention).spec();
        Seq2SeqModel model = Seq2SeqModel.create(spec, DataType.DOUBLE);
        // Larger weights than the initialisation give sharper, more varied attention to compare.
        model.network().params().muli(3);
        return model;
    }

    private static INDArray tokens(int[][] rows, int length) {
        INDArray out = Nd4j.zeros(DataType.DOUBLE, rows.length, 1, length);
        for (int r = 0; r < rows.length; r++) {
            for (int t = 0; t < rows[r].length; t++) {
                out.putScalar(new long[] {r, 0, t}, rows[r][t]);
            }
        }
        return out;
    }

    private static INDArray mask(int[][] rows, int length) {
        INDArray out = Nd4j.zeros(DataType.DOUBLE, rows.length, length);
        for (int r = 0; r < rows.length; r++) {
            for (int t = 0; t < rows[r].length; t++) {
                out.putScalar(r, t, 1);
            }
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(value = Attention.class, names = {"LUONG", "BAHDANAU", "DOT"})
    void stepsComputeTheTeacherForcedGraphOutput(Attention attention) {
        Seq2SeqModel model = model(attention);
        INDArray full = model.output(tokens(SOURCES, 5), mask(SOURCES, 5), tokens(TARGET_IN, 4), null);
        StepModel stepper = model.stepper();
        DecoderState state = stepper.encode(SOURCES);
        for (int t = 0; t < 4; t++) {
            int[] previous = new int[SOURCES.length];
            for (int r = 0; r < previous.length; r++) {
                previous[r] = TARGET_IN[r][t];
            }
            Step step = stepper.step(state, previous);
            for (int r = 0; r < SOURCES.length; r++) {
                for (int token = 0; token < 7; token++) {
                    assertEquals(Math.log(full.getDouble(r, token, t)), step.logProbabilities()[r][token], 1e-9,
                            attention + " row " + r + " step " + t + " token " + token);
                }
            }
            state = step.next();
        }
    }

    @ParameterizedTest
    @EnumSource(value = Attention.class, names = {"LUONG", "BAHDANAU"})
    void paddingNeverChangesARealStep(Attention attention) {
        Seq2SeqModel model = model(attention);
        INDArray batch = model.output(tokens(SOURCES, 5), mask(SOURCES, 5), tokens(TARGET_IN, 4), null);
        for (int r = 0; r < SOURCES.length; r++) {
            int[][] one = {SOURCES[r]};
            int[][] target = {TARGET_IN[r]};
            INDArray alone = model.output(tokens(one, one[0].length), null, tokens(target, 4), null);
            for (int t = 0; t < 4; t++) {
                for (int token = 0; token < 7; token++) {
                    assertEquals(alone.getDouble(0, token, t), batch.getDouble(r, token, t), 1e-12,
                            attention + " row " + r + " step " + t);
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = Attention.class, names = {"LUONG", "BAHDANAU", "DOT"})
    void weightsAreADistributionOverTheRealSourceSteps(Attention attention) {
        Seq2SeqModel model = model(attention);
        StepModel stepper = model.stepper();
        stepper.step(stepper.encode(SOURCES), new int[] {SpecialTokens.BOS, SpecialTokens.BOS, SpecialTokens.BOS});
        INDArray weights = ((AttentionGraphVertex) model.network().getVertex("attention")).lastWeights();
        assertArrayEquals(new long[] {3, 1, 5}, weights.shape());
        for (int r = 0; r < SOURCES.length; r++) {
            double sum = 0;
            for (int s = 0; s < 5; s++) {
                double w = weights.getDouble(r, 0, s);
                if (s < SOURCES[r].length) {
                    sum += w;
                    assertEquals(true, w > 0, "a real step gets weight: row " + r + " step " + s);
                } else {
                    assertEquals(0.0, w, 0.0, "padding gets no weight: row " + r + " step " + s);
                }
            }
            assertEquals(1.0, sum, 1e-12, "row " + r);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Attention.class, names = {"LUONG", "BAHDANAU"})
    void aPaddedBatchDecodesAsEachSourceAloneAndBeamOneIsGreedy(Attention attention) {
        Seq2SeqModel model = model(attention);
        DecodeOptions options = DecodeOptions.maxLength(6);
        List<Decoded> greedy = Search.greedy().decode(model.stepper(), SOURCES, options);
        List<Decoded> beam = Search.beam(1).decode(model.stepper(), SOURCES, options);
        for (int r = 0; r < SOURCES.length; r++) {
            Decoded alone = Search.greedy().decode(model.stepper(), new int[][] {SOURCES[r]}, options).get(0);
            assertArrayEquals(alone.tokens(), greedy.get(r).tokens(), "row " + r);
            assertEquals(alone.logProbability(), greedy.get(r).logProbability(), 1e-9);
            assertArrayEquals(greedy.get(r).tokens(), beam.get(r).tokens(), "beam 1 = greedy, row " + r);
            assertEquals(greedy.get(r).logProbability(), beam.get(r).logProbability(), 1e-9);
        }
    }

    @org.junit.jupiter.api.Test
    void theSummaryListsTheAttentionAndItsParameters() {
        Seq2SeqModel model = model(Attention.LUONG);
        String summary = model.summary();
        assertEquals(true, summary.contains("AttentionVertex"), summary);
        assertEquals(true, summary.contains(String.format("total parameters: %,d", model.network().params().length())),
                summary);
    }

    @org.junit.jupiter.api.Test
    void dotAttentionRefusesABidirectionalEncoder() {
        SpecException e = assertThrows(SpecException.class, () -> Rnn.encoderDecoder(9, 7)
                .gru(6, o -> o.bidirectional()).attention(Attention.DOT).spec());
        assertEquals(true, e.getMessage().contains("LUONG"), e.getMessage());
    }

    @org.junit.jupiter.api.Test
    void aModelWithAttentionSavesAndLoads(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        Seq2SeqModel model = model(Attention.BAHDANAU);
        model.save(dir.resolve("m.zip"));
        Seq2SeqModel loaded = Seq2SeqModel.load(dir.resolve("m.zip"));
        assertEquals(Attention.BAHDANAU, loaded.spec().attention());
        INDArray before = model.output(tokens(SOURCES, 5), mask(SOURCES, 5), tokens(TARGET_IN, 4), null);
        INDArray after = loaded.output(tokens(SOURCES, 5), mask(SOURCES, 5), tokens(TARGET_IN, 4), null);
        assertEquals(before, after);
    }
}
