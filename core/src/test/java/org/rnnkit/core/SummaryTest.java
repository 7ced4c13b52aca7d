package org.rnnkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import java.util.List;
import org.rnnkit.core.spec.InputSpec;
import org.rnnkit.core.spec.PoolSpec;

/** summary() lists layers, output shapes and parameter counts that add up to the network's. */
class SummaryTest {

    @Test
    void sequenceSummaryCountsEveryParameter() {
        SequenceModel model = Rnn.sequence(InputSpec.tokens(100)).embedding(16)
                .lstm(32, o -> o.layers(2)).lastStep().softmax(3).build();
        String summary = model.summary();
        // Embedding 100x16 (no bias), LSTM 4*32*(16+32)+4*32, LSTM 4*32*(32+32)+4*32, output 32*3+3.
        long expected = 100 * 16 + (4 * 32 * 48 + 128) + (4 * 32 * 64 + 128) + (32 * 3 + 3);
        assertEquals(expected, model.network().numParams());
        assertTrue(summary.contains(String.format("total parameters: %,d", expected)), summary);
        assertTrue(summary.contains("[batch, 32, time]") && summary.contains("[batch, 3]"), summary);
        assertTrue(summary.contains("LastTimeStep(LSTM)"), summary);
    }

    @Test
    void poolingReducesTheShapeAndDropoutIsListedWhereDeclared() {
        SequenceModel model = Rnn.sequence(InputSpec.tokens(100)).embedding(16).dropout(0.1)
                .gru(64, o -> o.bidirectional()).pool(PoolSpec.Pooling.MAX).dropout(0.2).dense(8).softmax(3).build();
        List<String> lines = model.summary().lines().toList();
        int pool = index(lines, "GlobalPoolingLayer(MAX)");
        assertTrue(lines.get(pool).contains("[batch, 128]") && !lines.get(pool).contains("time"), lines.get(pool));
        assertTrue(lines.get(pool + 1).contains("dropout(0.2)") && lines.get(pool + 1).contains("[batch, 128]"),
                lines.get(pool + 1));
        assertTrue(lines.get(pool + 2).contains("DenseLayer"), "dropout(0.2) sits between pooling and dense");
        int embedding = index(lines, "EmbeddingSequenceLayer");
        assertTrue(lines.get(embedding + 1).contains("dropout(0.1)") && lines.get(embedding + 1).contains("[batch, 16, time]"),
                lines.get(embedding + 1));
        assertTrue(lines.get(embedding + 2).contains("Bidirectional"), lines.get(embedding + 2));
        assertEquals(2, lines.stream().filter(l -> l.contains("dropout(")).count(), String.join("\n", lines));
    }

    private static int index(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        throw new AssertionError(text + " not in summary:\n" + String.join("\n", lines));
    }

    @Test
    void encoderDecoderSummaryNamesItsParts() {
        Seq2SeqModel model = Rnn.encoderDecoder(20, 30).embedding(8).lstm(16).build();
        String summary = model.summary();
        assertTrue(summary.contains("encoder0") && summary.contains("decoder0") && summary.contains("output"), summary);
        assertTrue(summary.contains(String.format("total parameters: %,d", model.network().numParams())), summary);
    }
}
