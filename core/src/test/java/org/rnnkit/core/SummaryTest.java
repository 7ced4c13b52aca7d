package org.rnnkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rnnkit.core.spec.InputSpec;

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
    void encoderDecoderSummaryNamesItsParts() {
        Seq2SeqModel model = Rnn.encoderDecoder(20, 30).embedding(8).lstm(16).build();
        String summary = model.summary();
        assertTrue(summary.contains("encoder0") && summary.contains("decoder0") && summary.contains("output"), summary);
        assertTrue(summary.contains(String.format("total parameters: %,d", model.network().numParams())), summary);
    }
}
