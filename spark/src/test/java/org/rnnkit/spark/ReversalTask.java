package org.rnnkit.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.rnnkit.datasets.BatchPlan;
import org.rnnkit.datasets.TokenEncoding;
import org.rnnkit.datasets.pairs.SentencePair;
import org.rnnkit.datasets.pairs.TranslationIterator;
import org.rnnkit.datasets.text.Tokenizer;
import org.rnnkit.datasets.text.Vocabulary;

/** Sequence reversal ("b c a" → "a c b") as teacher-forcing batches, for encoder-decoder graphs on Spark. */
final class ReversalTask {
    static final Vocabulary VOCABULARY = Vocabulary.build(List.of(List.of("a"), List.of("b"), List.of("c")), 1, 0);

    private ReversalTask() {
    }

    static List<MultiDataSet> batches(int n, int batch, long seed) {
        Random random = new Random(seed);
        List<SentencePair> pairs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<String> words = new ArrayList<>();
            for (int t = 2 + random.nextInt(3); t > 0; t--) {
                words.add(String.valueOf((char) ('a' + random.nextInt(3))));
            }
            String source = String.join(" ", words);
            java.util.Collections.reverse(words);
            pairs.add(new SentencePair(source, String.join(" ", words), i + 1));
        }
        TranslationIterator iterator = new TranslationIterator(pairs, Tokenizer.lowerCasing(), VOCABULARY, VOCABULARY,
                0, TokenEncoding.ONE_HOT, BatchPlan.sequential(batch));
        List<MultiDataSet> out = new ArrayList<>();
        iterator.forEachRemaining(out::add);
        return out;
    }
}
