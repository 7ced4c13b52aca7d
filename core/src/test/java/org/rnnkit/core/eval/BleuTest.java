package org.rnnkit.core.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Bleu} against sacreBLEU's documented output and hand-computed cases. */
class BleuTest {

    /**
     * The example of sacreBLEU's README (version 2): {@code BLEU = 48.53 82.4/50.0/45.5/37.5 (BP = 0.943 ratio =
     * 0.944 hyp_len = 17 ref_len = 18)}.
     */
    @Test
    void sacreBleuReadmeExample() {
        List<String> hyps = List.of("The dog bit the man.", "It wasn't surprising.", "The man had just bitten him.");
        List<List<String>> refs = List.of(
                List.of("The dog bit the man.", "The dog had bit the man."),
                List.of("It was not unexpected.", "No one was surprised."),
                List.of("The man bit him first.", "The man had bitten the dog."));
        Bleu.Score s = Bleu.corpus(hyps, refs);
        assertEquals(48.53, round(s.score(), 2), 0.0);
        double[] p = s.precisions();
        assertArrayEquals(new double[] {82.4, 50.0, 45.5, 37.5},
                new double[] {round(p[0], 1), round(p[1], 1), round(p[2], 1), round(p[3], 1)}, 0.0);
        assertEquals(0.943, round(s.brevityPenalty(), 3), 0.0);
        assertEquals(17, s.hypothesisLength());
        assertEquals(18, s.referenceLength());
        assertEquals("BLEU = 48.53 82.4/50.0/45.5/37.5 (BP = 0.943 ratio = 0.944 hyp_len = 17 ref_len = 18)",
                s.toString());
    }

    @Test
    void identicalTextScores100AndDisjointTextScores0() {
        assertEquals(100.0, Bleu.corpus(List.of("Il fait beau aujourd'hui ."), List.of(List.of("Il fait beau "
                + "aujourd'hui."))).score(), 1e-9);
        assertEquals(0.0, Bleu.corpus(List.of("x y z"), List.of(List.of("a b c d"))).score(), 0.0);
    }

    /**
     * "a b c d" against "a b x d y": precisions 3/4, 1/3, then no 3- or 4-gram match, smoothed as 100/(2·2) and
     * 100/(4·1); the hypothesis is shorter (4 against 5), so BP = exp(1 - 5/4).
     */
    @Test
    void expSmoothingAndBrevityPenaltyByHand() {
        Bleu.Score s = Bleu.corpus(List.of("a b c d"), List.of(List.of("a b x d y")));
        assertArrayEquals(new double[] {75.0, 100.0 / 3, 25.0, 25.0}, s.precisions(), 1e-9);
        assertEquals(Math.exp(-0.25), s.brevityPenalty(), 1e-12);
        assertEquals(Math.exp(-0.25) * Math.pow(75 * (100.0 / 3) * 25 * 25, 0.25), s.score(), 1e-9);
    }

    @Test
    void closestReferenceLengthPrefersTheShorterOnATie() {
        // 4 tokens; references of 3 and 5 tokens are equally close: the shorter counts, so no penalty.
        Bleu.Score s = Bleu.corpus(List.of("a b c d"), List.of(List.of("a b c d e", "a b c")));
        assertEquals(3, s.referenceLength());
        assertEquals(1.0, s.brevityPenalty(), 0.0);
    }

    @Test
    void countsAreClippedByTheLargestCountInOneReference() {
        // "the" 4 times; the references hold it at most twice (not 1 + 2 = 3): 2 of 4 unigrams match.
        Bleu.Score s = Bleu.corpus(List.of("the the the the"), List.of(List.of("the cat", "the the mat")));
        assertEquals(50.0, s.precisions()[0], 1e-12);
    }

    @Test
    void corpusStatisticsAreSummedBeforeTheScore() {
        // Each sentence alone scores 0 at order 4 (too short), the corpus does not: counts are pooled first.
        Bleu.Score s = Bleu.corpus(List.of("a b c", "d e f g"), List.of(List.of("a b c"), List.of("d e f g")));
        assertEquals(100.0, s.score(), 1e-9);
    }

    @Test
    void tokenizer13a() {
        assertEquals("Hello , world !", Bleu.tokenize13a("Hello, world!"));
        assertEquals("3.5 and 3,000 .", Bleu.tokenize13a("3.5 and 3,000."));
        assertEquals("Qu'est-ce que c'est ?", Bleu.tokenize13a("Qu'est-ce que c'est?"));
        assertEquals("1 - 2 a / b ( c )", Bleu.tokenize13a("1-2 a/b (c)"));
        assertEquals("\" x \" & y", Bleu.tokenize13a("&quot;x&quot; &amp; y"));
        assertEquals("Va !", Bleu.tokenize13a("  Va\t!  "));
    }

    @Test
    void everyHypothesisNeedsAReference() {
        assertThrows(IllegalArgumentException.class, () -> Bleu.corpus(List.of("a"), List.of(List.of())));
        assertThrows(IllegalArgumentException.class, () -> Bleu.corpus(List.of("a", "b"), List.of(List.of("a"))));
    }

    private static double round(double value, int places) {
        return new java.math.BigDecimal(value).setScale(places, java.math.RoundingMode.HALF_EVEN).doubleValue();
    }
}
