package org.rnnkit.core.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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
    void everyNgramOfTheTrainingAndValidationTextsIsAFeature() {
        TextCorpus fit = new TextCorpus(List.of(new LabelledText("good film", 1, "t:0"),
                new LabelledText("bad film", 0, "t:1")), CLASSES);
        TextCorpus held = new TextCorpus(List.of(new LabelledText("superb film", 1, "v:0")), CLASSES);
        NgramPath path = NgramPathTrainer.train(fit, held, new double[][] {{0.5, 0.5}}, TOKENS, 2);
        // good, bad, film, "good film", "bad film", and from the validation text (the model is trained again on
        // it once calibrated) superb and "superb film": each seen in one text only, all kept
        assertEquals(7, path.size());
        assertTrue(path.probabilities(List.of("superb"))[1] > 0.5, "learnt from the validation text");
    }

    @Test
    void calibrationFindsTheTemperatureOfAnOverconfidentPart() {
        // Labels drawn with P(pos) = sigmoid(z); the part reports sigmoid(3 z): three times too sure of itself.
        Random random = new Random(5);
        int n = 4000;
        double[][] logProbabilities = new double[n][];
        int[] targets = new int[n];
        for (int i = 0; i < n; i++) {
            double z = -3 + 6.0 * i / (n - 1);
            targets[i] = random.nextDouble() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
            double reported = 1 / (1 + Math.exp(-3 * z));
            logProbabilities[i] = new double[] {Math.log(1 - reported), Math.log(reported)};
        }
        double[] calibration = NgramPathTrainer.calibrate(logProbabilities, targets);
        assertEquals(1 / 3.0, calibration[0], 0.03);
        assertEquals(0, calibration[2] - calibration[1], 0.15);
    }

    @Test
    void calibrationOfAnUninformativePartKeepsItsTemperature() {
        // Log-probabilities equal for both classes carry no evidence: only the penalty moves t, and it holds t at 1.
        double[][] flat = {{Math.log(0.5), Math.log(0.5)}, {Math.log(0.5), Math.log(0.5)}};
        assertEquals(1, NgramPathTrainer.calibrate(flat, new int[] {0, 1})[0], 1e-6);
    }

    @Test
    void combinationAveragesTheCalibratedParts() {
        // network: t 2, biases (0.2, -0.2); n-grams: t 0.5, biases (-0.1, 0.1) -> a = 1, b = 0.25, biases 0.05, -0.05
        double[] c = NgramPathTrainer.combination(new double[] {2, 0.2, -0.2}, new double[] {0.5, -0.1, 0.1});
        assertArrayEquals(new double[] {1, 0.25, 0.05, -0.05}, c, 1e-12);
        NgramPath path = new NgramPath(1, List.of("good"), new float[] {0, 1}, new double[2], c[0], c[1],
                new double[] {c[2], c[3]});
        double ngramPos = 1 / (1 + Math.exp(-1));
        double pos = Math.exp(Math.log(0.6) + 0.25 * Math.log(ngramPos) - 0.05);
        double neg = Math.exp(Math.log(0.4) + 0.25 * Math.log(1 - ngramPos) + 0.05);
        assertEquals(pos / (pos + neg), path.combine(new double[] {0.4, 0.6}, List.of("good"))[1], 1e-9);
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
        TextCorpus held = new TextCorpus(validation, CLASSES);
        double[][] uninformed = new double[held.size()][];
        for (int i = 0; i < uninformed.length; i++) {
            uninformed[i] = new double[] {0.5, 0.5};
        }
        NgramPath words = NgramPathTrainer.train(train, held, uninformed, TOKENS, 1);
        NgramPath pairs = NgramPathTrainer.train(train, held, uninformed, TOKENS, 2);
        for (LabelledText t : validation) {
            List<String> tokens = TOKENS.tokenize(t.text());
            assertEquals(0.5, words.probabilities(tokens)[1], 1e-6, t.text());
            double[] p = pairs.combine(new double[] {0.5, 0.5}, tokens);
            assertTrue(p[t.label()] > 0.7, t.text() + ": " + p[t.label()]);
        }
        assertTrue(pairs.ngramWeight() > 0, "the combination keeps the informative part: " + pairs.describe());
    }
}
