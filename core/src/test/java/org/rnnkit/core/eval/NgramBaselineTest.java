package org.rnnkit.core.eval;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Add-one unigram and bigram baselines, against probabilities counted by hand. */
class NgramBaselineTest {

    private static final List<int[]> TRAINING = List.of(new int[] {2, 5, 5, 3});

    @Test
    void addOneProbabilities() {
        NgramBaseline bigram = NgramBaseline.bigram(TRAINING, 6);
        assertEquals(2.0 / 7, bigram.probability(2, 5), 1e-12, "(1 + 1) / (1 + 6)");
        assertEquals(2.0 / 8, bigram.probability(5, 3), 1e-12, "5 is followed twice: (1 + 1) / (2 + 6)");
        assertEquals(1.0 / 8, bigram.probability(5, 4), 1e-12);
        assertEquals(1.0 / 6, bigram.probability(4, 4), 1e-12, "an unseen context is uniform");
        NgramBaseline unigram = NgramBaseline.unigram(TRAINING, 6);
        assertEquals(3.0 / 9, unigram.probability(0, 5), 1e-12, "targets 5, 5, 3: (2 + 1) / (3 + 6)");
        assertEquals(1.0 / 9, unigram.probability(0, 2), 1e-12, "the first token is never a target");
        assertThrows(IllegalArgumentException.class, () -> unigram.probability(0, 6));
    }

    @Test
    void perplexityOverTheTargetsOfEachSequence() {
        EvaluationReport report = NgramBaseline.bigram(TRAINING, 6).evaluate(List.of(new int[] {2, 5, 3}));
        assertEquals(2, report.units());
        assertEquals(1, report.examples());
        double crossEntropy = -(Math.log(2.0 / 7) + Math.log(2.0 / 8)) / 2;
        assertEquals(Math.exp(crossEntropy), report.perplexity(), 1e-9);
    }
}
