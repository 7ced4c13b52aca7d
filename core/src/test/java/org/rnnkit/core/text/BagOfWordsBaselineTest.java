package org.rnnkit.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnnkit.datasets.LabelSet;
import org.rnnkit.datasets.text.HoldOut;
import org.rnnkit.datasets.text.LabelledText;
import org.rnnkit.datasets.text.TextCorpus;
import org.rnnkit.datasets.text.TextSource;
import org.rnnkit.datasets.text.Tokenizer;
import org.rnnkit.datasets.text.Vocabulary;

/** The bag-of-words logistic regression against solutions worked out by hand, and on the shipped corpus. */
class BagOfWordsBaselineTest {
    private static final LabelSet CLASSES = LabelSet.of("neg", "pos");
    private static final Tokenizer TOKENS = Tokenizer.lowerCasing();

    private static TextCorpus corpus(String... textsAndLabels) {
        List<LabelledText> texts = new ArrayList<>();
        for (int i = 0; i < textsAndLabels.length; i += 2) {
            texts.add(new LabelledText(textsAndLabels[i], CLASSES.indexOf(textsAndLabels[i + 1]), "test:" + i));
        }
        return new TextCorpus(texts, CLASSES);
    }

    private static BagOfWordsBaseline fit(TextCorpus corpus, double c) {
        Vocabulary vocabulary = Vocabulary.build(corpus.tokenize(TOKENS), 1, 0);
        return BagOfWordsBaseline.train(corpus, TOKENS, vocabulary, c);
    }

    /*
     * One "good" text labelled pos and one "bad" labelled neg, C = 1. The problem is symmetric (swap the classes
     * and the words), so the optimum has zero biases and weights w(pos, good) = w(neg, bad) = a,
     * w(neg, good) = w(pos, bad) = -a. The objective is 2 log(1 + e^(-2a)) + 2a^2; setting its derivative to zero
     * gives a = 1 / (1 + e^(2a)), whose root is a = 0.337416..., so P(pos | "good") = 1 / (1 + e^(-2a)) = 1 - a.
     */
    @Test
    void matchesTheRegularisedOptimumWorkedOutByHand() {
        BagOfWordsBaseline baseline = fit(corpus("good", "pos", "bad", "neg"), 1.0);
        double a = 0.5;
        for (int i = 0; i < 200; i++) {
            a = 0.5 * a + 0.5 / (1 + Math.exp(2 * a)); // damped fixed-point iteration of a = 1 / (1 + e^(2a))
        }
        assertEquals(0.337416, a, 1e-6);
        assertEquals(a, baseline.weight("pos", "good"), 1e-5);
        assertEquals(-a, baseline.weight("neg", "good"), 1e-5);
        assertEquals(a, baseline.weight("neg", "bad"), 1e-5);
        assertEquals(1 - a, baseline.probabilities("good")[1], 1e-5);
        assertEquals(1 - a, baseline.probabilities("bad")[0], 1e-5);
        assertEquals(0.5, baseline.probabilities("unseen words only")[1], 1e-5, "zero biases: no word, no lean");
    }

    /*
     * Almost no penalty (C = 10^4): every distinct bag of words gets its empirical class frequency. "good" texts
     * are 3 pos to 1 neg, "bad" texts 1 pos to 3 neg, so P(pos | good) = 0.75 and P(pos | bad) = 0.25.
     */
    @Test
    void weakPenaltyGivesTheEmpiricalFrequencies() {
        BagOfWordsBaseline baseline = fit(corpus("good", "pos", "good", "pos", "good", "pos", "good", "neg",
                "bad", "neg", "bad", "neg", "bad", "neg", "bad", "pos"), 1e4);
        assertEquals(0.75, baseline.probabilities("good")[1], 1e-3);
        assertEquals(0.25, baseline.probabilities("Bad")[1], 1e-3);
        assertEquals(0.75, baseline.evaluate(corpus("good", "pos", "bad", "neg", "good", "neg", "bad", "neg"))
                .accuracy(), 1e-12);
    }

    @Test
    void beatsChanceClearlyOnTheShippedCorpus() {
        TextSource.Part part = TextSource.builtInSentiment().trainingPart(new HoldOut(0.1, 1));
        Vocabulary vocabulary = Vocabulary.build(part.corpus().tokenize(TOKENS), 2, 20_000);
        BagOfWordsBaseline baseline = BagOfWordsBaseline.train(part.corpus(), TOKENS, vocabulary);
        TextCorpus test = TextSource.builtInSentiment().evaluationPart(null, false).corpus();
        double accuracy = baseline.evaluate(test).accuracy();
        assertTrue(accuracy > 0.65, "accuracy " + accuracy);
    }
}
