package org.rnnkit.datasets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.rnnkit.datasets.chars.CharCorpus;
import org.rnnkit.datasets.chars.CharWindowIterator;
import org.rnnkit.datasets.csv.ControlChartFile;
import org.rnnkit.datasets.csv.TsReader;
import org.rnnkit.datasets.csv.UcrReader;
import org.rnnkit.datasets.music.MelodyCodec;
import org.rnnkit.datasets.music.Melody;
import org.rnnkit.datasets.music.MidiMelodyReader;
import org.rnnkit.datasets.music.MidiMelodyWriter;
import org.rnnkit.datasets.pairs.SentencePair;
import org.rnnkit.datasets.pairs.SentencePairReader;
import org.rnnkit.datasets.pairs.TranslationIterator;
import org.rnnkit.datasets.text.TextCorpus;
import org.rnnkit.datasets.text.TextCorpusReader;
import org.rnnkit.datasets.text.TextDataSetIterator;
import org.rnnkit.datasets.text.TextEncoder;
import org.rnnkit.datasets.text.Tokenizer;
import org.rnnkit.datasets.text.Vocabulary;

import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each loader against its real data set in shared/data; counts as stated in each SOURCE.md. Skips when absent. */
class RealDataSetsTest {

    @TempDir
    Path tmp;

    @Test
    void ankiFraEng() {
        Path dir = SharedData.require("anki-fra-eng");
        List<SentencePair> pairs = SentencePairReader.read(dir.resolve("fra.txt"));
        assertEquals(14_413, pairs.size());
        assertEquals(8_778, pairs.stream().map(SentencePair::source).distinct().count());
        Tokenizer tok = Tokenizer.lowerCasing();
        Vocabulary src = Vocabulary.build(pairs.stream().map(p -> tok.tokenize(p.source())).toList(), 1, 0);
        Vocabulary tgt = Vocabulary.build(pairs.stream().map(p -> tok.tokenize(p.target())).toList(), 1, 0);
        TranslationIterator it = new TranslationIterator(pairs, tok, src, tgt, 20, TokenEncoding.INDEX,
                BatchPlan.bucketed(64, 1));
        int n = 0;
        while (it.hasNext()) {
            MultiDataSet m = it.next();
            n += (int) m.getFeatures(0).size(0);
        }
        assertEquals(14_413, n);
    }

    @Test
    void basicMotionsTs() {
        Path dir = SharedData.require("basicmotions");
        for (String part : new String[]{"TRAIN", "TEST"}) {
            SequenceDataset ds = TsReader.read(dir.resolve("BasicMotions_" + part + ".ts"));
            assertEquals(32, ds.size());
            assertEquals(6, ds.numFeatures());
            assertArrayEquals(new int[]{100, 100}, ds.lengthRange());
            assertEquals(List.of("Standing", "Running", "Walking", "Badminton"), ds.classes().orElseThrow().names());
            assertArrayEquals(new int[]{8, 8, 8, 8}, ds.classCounts());
        }
    }

    @Test
    void ecg200Ucr() {
        Path dir = SharedData.require("ecg200");
        SequenceDataset train = UcrReader.read(dir.resolve("ECG200_TRAIN.txt"));
        assertEquals(List.of("-1", "1"), train.classes().orElseThrow().names());
        assertArrayEquals(new int[]{26, 54}, train.classCounts());
        assertArrayEquals(new int[]{96, 96}, train.lengthRange());
        SequenceDataset test = UcrReader.read(dir.resolve("ECG200_TEST.txt"), train.classes().orElseThrow(),
                RecordErrors.failFast());
        assertArrayEquals(new int[]{28, 52}, test.classCounts());
        SequenceNormalizer norm = SequenceNormalizer.fit(SequenceNormalizer.Kind.STANDARDIZE, train);
        DataSet b = norm.apply(test).iterator(BatchPlan.shuffled(32, 1)).next();
        assertArrayEquals(new long[]{32, 1, 96}, b.getFeatures().shape());
        assertFalse(b.getFeatures().isNaN().any());
    }

    @Test
    void ecg5000Ucr() {
        Path dir = SharedData.require("ecg5000");
        SequenceDataset ds = UcrReader.read(dir.resolve("ECG5000_TRAIN.txt"));
        assertEquals(400, ds.size());
        assertEquals(List.of("1", "2", "3", "4", "5"), ds.classes().orElseThrow().names());
        assertArrayEquals(new int[]{234, 142, 8, 15, 1}, ds.classCounts());
        assertArrayEquals(new int[]{140, 140}, ds.lengthRange());
    }

    @Test
    void imdbSubsetFolders() {
        Path dir = SharedData.require("imdb-subset");
        TextCorpus train = TextCorpusReader.readFolders(dir.resolve("train"), null);
        assertEquals(List.of("neg", "pos"), train.classes().names());
        assertArrayEquals(new int[]{1_000, 1_000}, train.classCounts());
        TextCorpus test = TextCorpusReader.readFolders(dir.resolve("test"), train.classes());
        assertArrayEquals(new int[]{500, 500}, test.classCounts());
        Tokenizer tok = Tokenizer.lowerCasing();
        Vocabulary v = Vocabulary.build(train.tokenize(tok), 2, 20_000);
        assertFalse(v.encode(tok.tokenize(train.texts().get(0).text())).length == 0);
        assertTrue(train.texts().stream().noneMatch(t -> tok.tokenize(t.text()).contains("br")));
        TextDataSetIterator it = new TextDataSetIterator(test,
                new TextEncoder(tok, v, 400, TextEncoder.Truncation.KEEP_END), BatchPlan.bucketed(50, 1));
        int n = 0;
        while (it.hasNext()) {
            n += it.next().numExamples();
        }
        assertEquals(1_000, n);
    }

    @Test
    void japaneseVowelsVariableLengthTs() {
        Path dir = SharedData.require("japanese-vowels");
        SequenceDataset train = TsReader.read(dir.resolve("JapaneseVowels_TRAIN.ts"));
        assertEquals(216, train.size());
        assertEquals(12, train.numFeatures());
        assertArrayEquals(new int[]{24, 24, 24, 24, 24, 24, 24, 24, 24}, train.classCounts());
        SequenceDataset test = TsReader.read(dir.resolve("JapaneseVowels_TEST.ts"));
        assertEquals(296, test.size());
        for (SequenceDataset ds : List.of(train, test)) {
            int[] range = ds.lengthRange();
            assertTrue(range[0] >= 7 && range[1] <= 29 && range[0] < range[1], ds.toString());
        }
        DataSet b = train.iterator(BatchPlan.sequential(216)).next();
        assertEquals(train.examples().stream().mapToInt(SequenceExample::length).sum(),
                b.getFeaturesMaskArray().sumNumber().intValue());
    }

    @Test
    void nottinghamMidiMelodies() throws Exception {
        Path dir = SharedData.require("nottingham").resolve("melody_midi");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".mid")).sorted().toList();
        }
        assertEquals(813, files.size());
        MidiMelodyReader reader = MidiMelodyReader.of(4);
        MelodyCodec codec = new MelodyCodec(4, 64);
        int minRaw = Integer.MAX_VALUE;
        int maxRaw = 0;
        int exactNotes = 0;
        for (int i = 0; i < files.size(); i++) {
            Path f = files.get(i);
            int raw = rawNoteOns(f);
            minRaw = Math.min(minRaw, raw);
            maxRaw = Math.max(maxRaw, raw);
            Melody m = reader.read(f);
            assertTrue(m.noteCount() >= 1 && m.noteCount() <= raw, f + ": " + m.noteCount() + " of " + raw);
            if (m.noteCount() == raw) {
                exactNotes++;
            }
            if (i % 20 == 0) {
                Path back = tmp.resolve("back" + i + ".mid");
                try (OutputStream out = Files.newOutputStream(back)) {
                    MidiMelodyWriter.write(codec.decode(codec.encode(m)), 1, out);
                }
                assertArrayEquals(codec.encode(m), codec.encode(reader.read(back)), f.toString());
            }
        }
        assertEquals(17, minRaw);
        assertEquals(1_242, maxRaw);
        assertTrue(exactNotes >= 780, "melodies keeping every note: " + exactNotes);
    }

    private static int rawNoteOns(Path f) throws Exception {
        Sequence seq = MidiSystem.getSequence(f.toFile());
        int n = 0;
        for (Track t : seq.getTracks()) {
            for (int i = 0; i < t.size(); i++) {
                if (t.get(i).getMessage() instanceof ShortMessage m && m.getCommand() == ShortMessage.NOTE_ON
                        && m.getData2() > 0) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void rtPolarityFilePerClass() {
        Path dir = SharedData.require("rt-polarity");
        TextCorpus c = TextCorpusReader.readFilePerClass(
                List.of(dir.resolve("rt-polarity.neg"), dir.resolve("rt-polarity.pos")), RecordErrors.failFast());
        assertEquals(List.of("neg", "pos"), c.classes().names());
        assertArrayEquals(new int[]{4_276, 4_305}, c.classCounts());
    }

    @Test
    void syntheticControlBlocks() {
        Path dir = SharedData.require("synthetic-control");
        SequenceDataset ds = ControlChartFile.read(dir.resolve("synthetic_control.data"));
        assertEquals(480, ds.size());
        assertArrayEquals(new int[]{80, 80, 80, 80, 80, 80}, ds.classCounts());
        assertArrayEquals(new int[]{60, 60}, ds.lengthRange());
        SequenceDataset.Split split = ds.split(0.7, 0.15, 42);
        assertEquals(480, split.train().size() + split.validation().size() + split.test().size());
    }

    @Test
    void tinyShakespeareChars() throws Exception {
        Path dir = SharedData.require("tinyshakespeare");
        try (CharCorpus c = CharCorpus.open(dir.resolve("input.txt"))) {
            assertEquals(892_486, c.length());
            assertTrue(c.vocabulary().size() > 50 && c.vocabulary().size() <= 65, "vocabulary " + c.vocabulary().size());
            CharWindowIterator it = new CharWindowIterator(c, 100, TokenEncoding.ONE_HOT, TokenEncoding.ONE_HOT,
                    BatchPlan.shuffled(32, 1));
            assertEquals(892_485 / 100, it.numExamples());
            DataSet b = it.next();
            assertArrayEquals(new long[]{32, c.vocabulary().size(), 100}, b.getFeatures().shape());
            assertEquals(3_200f, b.getLabels().sumNumber().floatValue());
        }
        assertEquals(31_501, StrictText.forEachLine(dir.resolve("input.txt"), (n, line) -> { }));
    }

    @Test
    void uciSentimentTabSeparated() {
        Path dir = SharedData.require("uci-sentiment-sentences");
        int[][] expected = {{398, 396}, {402, 407}, {412, 405}};
        String[] files = {"amazon_cells_labelled.txt", "imdb_labelled.txt", "yelp_labelled.txt"};
        for (int i = 0; i < files.length; i++) {
            TextCorpus c = TextCorpusReader.readTabSeparated(dir.resolve(files[i]), LabelSet.of("0", "1"),
                    RecordErrors.failFast());
            assertArrayEquals(expected[i], c.classCounts(), files[i]);
            assertTrue(c.texts().stream().noneMatch(t -> t.text().endsWith(" ")));
        }
    }
}
