package org.rnnkit.datasets.music;

import org.junit.jupiter.api.Test;
import org.rnnkit.datasets.SpecialTokens;
import org.rnnkit.datasets.text.Vocabulary;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.dataset.DataSet;
import org.rnnkit.datasets.BatchPlan;
import org.rnnkit.datasets.DataFormatException;
import org.rnnkit.datasets.TokenEncoding;
import org.rnnkit.datasets.TokenSequenceIterator;

import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rnnkit.datasets.BadInput.expect;
import static org.rnnkit.datasets.BadInput.write;

class MusicTest {

    private static final String TUNE = "% a short tune\nC4 1/4, D4 1/8, E4 1/8, R 1/4,\nG4 3/8, F#4 1/16, Bb3 1/16 % end\n";

    @TempDir
    Path dir;

    private static Melody tune() {
        return NoteText.parse(TUNE, 4, "tune");
    }

    @Test
    void noteTextParsesAndFormatsBack() {
        Melody m = tune();
        assertEquals(List.of(new Melody.Event(60, 4), new Melody.Event(62, 2), new Melody.Event(64, 2),
                new Melody.Event(Melody.REST, 4), new Melody.Event(67, 6), new Melody.Event(66, 1),
                new Melody.Event(58, 1)), m.events());
        assertEquals(m, NoteText.parse(NoteText.format(m), 4, "formatted"));
        assertEquals(6, NoteText.parse("C4 1/4.", 4, "dotted").events().get(0).steps());
        assertEquals(69, NoteText.parse("A4 1", 4, "a").events().get(0).pitch());
    }

    @Test
    void noteTextErrorsNameLineAndColumn() {
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> NoteText.parse("C4 1/4, D4 1/8\nE4 1/4, H4 1/4\n", 4, "tune.txt"));
        assertEquals("line 2, column 9", e.location());
        assertTrue(e.expected().contains("A-G"));
        e = assertThrows(DataFormatException.class, () -> NoteText.parse("C4 1/32", 4, "fine.txt"));
        assertEquals("line 1, column 4", e.location());
        assertTrue(e.expected().contains("whole grid steps"));
        e = assertThrows(DataFormatException.class, () -> NoteText.parse("C4 1/4, Dx 1/4", 4, "oct.txt"));
        assertEquals("line 1, column 10", e.location());
        e = assertThrows(DataFormatException.class, () -> NoteText.parse("C4", 4, "dur.txt"));
        assertEquals("line 1, column 1", e.location());
        e = assertThrows(DataFormatException.class, () -> NoteText.parse("R 1/4\n", 4, "rest.txt"));
        assertTrue(e.expected().contains("at least one note"));
    }

    @Test
    void codecRoundTripAndLongNotes() {
        MelodyCodec codec = new MelodyCodec(4, 16);
        Melody m = new Melody(List.of(new Melody.Event(60, 40), new Melody.Event(Melody.REST, 3),
                new Melody.Event(72, 1)), 4);
        int[] tokens = codec.encode(m);
        assertEquals(MelodyCodec.BOS, tokens[0]);
        assertEquals(MelodyCodec.EOS, tokens[tokens.length - 1]);
        assertEquals("P60 D16 D16 D8 REST D3 P72 D1", String.join(" ",
                Arrays.stream(tokens, 1, tokens.length - 1).mapToObj(codec::name).toList()));
        assertEquals(m, codec.decode(tokens));
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> codec.decode(new int[]{MelodyCodec.BOS, MelodyCodec.pitchToken(60), MelodyCodec.EOS}));
        assertEquals("position 2", e.location());
        assertEquals(4 + 1 + 128 + 16, codec.vocabularySize(), "reserved ids, REST, pitches, durations");
    }

    @Test
    void codecSharesTheTokenConventionOfTextAndPairs() {
        MelodyCodec codec = new MelodyCodec(4, 8);
        assertEquals(List.of(SpecialTokens.PAD, SpecialTokens.BOS, SpecialTokens.EOS),
                List.of(MelodyCodec.PAD, MelodyCodec.BOS, MelodyCodec.EOS));
        assertEquals(List.of(Vocabulary.PAD, Vocabulary.BOS, Vocabulary.EOS),
                List.of(MelodyCodec.PAD, MelodyCodec.BOS, MelodyCodec.EOS));
        assertEquals("UNK", codec.name(SpecialTokens.UNK));
        assertEquals(SpecialTokens.COUNT, MelodyCodec.REST, "the first id after the reserved ones");
        int[] tokens = codec.encode(new Melody(List.of(new Melody.Event(60, 2)), 4));
        assertArrayEquals(new int[]{SpecialTokens.BOS, MelodyCodec.pitchToken(60), codec.durationToken(2),
                SpecialTokens.EOS}, tokens);
    }

    @Test
    void tokensToMidiToTokensGivesTheSameMelodyForType0And1() throws Exception {
        MelodyCodec codec = new MelodyCodec(4, 32);
        Melody m = tune();
        int[] tokens = codec.encode(m);
        for (int type : new int[]{0, 1}) {
            Path f = dir.resolve("tune" + type + ".mid");
            try (OutputStream out = Files.newOutputStream(f)) {
                MidiMelodyWriter.write(codec.decode(tokens), type, out);
            }
            assertEquals(type, MidiSystem.getMidiFileFormat(f.toFile()).getType());
            assertArrayEquals(tokens, codec.encode(MidiMelodyReader.of(4).read(f)));
        }
        Melody repeated = NoteText.parse("C4 1/8, C4 1/8, C4 1/4, R 1/16, C4 1/16", 4, "repeated");
        Path r = dir.resolve("repeated.mid");
        try (OutputStream out = Files.newOutputStream(r)) {
            MidiMelodyWriter.write(repeated, 1, out);
        }
        assertEquals(repeated, MidiMelodyReader.of(4).read(r));
        Melody triplets = new Melody(List.of(new Melody.Event(60, 1), new Melody.Event(62, 2)), 3);
        Path t = dir.resolve("triplets.mid");
        try (OutputStream out = Files.newOutputStream(t)) {
            MidiMelodyWriter.write(triplets, 1, out);
        }
        assertEquals(triplets, MidiMelodyReader.of(3).read(t));
    }

    @Test
    void skylineAcrossTracksAnyResolutionTempoChangesAndDrumsIgnored() throws Exception {
        Sequence seq = new Sequence(Sequence.PPQ, 96);
        Track melody = seq.createTrack();
        Track chords = seq.createTrack();
        melody.add(tempo(0, 500_000));
        melody.add(tempo(96, 250_000));
        note(melody, 0, 60, 0, 96);
        note(melody, 0, 64, 96, 192);
        note(melody, 0, 62, 288, 384);
        note(chords, 1, 48, 0, 384);
        note(chords, 1, 67, 96, 144);
        note(chords, 9, 90, 0, 384);
        Path f = dir.resolve("poly.mid");
        MidiSystem.write(seq, 1, f.toFile());
        Melody all = MidiMelodyReader.of(4).read(f);
        assertEquals(List.of(new Melody.Event(60, 4), new Melody.Event(67, 2), new Melody.Event(64, 2),
                new Melody.Event(48, 4), new Melody.Event(62, 4)), all.events());
        Melody first = MidiMelodyReader.of(4).withTrack(0).read(f);
        assertEquals(List.of(new Melody.Event(60, 4), new Melody.Event(64, 4), new Melody.Event(Melody.REST, 4),
                new Melody.Event(62, 4)), first.events());
        expect(f, "track 5", "a track index below 2", () -> MidiMelodyReader.of(4).withTrack(5).read(f));
    }

    @Test
    void keyEstimationAndTransposition() {
        Melody dMajor = NoteText.parse("D4 1/4, E4 1/4, F#4 1/4, G4 1/4, A4 1/2, F#4 1/4, D4 1/2, A3 1/4, D4 1", 4, "d");
        assertEquals(new KeyEstimator.Key(2, false), KeyEstimator.estimate(dMajor));
        assertEquals(-2, KeyEstimator.shiftToCommonKey(dMajor));
        Melody c = dMajor.transpose(KeyEstimator.shiftToCommonKey(dMajor));
        assertEquals(new KeyEstimator.Key(0, false), KeyEstimator.estimate(c));
        Melody aMinor = NoteText.parse("A3 1/4, C4 1/4, E4 1/4, A4 1/2, G#4 1/4, A4 1/4, E4 1/4, C4 1/4, A3 1", 4, "am");
        assertEquals(new KeyEstimator.Key(9, true), KeyEstimator.estimate(aMinor));
        assertEquals(0, KeyEstimator.shiftToCommonKey(aMinor));
        assertEquals(13, dMajor.transpositions(-6, 6).size());
        assertThrows(IllegalArgumentException.class, () -> dMajor.transpose(80));
    }

    @Test
    void melodyTokensFeedALanguageModelIterator() {
        MelodyCodec codec = new MelodyCodec(4, 32);
        List<int[]> seqs = tune().transpositions(-2, 2).stream().map(codec::encode).toList();
        TokenSequenceIterator it = new TokenSequenceIterator(seqs, codec.vocabularySize(), TokenEncoding.INDEX,
                TokenEncoding.ONE_HOT, BatchPlan.shuffled(5, 1));
        DataSet b = it.next();
        int n = seqs.get(0).length;
        assertArrayEquals(new long[]{5, 1, n - 1}, b.getFeatures().shape());
        assertArrayEquals(new long[]{5, codec.vocabularySize(), n - 1}, b.getLabels().shape());
        assertEquals(codec.vocabularySize(), it.totalOutcomes());
        assertTrue(it.describe().contains("vocabulary " + codec.vocabularySize()));
    }

    @Test
    void badMidiFiles() throws Exception {
        Path notMidi = write(dir, "song.mid", "this is not a MIDI file at all");
        expect(notMidi, "file", "a Standard MIDI File", () -> MidiMelodyReader.of(4).read(notMidi));
        ByteArrayOutputStream full = new ByteArrayOutputStream();
        MidiMelodyWriter.write(tune(), 1, full);
        Path truncated = dir.resolve("cut.mid");
        Files.write(truncated, Arrays.copyOf(full.toByteArray(), full.size() - 20));
        expect(truncated, "track 0, byte 14", "file truncated", () -> MidiMelodyReader.of(4).read(truncated));
        Path headerOnly = dir.resolve("header.mid");
        Files.write(headerOnly, Arrays.copyOf(full.toByteArray(), 14));
        expect(headerOnly, "track 0, byte 14", "truncated after 0", () -> MidiMelodyReader.of(4).read(headerOnly));
        Path empty = write(dir, "empty.mid", "");
        expect(empty, "file", "MIDI", () -> MidiMelodyReader.of(4).read(empty));
        Path missing = dir.resolve("missing.mid");
        expect(missing, "file", "an existing MIDI file", () -> MidiMelodyReader.of(4).read(missing));
        Sequence far = new Sequence(Sequence.PPQ, 480);
        Track farTrack = far.createTrack();
        note(farTrack, 0, 60, 0, 480);
        note(farTrack, 0, 62, 480, 2_000_000_000L);
        Path corrupt = dir.resolve("far.mid");
        MidiSystem.write(far, 1, corrupt.toFile());
        expect(corrupt, "track 0, tick 2000000000", "within", () -> MidiMelodyReader.of(4).read(corrupt));
        Sequence silent = new Sequence(Sequence.PPQ, 480);
        silent.createTrack().add(tempo(0, 500_000));
        Path noNotes = dir.resolve("silent.mid");
        MidiSystem.write(silent, 1, noNotes.toFile());
        expect(noNotes, "all 1 track(s)", "at least one note", () -> MidiMelodyReader.of(4).read(noNotes));
    }

    @Test
    void readAllSkipsBadFilesOnlyWhenAskedAndCountsThem() throws Exception {
        Path good = dir.resolve("good.mid");
        try (OutputStream out = Files.newOutputStream(good)) {
            MidiMelodyWriter.write(tune(), 0, out);
        }
        Path bad = write(dir, "bad.mid", "MThd nonsense");
        org.rnnkit.datasets.RecordErrors errors = org.rnnkit.datasets.RecordErrors.skipAndCollect();
        assertEquals(List.of(tune()), MidiMelodyReader.of(4).readAll(List.of(bad, good), errors));
        assertEquals(1, errors.count());
        assertTrue(errors.report().contains("bad.mid"));
        expect(bad, "file", "MIDI", () -> MidiMelodyReader.of(4).readAll(List.of(good, bad),
                org.rnnkit.datasets.RecordErrors.failFast()));
    }

    private static MidiEvent tempo(long tick, int microsPerQuarter) throws Exception {
        byte[] d = {(byte) (microsPerQuarter >> 16), (byte) (microsPerQuarter >> 8), (byte) microsPerQuarter};
        return new MidiEvent(new MetaMessage(0x51, d, 3), tick);
    }

    private static void note(Track t, int channel, int pitch, long on, long off) throws Exception {
        t.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_ON, channel, pitch, 80), on));
        t.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_ON, channel, pitch, 0), off));
    }
}
