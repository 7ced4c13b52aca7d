package org.rnnkit.core.decode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rnnkit.datasets.SpecialTokens;
import org.rnnkit.datasets.music.Melody;
import org.rnnkit.datasets.music.MelodyCodec;

/** Searches on stepping models whose probabilities are fixed, so that every expected result is known. */
class SearchTest {
    private static final int EOS = SpecialTokens.EOS;
    private static final int A = 4;
    private static final int B = 5;

    /** Probabilities over {PAD, UNK, BOS, EOS, A, B}. */
    private static double[] p(double eos, double a, double b) {
        return new double[] {0, 0, 0, eos, a, b};
    }

    /** A model whose distributions are random but fixed per (input, prefix), favouring PAD, UNK and BOS. */
    private static FakeStepModel randomModel(int vocabulary, long seed) {
        return new FakeStepModel(vocabulary, (input, prefix) -> {
            Random r = new Random(seed * 7919 + input * 31L + Arrays.hashCode(prefix));
            double[] w = new double[vocabulary];
            double total = 0;
            for (int t = 0; t < vocabulary; t++) {
                w[t] = r.nextDouble() * (t < SpecialTokens.EOS ? 4 : 1);
                total += w[t];
            }
            for (int t = 0; t < vocabulary; t++) {
                w[t] /= total;
            }
            return w;
        });
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void beamOfWidthOneIsGreedy(long seed) {
        FakeStepModel model = randomModel(9, seed);
        int[][] inputs = new int[6][0];
        DecodeOptions options = DecodeOptions.maxLength(8);
        List<Decoded> greedy = Search.greedy().decode(model, inputs, options);
        for (BeamSearch beam : List.of(Search.beam(1), Search.beam(1).withLengthNormalization(0.7))) {
            List<Decoded> one = beam.decode(model, inputs, options);
            for (int i = 0; i < inputs.length; i++) {
                assertArrayEquals(greedy.get(i).tokens(), one.get(i).tokens(), "input " + i);
                assertEquals(greedy.get(i).logProbability(), one.get(i).logProbability(), 1e-12);
                assertEquals(greedy.get(i).finished(), one.get(i).finished());
            }
        }
    }

    @Test
    void beamFindsTheLikelierSequenceGreedyMisses() {
        // A first is likelier (0.6), but after A the end is only 0.4 likely; B (0.4) ends with 0.99.
        FakeStepModel model = new FakeStepModel(6, (input, prefix) -> {
            if (prefix.length == 0) {
                return p(0, 0.6, 0.4);
            }
            if (prefix.length == 1) {
                return prefix[0] == A ? p(0.4, 0.3, 0.3) : p(0.99, 0, 0.01);
            }
            return p(1, 0, 0);
        });
        int[][] one = new int[1][0];
        Decoded greedy = Search.greedy().decode(model, one, DecodeOptions.maxLength(5)).get(0);
        assertArrayEquals(new int[] {A}, greedy.tokens());
        assertEquals(Math.log(0.6 * 0.4), greedy.logProbability(), 1e-12);
        Decoded beam = Search.beam(2).decode(model, one, DecodeOptions.maxLength(5)).get(0);
        assertArrayEquals(new int[] {B}, beam.tokens());
        assertEquals(Math.log(0.4 * 0.99), beam.logProbability(), 1e-12);
        assertTrue(beam.finished());
        List<Decoded> all = Search.beam(2).decodeAll(model, one, DecodeOptions.maxLength(5)).get(0);
        assertEquals(List.of(List.of(B), List.of(A)), all.stream().map(d -> Arrays.stream(d.tokens()).boxed().toList()).toList());
    }

    @Test
    void lengthNormalisationRanksByLogProbabilityPerToken() {
        // Ending at once: 0.5. A A A then the end: 0.5 * 0.9^3, less likely in all but likelier per token.
        FakeStepModel model = new FakeStepModel(6, (input, prefix) ->
                prefix.length == 0 ? p(0.5, 0.5, 0) : prefix.length < 3 ? p(0.1, 0.9, 0) : p(0.9, 0.1, 0));
        int[][] one = new int[1][0];
        Decoded plain = Search.beam(2).decode(model, one, DecodeOptions.maxLength(6)).get(0);
        assertArrayEquals(new int[0], plain.tokens());
        assertEquals(Math.log(0.5), plain.score(), 1e-12);
        Decoded normalised = Search.beam(2).withLengthNormalization(1).decode(model, one, DecodeOptions.maxLength(6)).get(0);
        assertArrayEquals(new int[] {A, A, A}, normalised.tokens());
        assertEquals(Math.log(0.5 * 0.729) / 4, normalised.score(), 1e-12, "four tokens, the end included");
    }

    @Test
    void stopTokenEndsASequenceAndMaxLengthCutsIt() {
        FakeStepModel model = new FakeStepModel(6, (input, prefix) ->
                input == 0 ? (prefix.length < 2 ? p(0.1, 0.9, 0) : p(0.9, 0.1, 0)) : p(0.1, 0, 0.9));
        List<Decoded> out = Search.greedy().decode(model, new int[2][0], DecodeOptions.maxLength(4));
        assertArrayEquals(new int[] {A, A}, out.get(0).tokens());
        assertTrue(out.get(0).finished());
        assertEquals(Math.log(0.9 * 0.9 * 0.9), out.get(0).logProbability(), 1e-12);
        assertArrayEquals(new int[] {B, B, B, B}, out.get(1).tokens());
        assertTrue(!out.get(1).finished(), "cut at the maximum length");
    }

    @Test
    void specialTokensAreNeverEmittedUnlessAllowed() {
        FakeStepModel model = new FakeStepModel(6, (input, prefix) ->
                prefix.length < 3 ? new double[] {0.3, 0.3, 0.3, 0.01, 0.05, 0.04} : p(1, 0, 0));
        for (Search search : List.of(Search.greedy(), Search.beam(3), Search.sampling(1).withSeed(3))) {
            for (Decoded d : search.decode(model, new int[5][0], DecodeOptions.maxLength(6))) {
                assertTrue(Arrays.stream(d.tokens()).allMatch(t -> t == A || t == B), search + ": " + d);
            }
        }
        Decoded withUnknown = Search.greedy().decode(model, new int[1][0],
                DecodeOptions.maxLength(6).withTokens(TokenRules.standardAllowingUnknown())).get(0);
        assertArrayEquals(new int[] {SpecialTokens.UNK, SpecialTokens.UNK, SpecialTokens.UNK}, withUnknown.tokens());
    }

    @Test
    void constrainedDecodingFollowsTheMelodyGrammar() {
        MelodyCodec codec = new MelodyCodec(4, 4);
        BitSet events = new BitSet();
        events.set(MelodyCodec.REST);
        events.set(MelodyCodec.pitchToken(0), MelodyCodec.pitchToken(127) + 1);
        BitSet durations = new BitSet();
        for (int steps = 1; steps <= 4; steps++) {
            durations.set(codec.durationToken(steps));
        }
        // A pitch or rest is followed by a duration; after a duration comes another event or the end.
        Constraint grammar = (input, prefix) -> {
            if (prefix.length == 0) {
                return events;
            }
            if (events.get(prefix[prefix.length - 1])) {
                return durations;
            }
            BitSet next = (BitSet) events.clone();
            next.set(MelodyCodec.EOS);
            return next;
        };
        FakeStepModel model = randomModel(codec.vocabularySize(), 11);
        DecodeOptions options = DecodeOptions.maxLength(12).withConstraint(grammar);
        for (Search search : List.of(Search.greedy(), Search.beam(4), Search.sampling(1.5).withSeed(1),
                Search.sampling(1).withTopP(0.9).withSeed(2))) {
            for (Decoded d : search.decode(model, new int[8][0], options)) {
                int[] t = d.tokens();
                for (int i = 0; i < t.length; i++) {
                    boolean ok = i == 0 || !events.get(t[i - 1]) ? events.get(t[i]) : durations.get(t[i]);
                    assertTrue(ok, search + " broke the grammar at " + i + ": " + d);
                }
                if (d.finished()) {
                    assertTrue(durations.get(t[t.length - 1]), search + " ended after an event: " + d);
                    int[] sequence = new int[t.length + 2];
                    sequence[0] = MelodyCodec.BOS;
                    System.arraycopy(t, 0, sequence, 1, t.length);
                    sequence[t.length + 1] = MelodyCodec.EOS;
                    if (Arrays.stream(t).anyMatch(x -> x != MelodyCodec.REST && events.get(x))) {
                        Melody melody = codec.decode(sequence);
                        assertEquals(t.length / 2, melody.events().size(), "every event has one duration");
                    }
                }
            }
        }
    }

    @Test
    void aConstraintThatAllowsNothingIsAClearError() {
        FakeStepModel model = randomModel(6, 1);
        DecodeOptions options = DecodeOptions.maxLength(3).withConstraint((input, prefix) -> {
            BitSet only = new BitSet();
            only.set(SpecialTokens.PAD);
            return only;
        });
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Search.greedy().decode(model, new int[1][0], options));
        assertTrue(e.getMessage().startsWith("no token may follow [] for input 0"), e.getMessage());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> DecodeOptions.maxLength(0));
        assertEquals("maxLength must be at least 1, got 0", bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Search.beam(0));
        assertThrows(IllegalArgumentException.class, () -> Search.sampling(0));
        assertThrows(IllegalArgumentException.class, () -> Search.sampling(1).withTopP(1.5));
    }

    @Test
    void samplingIsRepeatableForASeedAndPerInput() {
        FakeStepModel model = randomModel(12, 5);
        DecodeOptions options = DecodeOptions.maxLength(10);
        SamplingSearch sampling = Search.sampling(1).withSeed(9);
        List<Decoded> first = sampling.decode(model, new int[8][0], options);
        assertEquals(first, sampling.decode(model, new int[8][0], options));
        assertNotEquals(first, sampling.withSeed(10).decode(model, new int[8][0], options));
        assertEquals(first.get(0), sampling.decode(model, new int[1][0], options).get(0),
                "an input's draws do not depend on the rest of the batch");
    }

    @Test
    void temperatureTopKAndTopPKeepTheExpectedTokens() {
        double[] p = {0.3, 0.25, 0.15, 0.1, 0.08, 0.05, 0.04, 0.02, 0.01, 0.0};
        double[] logp = Arrays.stream(p).map(Math::log).toArray();
        BitSet all = new BitSet();
        all.set(0, p.length);
        SamplingSearch.Candidates k3 = Search.sampling(1).withTopK(3).candidates(logp, all);
        assertArrayEquals(new int[] {0, 1, 2}, k3.tokens());
        assertArrayEquals(new double[] {0.3 / 0.7, 0.25 / 0.7, 0.15 / 0.7}, k3.probabilities(), 1e-12);
        assertArrayEquals(new int[] {0, 1, 2}, Search.sampling(1).withTopP(0.6).candidates(logp, all).tokens(),
                "0.3 + 0.25 < 0.6 <= 0.3 + 0.25 + 0.15");
        assertArrayEquals(new int[] {0, 1}, Search.sampling(1).withTopP(0.55).candidates(logp, all).tokens());
        assertArrayEquals(new int[] {0, 1, 2}, Search.sampling(1).withTopK(4).withTopP(0.7).candidates(logp, all).tokens(),
                "top-p over the renormalised top 4: 0.3/0.8 + 0.25/0.8 = 0.6875 < 0.7");
        SamplingSearch.Candidates hot = Search.sampling(2).withTopK(2).candidates(logp, all);
        double a = Math.sqrt(0.3);
        double b = Math.sqrt(0.25);
        assertArrayEquals(new double[] {a / (a + b), b / (a + b)}, hot.probabilities(), 1e-12);
    }

    @ParameterizedTest
    @ValueSource(strings = {"k", "p"})
    void drawsComeOnlyFromTheTopKOrTopPSet(String kind) {
        double[] p = {0.02, 0.3, 0.05, 0.25, 0.15, 0.1, 0.08, 0.05};
        FakeStepModel model = new FakeStepModel(p.length, (input, prefix) -> p);
        SamplingSearch search = kind.equals("k") ? Search.sampling(1).withTopK(3).withSeed(4)
                : Search.sampling(1).withTopP(0.7).withSeed(4);
        Set<Integer> drawn = new HashSet<>();
        for (Decoded d : search.decode(model, new int[600][0], DecodeOptions.maxLength(1).withTokens(TokenRules.none()))) {
            drawn.add(d.tokens()[0]);
        }
        assertEquals(Set.of(1, 3, 4), drawn, "the three likeliest tokens (0.3 + 0.25 + 0.15 = 0.7), each drawn");
    }
}
