package org.rnnkit.core.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.rnnkit.core.task.NgramPath;
import org.rnnkit.datasets.LabelSet;
import org.rnnkit.datasets.text.LabelledText;
import org.rnnkit.datasets.text.TextCorpus;
import org.rnnkit.datasets.text.Tokenizer;

/** The n-gram path of a text classifier: its features, naive-Bayes scaling, training and combination rule. */
class NgramPathTest {
    private static final LabelSet CLASSES = LabelSet.of("neg", "pos");
    private static final Tokenizer TOKENS = Tokenizer.lowerCasing();

    @Test
    void ngramsAreTheDistinctRunsOfOneToOrderWords() {
        assertEquals(Set.of("a", "a b", "b", "b c", "c"), NgramPath.ngramsOf(List.of("a", "b", "c"), 2));
        assertEquals(Set.of("a", "b"), NgramPath.ngramsOf(List.of("a", "b", "a"), 1));
        assertEquals(Set.of("a", "a b", "a b a", "b", "b a"), NgramPath.ngramsOf(List.of("a", "b", "a"), 3));
    }

    @Test
    void naiveBayesRatiosMatchTheHandCount() {
        // Class 0 texts hold features {0} and {0, 1}; the class 1 text holds {1}. Add-one smoothing:
        // class 0: (2+1, 1+1)/5 against (0+1, 1+1)/3; class 1 is the mirror image.
        double[] r = NgramPathTrainer.ratios(List.of(new int[] {0}, new int[] {0, 1}, new int[] {1}),
                new int[] {0, 0, 1}, 2, 2);
        assertArrayEquals(new double[] {Math.log(9 / 5.0), Math.log(3 / 5.0), -Math.log(9 / 5.0),
            -Math.log(3 / 5.0)}, r, 1e-12);
    }

    @Test
    void combinationIsTheWeightedProductOfTheTwoModels() {
        // One n-gram "good" with weight 1 for pos; the combination a = 1, b = 1, no bias multiplies probabilities.
        NgramPath path = new NgramPath(1, List.of("good"), new float[] {0, 1}, new double[2], 1, 1, new double[2]);
        double ngramPos = 1 / (1 + Math.exp(-1));
        assertEquals(ngramPos, path.probabilities(List.of("good"))[1], 1e-9);
        double[] combined = path.combine(new double[] {0.25, 0.75}, List.of("so", "good"));
        double expected = 0.75 * ngramPos / (0.75 * ngramPos + 0.25 * (1 - ngramPos));
        assertEquals(expected, combined[1], 1e-9);
        assertEquals(1.0, combined[0] + combined[1], 1e-12);
        assertEquals(0.5, path.alone().combine(new double[] {0.01, 0.99}, List.of("unknown"))[1], 1e-12);
    }

    @Test
    void everyNgramOfTheTrainingTextsIsAFeature() {
        TextCorpus texts = new TextCorpus(List.of(new LabelledText("good film", 1, "t:0"),
                new LabelledText("bad film", 0, "t:1"), new LabelledText("superb film", 1, "t:2")), CLASSES);
        NgramPath path = NgramPathTrainer.train(texts, TOKENS, 2, 0.1);
        // good, bad, superb, film, "good film", "bad film", "superb film": all kept, though most occur once
        assertEquals(7, path.size());
        assertTrue(path.probabilities(List.of("superb"))[1] > 0.5, "an n-gram of one text still counts");
    }

    @Test
    void theTrainedPathLetsTheNetworkTipCloseCalls() {
        List<LabelledText> reviews = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            reviews.add(new LabelledText("good film", 1, "t:" + reviews.size()));
            reviews.add(new LabelledText("bad film", 0, "t:" + reviews.size()));
        }
        TextCorpus texts = new TextCorpus(reviews, CLASSES);
        NgramPath path = NgramPathTrainer.train(texts, TOKENS, 1, 0.1);
        assertEquals(0.1, path.networkWeight(), 0);
        assertEquals(1, path.ngramWeight(), 0);
        // softmax(0.1 log p_network + log p_ngrams), by hand: "film" alone is a tie for the n-gram model...
        double[] tie = path.probabilities(List.of("film"));
        assertEquals(0.5, tie[1], 1e-9);
        double pos = Math.pow(0.9, 0.1) * tie[1];
        double neg = Math.pow(0.1, 0.1) * tie[0];
        assertEquals(pos / (pos + neg), path.combine(new double[] {0.1, 0.9}, List.of("film"))[1], 1e-9);
        // ...which the network decides, but a confident network does not overrule a clear n-gram verdict.
        assertTrue(path.combine(new double[] {0.1, 0.9}, List.of("film"))[1] > 0.5);
        double[] bad = path.probabilities(List.of("bad"));
        assertTrue(bad[0] > 0.8, "n-gram verdict: " + bad[0]);
        assertTrue(path.combine(new double[] {0.01, 0.99}, List.of("bad"))[0] > 0.5);
    }

    /** Both classes use the same words; only the word pairs ("not good" against "not bad") tell them apart. */
    @Test
    void pairsOfWordsSeparateWhatSingleWordsCannot() {
        String[] subjects = {"the film", "the food", "the hotel", "the phone", "the book", "the service"};
        List<LabelledText> fit = new ArrayList<>();
        List<LabelledText> validation = new ArrayList<>();
        for (int i = 0; i < subjects.length; i++) {
            for (String verb : List.of("was", "is", "seemed")) {
                List<LabelledText> to = verb.equals("seemed") ? validation : fit;
                to.add(new LabelledText(subjects[i] + " " + verb + " bad , not good", 0, "t:" + to.size()));
                to.add(new LabelledText(subjects[i] + " " + verb + " good , not bad", 1, "t:" + to.size()));
            }
        }
        TextCorpus train = new TextCorpus(fit, CLASSES);
        NgramPath words = NgramPathTrainer.train(train, TOKENS, 1, 0.1);
        NgramPath pairs = NgramPathTrainer.train(train, TOKENS, 2, 0.1);
        for (LabelledText t : validation) {
            List<String> tokens = TOKENS.tokenize(t.text());
            assertEquals(0.5, words.probabilities(tokens)[1], 1e-6, t.text());
            double[] p = pairs.combine(new double[] {0.5, 0.5}, tokens);
            assertTrue(p[t.label()] > 0.7, t.text() + ": " + p[t.label()]);
        }
    }
}
