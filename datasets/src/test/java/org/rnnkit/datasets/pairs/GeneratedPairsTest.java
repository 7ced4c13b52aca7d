package org.rnnkit.datasets.pairs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.rnnkit.datasets.text.HoldOut;
import org.rnnkit.datasets.text.ReversibleTokenizer;

/** The generated corpus, the split by source sentence, and reversible target tokens. */
class GeneratedPairsTest {

    @Test
    void deterministicDistinctSourcesAndGrammar() {
        List<SentencePair> a = GeneratedPairs.generate(500, 7);
        assertEquals(a, GeneratedPairs.generate(500, 7));
        assertEquals(500, a.stream().map(SentencePair::source).distinct().count());
        Map<String, String> byEnglish = a.stream().collect(Collectors.toMap(SentencePair::source, SentencePair::target));
        // Agreement, reordering and negation as the grammar says, wherever such a sentence was drawn.
        int negations = 0;
        int contractions = 0;
        for (SentencePair p : a) {
            assertTrue(p.source().endsWith(".") && p.target().endsWith("."), p.toString());
            if (p.source().contains(" does not ") || p.source().contains(" do not ")) {
                negations++;
                assertTrue(p.target().matches(".* (ne \\p{L}+|n'\\p{L}+) pas .*"), p.toString());
            }
            if (p.source().contains(" near the ")) {
                contractions++;
                assertTrue(p.target().matches(".* près (du|de la|des) .*"), p.toString());
            }
            if (p.source().startsWith("The small red cat ")) {
                assertTrue(p.target().startsWith("Le petit chat rouge "), p.toString());
            }
            if (p.source().startsWith("These old white cars ")) {
                assertTrue(p.target().startsWith("Ces vieilles voitures blanches "), p.toString());
            }
        }
        assertTrue(negations > 50 && contractions > 2, negations + " negations, " + contractions + " contractions");
        assertEquals(500, byEnglish.size());
        assertEquals(GeneratedPairs.DEFAULT_COUNT, GeneratedPairs.defaultCorpus().size());
    }

    @Test
    void theSplitKeepsEverySourceOnOneSide() {
        List<SentencePair> pairs = List.of(new SentencePair("Run!", "Cours !", 1), new SentencePair("Run!",
                "Courez !", 2), new SentencePair("Go.", "Va !", 3), new SentencePair("Hi.", "Salut !", 4));
        for (long seed = 0; seed < 20; seed++) {
            PairSplit.Parts parts = PairSplit.bySource(pairs, new HoldOut(0.5, seed));
            Set<String> kept = parts.kept().stream().map(SentencePair::source).collect(Collectors.toSet());
            Set<String> held = new HashSet<>(parts.heldOut().stream().map(SentencePair::source).toList());
            held.retainAll(kept);
            assertTrue(held.isEmpty(), "seed " + seed + ": a source on both sides");
            assertEquals(4, parts.kept().size() + parts.heldOut().size());
        }
        List<SentencePair> reordered = List.of(pairs.get(3), pairs.get(1), pairs.get(0), pairs.get(2));
        assertEquals(PairSplit.fingerprint(pairs), PairSplit.fingerprint(reordered));
        assertTrue(!PairSplit.fingerprint(pairs).equals(PairSplit.fingerprint(pairs.subList(0, 3))));
    }

    @Test
    void targetTokensJoinBackIntoTheirText() {
        ReversibleTokenizer t = new ReversibleTokenizer();
        for (String s : List.of("Qu'est-ce que c'est ?", "Va !", "Il a 3,5 ans.", "« Bonjour », dit-il.",
                "Ils l'ont vu.")) {
            assertEquals(s, t.detokenize(t.tokenize(s)), s);
        }
        assertEquals(List.of("Qu'est", ReversibleTokenizer.JOINER + "-", ReversibleTokenizer.JOINER + "ce", "que",
                "c'est", "?"), t.tokenize("Qu'est-ce que c'est ?"));
        assertEquals("a b", t.detokenize(t.tokenize("  a \t b ")));
    }
}
