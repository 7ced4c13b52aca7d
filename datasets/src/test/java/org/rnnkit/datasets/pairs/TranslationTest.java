package org.rnnkit.datasets.pairs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.rnnkit.datasets.BatchPlan;
import org.rnnkit.datasets.RecordErrors;
import org.rnnkit.datasets.TokenEncoding;
import org.rnnkit.datasets.text.Tokenizer;
import org.rnnkit.datasets.text.Vocabulary;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.rnnkit.datasets.BadInput.expect;
import static org.rnnkit.datasets.BadInput.write;
import static org.rnnkit.datasets.BadInput.writeWithBadByte;

class TranslationTest {

    @TempDir
    Path dir;

    @Test
    void teacherForcingTriple() throws Exception {
        Path f = write(dir, "fra.txt", "Go.\tVa !\nRun!\tCours !\tCC-BY 2.0 (France) Attribution: tatoeba.org\n"
                + "I see you.\tJe te vois.\n");
        List<SentencePair> pairs = SentencePairReader.read(f);
        assertEquals(3, pairs.size());
        assertEquals("Cours !", pairs.get(1).target());
        Tokenizer tok = Tokenizer.lowerCasing();
        Vocabulary src = Vocabulary.build(pairs.stream().map(p -> tok.tokenize(p.source())).toList(), 1, 0);
        Vocabulary tgt = Vocabulary.build(pairs.stream().map(p -> tok.tokenize(p.target())).toList(), 1, 0);
        TranslationIterator it = new TranslationIterator(pairs, tok, src, tgt, 10, TokenEncoding.ONE_HOT,
                BatchPlan.sequential(3));
        MultiDataSet m = it.next();
        assertEquals(2, m.getFeatures().length);
        assertArrayEquals(new long[]{3, 1, 4}, m.getFeatures(0).shape());
        assertArrayEquals(new long[]{3, 1, 5}, m.getFeatures(1).shape());
        assertArrayEquals(new long[]{3, tgt.size(), 5}, m.getLabels(0).shape());
        assertEquals(Vocabulary.BOS, (int) m.getFeatures(1).getFloat(0, 0, 0));
        assertEquals(tgt.indexOf("va"), (int) m.getFeatures(1).getFloat(0, 0, 1));
        assertEquals(1f, m.getLabels(0).getFloat(0, tgt.indexOf("va"), 0));
        assertEquals(1f, m.getLabels(0).getFloat(0, Vocabulary.EOS, 2));
        assertEquals(3f, m.getLabelsMaskArray(0).getRow(0).sumNumber().floatValue());
        assertEquals(3f, m.getFeaturesMaskArray(1).getRow(0).sumNumber().floatValue());
        assertEquals(2f, m.getFeaturesMaskArray(0).getRow(0).sumNumber().floatValue());
        assertEquals("je te vois .", tgt.toText(new int[]{tgt.indexOf("je"), tgt.indexOf("te"), tgt.indexOf("vois"),
                tgt.indexOf("."), Vocabulary.EOS, Vocabulary.PAD}));
    }

    @Test
    void badPairs() throws Exception {
        Path noTab = write(dir, "notab.txt", "Go.\tVa !\nRun!\n");
        expect(noTab, "line 2", "no tab found", () -> SentencePairReader.read(noTab));
        Path emptyTarget = write(dir, "et.txt", "Go.\t  \n");
        expect(emptyTarget, "line 1, column 5", "a non-empty target", () -> SentencePairReader.read(emptyTarget));
        Path empty = write(dir, "empty.txt", "");
        expect(empty, "file", "at least one line", () -> SentencePairReader.read(empty));
        Path bin = writeWithBadByte(dir, "bin.txt", "Go.\tVa !\nHi.\tSalut", " !\n");
        expect(bin, "line 2", "UTF-8", () -> SentencePairReader.read(bin));
        Path missing = dir.resolve("none.txt");
        expect(missing, "file", "an existing file", () -> SentencePairReader.read(missing));
        RecordErrors errors = RecordErrors.skipAndCollect();
        assertEquals(1, SentencePairReader.read(noTab, errors).size());
        assertEquals(1, errors.count());
    }
}
