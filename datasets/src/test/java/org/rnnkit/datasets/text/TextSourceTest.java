package org.rnnkit.datasets.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnkit.datasets.DataFormatException;
import org.rnnkit.datasets.LabelSet;
import org.rnnkit.datasets.SharedData;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rnnkit.datasets.BadInput.expect;
import static org.rnnkit.datasets.BadInput.write;
import static org.rnnkit.datasets.BadInput.writeWithBadByte;

/** Layout detection, which part trains and which tests, and the hold-out split. */
class TextSourceTest {

    @TempDir
    Path dir;

    private static String lines(String label, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(label).append(" review number ").append(i).append('\t').append(label).append('\n');
        }
        return sb.toString();
    }

    @Test
    void aclImdbLayoutTrainsOnTrainAndNeverReadsTest() throws Exception {
        write(dir, "imdb/train/pos/0_9.txt", "A lovely film.<br /><br />Great cast.");
        write(dir, "imdb/train/neg/0_1.txt", "Dull.");
        write(dir, "imdb/train/unsup/0_0.txt", "No label here.");
        write(dir, "imdb/README", "documentation");
        java.nio.file.Files.createDirectories(dir.resolve("imdb/test/pos"));
        writeWithBadByte(dir.resolve("imdb/test/pos"), "0_8.txt", "broken ", " bytes");
        write(dir, "imdb/test/neg/0_2.txt", "Bad.");
        TextSource source = TextSource.open(dir.resolve("imdb"), null);
        assertEquals(TextSource.Layout.ACLIMDB, source.layout());
        assertTrue(source.hasTestSplit());
        TextSource.Part train = source.trainingPart(new HoldOut(0.5, 1));
        assertEquals(2, train.corpus().size(), "the unsup folder is not a class");
        assertEquals(LabelSet.of("neg", "pos"), train.corpus().classes());
        assertNull(train.split(), "own test split: nothing held out");
        // Only evaluation reads test/, and reports its bad bytes with file and line.
        expect(dir.resolve("imdb/test/pos/0_8.txt"), "line 1", "UTF-8", () -> source.evaluationPart(null, false));
    }

    @Test
    void classFoldersWithoutTrainFolderAreAclImdbWithoutTestSplit() throws Exception {
        write(dir, "f/pos/a.txt", "good");
        write(dir, "f/neg/b.txt", "bad");
        TextSource source = TextSource.open(dir.resolve("f"), null);
        assertEquals(TextSource.Layout.ACLIMDB, source.layout());
        assertFalse(source.hasTestSplit());
    }

    @Test
    void tabSeparatedFileAndFolderIgnoringDocumentation() throws Exception {
        Path file = write(dir, "one.tsv", lines("pos", 3) + lines("neg", 2));
        TextSource single = TextSource.open(file, null);
        assertEquals(TextSource.Layout.TSV, single.layout());
        write(dir, "uci/a_labelled.txt", "Great phone.  \t1\nBad case.\t0\n");
        write(dir, "uci/b_labelled.txt", "Loved it.\t1\n");
        write(dir, "uci/readme.txt", "Sentences without tabs describing the data.\n");
        write(dir, "uci/SOURCE.md", "# where it came from\n");
        TextSource folder = TextSource.open(dir.resolve("uci"), null);
        assertEquals(TextSource.Layout.TSV, folder.layout());
        TextCorpus all = folder.evaluationPart(null, true).corpus();
        assertEquals(3, all.size());
        assertEquals(LabelSet.of("0", "1"), all.classes());
        assertEquals("Great phone.", all.texts().get(0).text());
    }

    @Test
    void oneFilePerClassNamesClassesByExtensionOrName() throws Exception {
        write(dir, "rt/rt-polarity.pos", "fine film\nwonderful\n");
        write(dir, "rt/rt-polarity.neg", "awful\n");
        TextSource rt = TextSource.open(dir.resolve("rt"), null);
        assertEquals(TextSource.Layout.FILES, rt.layout());
        assertEquals(LabelSet.of("neg", "pos"), rt.evaluationPart(null, true).corpus().classes());
        write(dir, "named/pos.txt", "good\n");
        write(dir, "named/neg.txt", "bad\n");
        assertEquals(LabelSet.of("neg", "pos"),
                TextSource.open(dir.resolve("named"), TextSource.Layout.FILES).evaluationPart(null, true)
                        .corpus().classes());
    }

    @Test
    void holdOutIsReproducibleDisjointAndMatchesEvaluation() throws Exception {
        Path file = write(dir, "data.tsv", lines("pos", 200) + lines("neg", 200));
        HoldOut split = new HoldOut(0.15, 7);
        TextSource source = TextSource.open(file, null);
        TextSource.Part train = source.trainingPart(split);
        TextSource.Part test = source.evaluationPart(train.split(), false);
        assertEquals(400, train.corpus().size() + test.corpus().size());
        Set<String> trainTexts = new HashSet<>();
        train.corpus().texts().forEach(t -> trainTexts.add(t.text()));
        test.corpus().texts().forEach(t -> assertFalse(trainTexts.contains(t.text()), t.text()));
        assertTrue(test.corpus().size() > 30 && test.corpus().size() < 90, "about 15%: " + test.corpus().size());
        assertEquals(test.corpus().texts(), TextSource.open(file, null).evaluationPart(train.split(), false).corpus()
                .texts(), "same every time");
        TestSplit otherSeed = new TestSplit(new HoldOut(0.15, 8), train.split().data());
        assertFalse(test.corpus().texts().equals(source.evaluationPart(otherSeed, false).corpus().texts()));
        assertEquals(train.split(), TestSplit.fromJson(train.split().toJsonNode()));
    }

    @Test
    void otherDataIsEvaluatedInFullEvenWithAModelSplit() throws Exception {
        Path trainFile = write(dir, "train.tsv", lines("pos", 50) + lines("neg", 50));
        TestSplit split = TextSource.open(trainFile, null).trainingPart(new HoldOut(0.1, 3)).split();
        Path shuffled = write(dir, "same-data-other-order.tsv", lines("neg", 50) + lines("pos", 50));
        assertTrue(TextSource.open(shuffled, null).evaluationPart(split, false).corpus().size() < 30,
                "the same texts in another order are the training data: only its held-out part");
        Path other = write(dir, "other.tsv", "a fine day\tpos\na dull day\tneg\nnot bad at all\tpos\n");
        TextSource.Part part = TextSource.open(other, null).evaluationPart(split, false);
        assertEquals(3, part.corpus().size());
        assertTrue(part.description().contains("not the data set the model was trained on"), part.description());
    }

    @Test
    void badSourcesNameTheFileAndLine() throws Exception {
        expect(dir.resolve("missing"), "file", "an existing file or folder",
                () -> TextSource.open(dir.resolve("missing"), null));
        Path empty = write(dir, "empty.tsv", "");
        expect(empty, "file", "at least one line", () -> TextSource.open(empty, null).trainingPart(new HoldOut(0.1, 1)));
        Path noLabel = write(dir, "nolabel.tsv", "good\tpos\nno label on this line\n");
        expect(noLabel, "line 2", "no tab", () -> TextSource.open(noLabel, TextSource.Layout.TSV)
                .trainingPart(new HoldOut(0.1, 1)));
        Path oneClass = write(dir, "one.tsv", lines("pos", 5));
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> TextSource.open(oneClass, null).trainingPart(new HoldOut(0.1, 1)));
        assertTrue(e.getMessage().contains("one.tsv") && e.getMessage().contains("two classes"), e.getMessage());
        write(dir, "docs/README.md", "nothing");
        expect(dir.resolve("docs"), "file", "data files", () -> TextSource.open(dir.resolve("docs"), null));
        write(dir, "mixed/a.tsv", "x\tpos\n");
        write(dir, "mixed/b.neg", "plain line\n");
        expect(dir.resolve("mixed"), "file", "name the layout", () -> TextSource.open(dir.resolve("mixed"), null));
    }

    @Test
    void relabelMapsByNameAndRejectsUnknownClasses() throws Exception {
        Path file = write(dir, "eval.tsv", "fine\tpos\nmeh\tneutral\n");
        TextCorpus corpus = TextSource.open(file, null).evaluationPart(null, true).corpus();
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> corpus.relabel(LabelSet.of("neg", "pos")));
        assertTrue(e.getMessage().contains("eval.tsv:2") && e.getMessage().contains("neutral"), e.getMessage());
        TextCorpus neutral = new TextCorpus(List.of(new LabelledText("meh", 1, "x")), LabelSet.of("pos", "neutral"))
                .relabel(LabelSet.of("neutral", "pos", "neg"));
        assertEquals(0, neutral.texts().get(0).label());
    }

    @Test
    void sharedRealDataSetsAreDetected() {
        TextSource rt = TextSource.open(SharedData.require("rt-polarity"), null);
        assertEquals(TextSource.Layout.FILES, rt.layout());
        TextCorpus rtAll = rt.evaluationPart(null, true).corpus();
        assertEquals(8581, rtAll.size());
        assertEquals(LabelSet.of("neg", "pos"), rtAll.classes());
        TextSource imdb = TextSource.open(SharedData.require("imdb-subset"), null);
        assertEquals(TextSource.Layout.ACLIMDB, imdb.layout());
        assertEquals(2000, imdb.trainingPart(new HoldOut(0.1, 1)).corpus().size());
        assertEquals(1000, imdb.evaluationPart(null, false).corpus().size());
        TextSource uci = TextSource.open(SharedData.require("uci-sentiment-sentences"), null);
        assertEquals(TextSource.Layout.TSV, uci.layout());
        TextCorpus uciAll = uci.evaluationPart(null, true).corpus();
        assertEquals(2420, uciAll.size());
        assertEquals(LabelSet.of("0", "1"), uciAll.classes());
    }

    @Test
    void builtInCorpusIsBalancedWithSeparateTestFile() {
        TextSource source = TextSource.builtInSentiment();
        TextCorpus train = source.trainingPart(new HoldOut(0.1, 1)).corpus();
        TextCorpus test = source.evaluationPart(null, false).corpus();
        assertTrue(train.size() >= 600 && test.size() >= 150, train.size() + " / " + test.size());
        assertEquals(train.classCounts()[0], train.classCounts()[1]);
        assertEquals(test.classCounts()[0], test.classCounts()[1]);
        Set<String> seen = new HashSet<>();
        train.texts().forEach(t -> seen.add(t.text()));
        test.texts().forEach(t -> assertFalse(seen.contains(t.text()), "test text also in training: " + t.text()));
    }
}
