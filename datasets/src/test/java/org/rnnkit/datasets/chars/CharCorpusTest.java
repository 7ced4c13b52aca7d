package org.rnnkit.datasets.chars;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.dataset.DataSet;
import org.rnnkit.datasets.BatchPlan;
import org.rnnkit.datasets.TokenEncoding;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rnnkit.datasets.BadInput.expect;
import static org.rnnkit.datasets.BadInput.write;
import static org.rnnkit.datasets.BadInput.writeWithBadByte;

class CharCorpusTest {

    @TempDir
    Path dir;

    @Test
    void windowsPredictTheNextCharacter() throws Exception {
        String text = "abcdefghij\nklmnopq\u00e9\uD83D\uDE00z";
        try (CharCorpus c = CharCorpus.open(write(dir, "t.txt", text))) {
            assertEquals(text.codePointCount(0, text.length()), c.length());
            assertEquals(text.codePoints().distinct().count(), c.vocabulary().size());
            assertEquals("cdef", c.vocabulary().decode(c.read(2, 4)));
            CharWindowIterator it = new CharWindowIterator(c, 5, TokenEncoding.ONE_HOT, TokenEncoding.INDEX,
                    BatchPlan.sequential(2));
            assertEquals((c.length() - 1) / 5, it.numExamples());
            DataSet b = it.next();
            int v = c.vocabulary().size();
            assertArrayEquals(new long[]{2, v, 5}, b.getFeatures().shape());
            assertArrayEquals(new long[]{2, 1, 5}, b.getLabels().shape());
            int f = c.vocabulary().indexOf('f');
            assertEquals(1f, b.getFeatures().getFloat(1, f, 0));
            assertEquals(c.vocabulary().indexOf('g'), (int) b.getLabels().getFloat(1, 0, 0));
            assertEquals(c.vocabulary().indexOf('\n'), (int) b.getLabels().getFloat(1, 0, 4));
            assertEquals(v, it.totalOutcomes());
            assertEquals(v, it.inputColumns());
            assertTrue(it.describe().contains("vocabulary " + v));
            CharVocabulary vocab = c.vocabulary();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            vocab.save(out);
            assertEquals(vocab, CharVocabulary.load(new ByteArrayInputStream(out.toByteArray())));
            assertEquals("\uD83D\uDE00z", vocab.decode(vocab.encode("\uD83D\uDE00z")));
        }
    }

    @Test
    void shuffledEpochsCoverEveryWindowOnce() throws Exception {
        try (CharCorpus c = CharCorpus.open(write(dir, "s.txt", "0123456789".repeat(10)))) {
            CharWindowIterator it = new CharWindowIterator(c, 9, TokenEncoding.INDEX, TokenEncoding.INDEX,
                    BatchPlan.shuffled(4, 1));
            for (int epoch = 0; epoch < 2; epoch++) {
                boolean[] seen = new boolean[10];
                int count = 0;
                while (it.hasNext()) {
                    DataSet b = it.next();
                    for (int r = 0; r < b.numExamples(); r++) {
                        int first = (int) b.getFeatures().getFloat(r, 0, 0);
                        seen[Character.getNumericValue(c.vocabulary().codePoint(first))] = true;
                        count++;
                    }
                }
                assertEquals(11, count);
                it.reset();
            }
        }
    }

    @Test
    void validationTextUsesTheTrainingVocabulary() throws Exception {
        try (CharCorpus train = CharCorpus.open(write(dir, "train.txt", "abcabc\nab"));
             CharCorpus valid = CharCorpus.open(write(dir, "valid.txt", "cab\nba"), train.vocabulary())) {
            assertEquals(train.vocabulary(), valid.vocabulary());
            assertEquals("cab", valid.vocabulary().decode(valid.read(0, 3)));
            Path other = write(dir, "other.txt", "ab\nabz\n");
            expect(other, "line 2", "U+007A", () -> CharCorpus.open(other, train.vocabulary()));
        }
    }

    @Test
    void badCorpora() throws Exception {
        Path empty = write(dir, "empty.txt", "");
        expect(empty, "file", "at least 2 characters", () -> CharCorpus.open(empty));
        Path missing = dir.resolve("missing.txt");
        expect(missing, "file", "an existing file", () -> CharCorpus.open(missing));
        Path bin = writeWithBadByte(dir, "bin.txt", "line one\nline two\nline", " three\n");
        expect(bin, "line 3", "UTF-8", () -> CharCorpus.open(bin));
    }
}
