package org.rnnkit.datasets;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.AsyncDataSetIterator;
import org.nd4j.linalg.dataset.AsyncMultiDataSetIterator;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.rnnkit.datasets.pairs.SentencePair;
import org.rnnkit.datasets.pairs.TranslationIterator;
import org.rnnkit.datasets.tasks.AddingProblem;
import org.rnnkit.datasets.text.LabelledText;
import org.rnnkit.datasets.text.TextCorpus;
import org.rnnkit.datasets.text.TextDataSetIterator;
import org.rnnkit.datasets.text.TextEncoder;
import org.rnnkit.datasets.text.Tokenizer;
import org.rnnkit.datasets.text.Vocabulary;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every iterator: batch size, seeded shuffle, reset(), AsyncDataSetIterator prefetching, describe(). */
class IteratorContractTest {

    private static List<Float> firstColumn(DataSetIterator it) {
        List<Float> out = new ArrayList<>();
        while (it.hasNext()) {
            DataSet b = it.next();
            assertFalse(b.getFeatures().isNaN().any(), "NaN in batch");
            for (int r = 0; r < b.numExamples(); r++) {
                out.add(b.getFeatures().getFloat(r, 0, 0));
            }
        }
        return out;
    }

    @Test
    void startEpochGivesWhatThatManyResetsGiveWhateverCameBefore() {
        SequenceDataset ds = AddingProblem.generate(50, 10, 1);
        for (BatchPlan plan : List.of(BatchPlan.shuffled(8, 7), BatchPlan.bucketed(8, 7))) {
            SequenceDataSetIterator walked = ds.iterator(plan);
            List<List<Float>> epochs = new ArrayList<>();
            for (int e = 0; e < 3; e++) {
                walked.reset(); // a trainer resets before every epoch
                epochs.add(firstColumn(walked));
            }
            assertNotEquals(epochs.get(1), epochs.get(2), plan + ": each epoch has its own order");
            SequenceDataSetIterator jumped = ds.iterator(plan); // a fresh process resuming at epoch 2
            jumped.startEpoch(2);
            assertEquals(epochs.get(2), firstColumn(jumped), plan.toString());
            jumped.startEpoch(0); // and back, mid-epoch state notwithstanding
            jumped.next();
            jumped.startEpoch(1);
            assertEquals(epochs.get(1), firstColumn(jumped), plan.toString());
        }
    }

    @Test
    void seededShuffleResetAndAsyncPrefetchGiveTheSameStream() {
        SequenceDataset ds = AddingProblem.generate(50, 10, 1);
        List<Float> plain = firstColumn(ds.iterator(BatchPlan.shuffled(8, 7)));
        assertEquals(50, plain.size());
        assertEquals(plain, firstColumn(ds.iterator(BatchPlan.shuffled(8, 7))));
        assertNotEquals(plain, firstColumn(ds.iterator(BatchPlan.shuffled(8, 8))));

        SequenceDataSetIterator it = ds.iterator(BatchPlan.shuffled(8, 7));
        firstColumn(it);
        it.reset();
        List<Float> epoch2 = firstColumn(it);
        assertNotEquals(plain, epoch2);
        assertEquals(plain.stream().sorted().toList(), epoch2.stream().sorted().toList());

        AsyncDataSetIterator async = new AsyncDataSetIterator(ds.iterator(BatchPlan.shuffled(8, 7)), 3);
        try {
            assertEquals(plain, firstColumn(async));
            async.reset();
            assertEquals(epoch2, firstColumn(async));
        } finally {
            async.shutdown();
        }
        assertEquals(8, it.batch());
        assertEquals(2, it.inputColumns());
        assertEquals(1, it.totalOutcomes());
        assertTrue(it.toString().contains("50 sequences"), it.toString());
    }

    @Test
    void nextWithCountAndLastPartialBatch() {
        SequenceDataSetIterator it = AddingProblem.generate(10, 5, 1).iterator(BatchPlan.sequential(4));
        assertEquals(3, it.next(3).numExamples());
        assertEquals(1, it.next().numExamples(), "rest of the planned batch");
        assertEquals(4, it.next().numExamples());
        assertEquals(2, it.next().numExamples());
        assertFalse(it.hasNext());
    }

    @Test
    void textIteratorPrefetchedAsync() {
        List<LabelledText> texts = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            texts.add(new LabelledText("word " + i + " " + "x ".repeat(i % 7), i % 3, "t" + i));
        }
        TextCorpus corpus = new TextCorpus(texts, LabelSet.of("a", "b", "c"));
        Tokenizer tok = Tokenizer.lowerCasing();
        TextEncoder enc = new TextEncoder(tok, Vocabulary.build(corpus.tokenize(tok), 1, 0), 0,
                TextEncoder.Truncation.KEEP_START);
        AsyncDataSetIterator async = new AsyncDataSetIterator(
                new TextDataSetIterator(corpus, enc, BatchPlan.bucketed(6, 2)), 2);
        try {
            int n = 0;
            while (async.hasNext()) {
                DataSet b = async.next();
                assertEquals(3, b.getLabels().columns());
                n += b.numExamples();
            }
            assertEquals(40, n);
        } finally {
            async.shutdown();
        }
    }

    @Test
    void charAndTokenIteratorsPrefetchedAsync(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path f = BadInput.write(dir, "c.txt", "to be or not to be, that is the question\n".repeat(20));
        try (org.rnnkit.datasets.chars.CharCorpus corpus = org.rnnkit.datasets.chars.CharCorpus.open(f)) {
            org.rnnkit.datasets.chars.CharWindowIterator chars = new org.rnnkit.datasets.chars.CharWindowIterator(
                    corpus, 16, TokenEncoding.ONE_HOT, TokenEncoding.ONE_HOT, BatchPlan.shuffled(8, 1));
            assertEquals(prefetchedExamples(chars), chars.numExamples());
        }
        List<int[]> seqs = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            int[] s = new int[2 + i % 9];
            for (int k = 0; k < s.length; k++) {
                s[k] = (i + k) % 5;
            }
            seqs.add(s);
        }
        TokenSequenceIterator tokens = new TokenSequenceIterator(seqs, 5, TokenEncoding.INDEX, TokenEncoding.INDEX,
                BatchPlan.bucketed(4, 2));
        assertEquals(30, prefetchedExamples(tokens));
    }

    private static int prefetchedExamples(DataSetIterator it) {
        AsyncDataSetIterator async = new AsyncDataSetIterator(it, 2);
        try {
            int n = 0;
            while (async.hasNext()) {
                DataSet b = async.next();
                assertFalse(b.getFeatures().isNaN().any());
                n += b.numExamples();
            }
            async.reset();
            int again = 0;
            while (async.hasNext()) {
                again += async.next().numExamples();
            }
            assertEquals(n, again);
            return n;
        } finally {
            async.shutdown();
        }
    }

    @Test
    void translationIteratorPrefetchedAsync() {
        List<SentencePair> pairs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            pairs.add(new SentencePair("go " + i, "va " + i + " !", i + 1));
        }
        Tokenizer tok = Tokenizer.lowerCasing();
        Vocabulary src = Vocabulary.build(pairs.stream().map(p -> tok.tokenize(p.source())).toList(), 1, 0);
        Vocabulary tgt = Vocabulary.build(pairs.stream().map(p -> tok.tokenize(p.target())).toList(), 1, 0);
        TranslationIterator it = new TranslationIterator(pairs, tok, src, tgt, 0, TokenEncoding.INDEX,
                BatchPlan.shuffled(6, 3));
        AsyncMultiDataSetIterator async = new AsyncMultiDataSetIterator(it, 2);
        try {
            for (int epoch = 0; epoch < 2; epoch++) {
                int n = 0;
                while (async.hasNext()) {
                    MultiDataSet m = async.next();
                    assertArrayEquals(new long[]{m.getFeatures(0).size(0), 1, 4}, m.getLabels(0).shape());
                    n += (int) m.getFeatures(0).size(0);
                }
                assertEquals(20, n);
                async.reset();
            }
        } finally {
            async.shutdown();
        }
        assertTrue(it.describe().contains("20 pairs"));
    }
}
