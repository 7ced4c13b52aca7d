package org.rnnkit.datasets.text;

import org.junit.jupiter.api.Test;
import org.rnnkit.datasets.SpecialTokens;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.rnnkit.datasets.BatchPlan;
import org.rnnkit.datasets.LabelSet;
import org.rnnkit.datasets.RecordErrors;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rnnkit.datasets.BadInput.expect;
import static org.rnnkit.datasets.BadInput.write;
import static org.rnnkit.datasets.BadInput.writeWithBadByte;

class TextTest {

    @TempDir
    Path dir;

    @Test
    void tokenizerLowerCasesSplitsPunctuationAndDropsHtmlBreaks() {
        assertEquals(List.of("great", "movie", "!", "don't", "miss", "it", ".", "l'ont", "vu", "?"),
                Tokenizer.lowerCasing().tokenize("Great movie!<br /><br />Don't miss it. L'ont vu?"));
        assertEquals(List.of("Go", "."), Tokenizer.casePreserving().tokenize("Go."));
    }

    @Test
    void vocabularyReservesSpecialsHonoursLimitsAndRoundTrips() throws Exception {
        List<List<String>> docs = List.of(List.of("a", "b", "a", "c"), List.of("a", "b", "d"));
        Vocabulary v = Vocabulary.build(docs, 2, 0);
        assertEquals(6, v.size());
        assertEquals(4, v.indexOf("a"));
        assertEquals(5, v.indexOf("b"));
        assertEquals(Vocabulary.UNK, v.indexOf("c"));
        assertEquals(5, Vocabulary.build(docs, 1, 5).size());
        assertEquals(v, Vocabulary.fromJson(v.toJson()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        v.save(out);
        assertEquals(v, Vocabulary.load(new ByteArrayInputStream(out.toByteArray())));
        assertThrows(org.rnnkit.datasets.DataFormatException.class,
                () -> Vocabulary.fromJson("{\"tokens\":[\"<pad>\",\"<unk>\",\"<s>\",\"</s>\",\"a\",\"a\"]}"));
        assertThrows(org.rnnkit.datasets.DataFormatException.class, () -> Vocabulary.fromJson("{\"tokens\":[\"a\"]}"));
        assertEquals("a b <unk>", v.toText(v.encode(List.of("a", "b", "zzz"))));
    }

    @Test
    void aVocabularySavedBeforeTheSharedConventionLoadsWithTheSameIds() {
        // The JSON form rnnkit wrote before SpecialTokens existed.
        Vocabulary old = Vocabulary.fromJson("{\"tokens\":[\"<pad>\",\"<unk>\",\"<s>\",\"</s>\",\"the\",\"film\"]}");
        assertEquals(List.of(0, 1, 2, 3, 5), List.of(old.indexOf("<pad>"), old.indexOf("<unk>"), old.indexOf("<s>"),
                old.indexOf("</s>"), old.indexOf("film")));
        assertEquals(List.of(SpecialTokens.PAD, SpecialTokens.UNK, SpecialTokens.BOS, SpecialTokens.EOS),
                List.of(Vocabulary.PAD, Vocabulary.UNK, Vocabulary.BOS, Vocabulary.EOS));
        assertEquals(SpecialTokens.NAMES, List.of(old.token(0), old.token(1), old.token(2), old.token(3)));
        assertEquals("the film", old.toText(new int[]{SpecialTokens.BOS, 4, 5, SpecialTokens.EOS, 4}));
    }

    @Test
    void tokensToTextRoundTrip() {
        Tokenizer tok = Tokenizer.lowerCasing();
        String text = "the cat sat on the mat , and the dog sat too .";
        Vocabulary v = Vocabulary.build(List.of(tok.tokenize(text)), 1, 0);
        assertEquals(text, v.toText(v.encode(tok.tokenize(text))));
    }

    @Test
    void threeLayoutsAndLabelSetRoundTrip() throws Exception {
        write(dir, "imdb/train/pos/0_9.txt", "Loved it.<br />Great!");
        write(dir, "imdb/train/pos/1_8.txt", "Fine film");
        write(dir, "imdb/train/neg/0_2.txt", "Awful.");
        TextCorpus folders = TextCorpusReader.readFolders(dir.resolve("imdb/train"), null);
        assertEquals(LabelSet.of("neg", "pos"), folders.classes());
        assertArrayEquals(new int[]{1, 2}, folders.classCounts());

        Path tsv = write(dir, "s.txt", "He said \"no\"\tthere\t1\nBad one  \t0\n");
        TextCorpus lines = TextCorpusReader.readTabSeparated(tsv, null, RecordErrors.failFast());
        assertEquals("He said \"no\"\tthere", lines.texts().get(0).text());
        assertEquals("Bad one", lines.texts().get(1).text());
        assertEquals(LabelSet.of("0", "1"), lines.classes());

        Path pos = write(dir, "rt.pos", "good .\nfun .\n");
        Path neg = write(dir, "rt.neg", "dull .\n");
        TextCorpus perClass = TextCorpusReader.readFilePerClass(List.of(neg, pos), RecordErrors.failFast());
        assertEquals(LabelSet.of("neg", "pos"), perClass.classes());
        assertArrayEquals(new int[]{1, 2}, perClass.classCounts());

        LabelSet labels = perClass.classes();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        labels.save(out);
        assertEquals(labels, LabelSet.load(new ByteArrayInputStream(out.toByteArray())));
        assertEquals(labels, LabelSet.fromJson(labels.toJson()));
    }

    @Test
    void badTextInputs() throws Exception {
        Path noTab = write(dir, "notab.txt", "fine\t1\nno tab here\n");
        expect(noTab, "line 2", "no tab found",
                () -> TextCorpusReader.readTabSeparated(noTab, null, RecordErrors.failFast()));
        Path noLabel = write(dir, "nolabel.txt", "text\t\n");
        expect(noLabel, "line 1, column 6", "a label",
                () -> TextCorpusReader.readTabSeparated(noLabel, null, RecordErrors.failFast()));
        Path outside = write(dir, "outside.txt", "text\t7\n");
        expect(outside, "line 1, column 6", "a label among [0, 1]",
                () -> TextCorpusReader.readTabSeparated(outside, LabelSet.of("0", "1"), RecordErrors.failFast()));
        Path empty = write(dir, "empty.txt", "");
        expect(empty, "file", "at least one line",
                () -> TextCorpusReader.readTabSeparated(empty, null, RecordErrors.failFast()));
        Path bin = writeWithBadByte(dir, "bin.txt", "ok\t1\nalso ok\t0\nbad ", "byte\t1\n");
        expect(bin, "line 3", "UTF-8", () -> TextCorpusReader.readTabSeparated(bin, null, RecordErrors.failFast()));
        Path missing = dir.resolve("missing.txt");
        expect(missing, "file", "an existing file",
                () -> TextCorpusReader.readTabSeparated(missing, null, RecordErrors.failFast()));
        Path blank = write(dir, "blank.pos", "good\n\nfine\n");
        expect(blank, "line 2", "one non-empty text per line",
                () -> TextCorpusReader.readFilePerClass(List.of(blank), RecordErrors.failFast()));
        Path emptyClass = write(dir, "x.neg", "");
        expect(emptyClass, "file", "at least one text line",
                () -> TextCorpusReader.readFilePerClass(List.of(emptyClass), RecordErrors.failFast()));
        Path emptyReview = write(dir, "rev/pos/1_9.txt", "  ");
        expect(emptyReview, "file", "a non-empty text", () -> TextCorpusReader.readFolders(dir.resolve("rev"), null));
        expect(dir.resolve("nowhere"), "file", "a directory",
                () -> TextCorpusReader.readFolders(dir.resolve("nowhere"), null));
        expect(dir.resolve("rev/neg"), "file", "a sub-folder for class \"neg\"",
                () -> TextCorpusReader.readFolders(dir.resolve("rev"), LabelSet.of("neg", "pos")));
    }

    @Test
    void skippingBadLinesIsExplicitAndCounted() throws Exception {
        Path f = write(dir, "mixed.txt", "a\t1\nbroken\nb\t0\n\tx\n");
        RecordErrors errors = RecordErrors.skipAndCollect();
        TextCorpus c = TextCorpusReader.readTabSeparated(f, null, errors);
        assertEquals(2, c.size());
        assertEquals(2, errors.count());
        assertTrue(errors.report().startsWith("2 record(s) skipped"));
    }

    @Test
    void iteratorGivesIndicesMasksOneHotLabelsAndTruncates() {
        List<LabelledText> texts = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            texts.add(new LabelledText("w ".repeat(i + 1) + "end", i % 2, "t" + i));
        }
        TextCorpus corpus = new TextCorpus(texts, LabelSet.of("a", "b"));
        Tokenizer tok = Tokenizer.lowerCasing();
        Vocabulary v = Vocabulary.build(corpus.tokenize(tok), 1, 0);
        TextEncoder keepEnd = new TextEncoder(tok, v, 4, TextEncoder.Truncation.KEEP_END);
        assertEquals(v.indexOf("end"), keepEnd.encode(texts.get(9).text())[3]);
        TextEncoder keepStart = new TextEncoder(tok, v, 4, TextEncoder.Truncation.KEEP_START);
        assertEquals(v.indexOf("w"), keepStart.encode(texts.get(9).text())[3]);

        TextDataSetIterator it = new TextDataSetIterator(corpus, keepStart, BatchPlan.sequential(3));
        DataSet b = it.next();
        assertArrayEquals(new long[]{3, 1, 4}, b.getFeatures().shape());
        assertArrayEquals(new long[]{3, 4}, b.getFeaturesMaskArray().shape());
        assertArrayEquals(new long[]{3, 2}, b.getLabels().shape());
        assertEquals(2f, b.getFeaturesMaskArray().getRow(0).sumNumber().floatValue());
        assertEquals(1f, b.getLabels().getFloat(1, 1));
        assertEquals(1, it.inputColumns());
        assertEquals(2, it.totalOutcomes());
        assertEquals(v.size(), it.vocabularySize());
        assertTrue(it.describe().contains("vocabulary " + v.size()), it.describe());
    }

    /* Word dropout: about the given share of tokens becomes <unk>, the same ones when an epoch is replayed,
       others in the next epoch; masks and labels are untouched. */
    @Test
    void wordDropoutReplacesTheGivenShareOfTokensPerEpochReproducibly() {
        List<LabelledText> texts = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            texts.add(new LabelledText("alpha beta gamma delta ".repeat(5), i % 2, "t" + i));
        }
        TextCorpus corpus = new TextCorpus(texts, LabelSet.of("a", "b"));
        Tokenizer tok = Tokenizer.lowerCasing();
        TextEncoder enc = new TextEncoder(tok, Vocabulary.build(corpus.tokenize(tok), 1, 0), 0,
                TextEncoder.Truncation.KEEP_START);
        TextDataSetIterator plain = new TextDataSetIterator(corpus, enc, BatchPlan.sequential(100));
        TextDataSetIterator dropping = plain.withWordDropout(0.25, 9);
        dropping.startEpoch(0);
        DataSet first = dropping.next();
        double unknown = unknowns(first) / first.getFeatures().length();
        assertEquals(0.25, unknown, 0.03, "share of tokens dropped");
        plain.startEpoch(0);
        DataSet clean = plain.next();
        assertEquals(0, unknowns(clean), "no dropout by default");
        assertEquals(clean.getFeaturesMaskArray(), first.getFeaturesMaskArray());
        assertEquals(clean.getLabels(), first.getLabels());
        dropping.startEpoch(0);
        assertEquals(first.getFeatures(), dropping.next().getFeatures(), "a replayed epoch drops the same tokens");
        dropping.startEpoch(1);
        assertTrue(!first.getFeatures().equals(dropping.next().getFeatures()), "another epoch, other tokens");
        assertThrows(IllegalArgumentException.class, () -> plain.withWordDropout(1.0, 1));
    }

    @Test
    void bucketingKeepsPaddingSmall() {
        List<LabelledText> texts = new ArrayList<>();
        java.util.Random r = new java.util.Random(1);
        for (int i = 0; i < 200; i++) {
            texts.add(new LabelledText("x ".repeat(1 + r.nextInt(100)), i % 2, "t" + i));
        }
        TextCorpus corpus = new TextCorpus(texts, LabelSet.of("a", "b"));
        Tokenizer tok = Tokenizer.lowerCasing();
        TextEncoder enc = new TextEncoder(tok, Vocabulary.build(corpus.tokenize(tok), 1, 0), 0,
                TextEncoder.Truncation.KEEP_START);
        assertTrue(padding(new TextDataSetIterator(corpus, enc, BatchPlan.bucketed(16, 3)))
                < padding(new TextDataSetIterator(corpus, enc, BatchPlan.shuffled(16, 3))) / 5);
    }

    private static double unknowns(DataSet batch) {
        return batch.getFeatures().eq(Vocabulary.UNK).castTo(DataType.DOUBLE).sumNumber().doubleValue();
    }

    private static double padding(TextDataSetIterator it) {
        double padded = 0;
        while (it.hasNext()) {
            DataSet b = it.next();
            padded += b.getFeaturesMaskArray().length() - b.getFeaturesMaskArray().sumNumber().doubleValue();
        }
        return padded;
    }
}
