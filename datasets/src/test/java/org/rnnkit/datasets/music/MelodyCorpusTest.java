package org.rnnkit.datasets.music;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnkit.datasets.DataFormatException;

import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped tunes, MIDI folders with bad files, tempo, and WAV rendering. */
class MelodyCorpusTest {

    @TempDir
    Path dir;

    private static Melody tune() {
        return NoteText.parse("C4 1/4, E4 1/8, G4 1/8, R 1/4, C5 1/2", 4, "test");
    }

    private Path midi(String name, Melody melody, int bpm) throws Exception {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            MidiMelodyWriter.write(melody, 1, bpm, out);
        }
        return file;
    }

    @Test
    void shippedTunesAreDozensOfValidMelodies() {
        MelodyCorpus shipped = MelodyCorpus.shipped(4);
        assertTrue(shipped.size() >= 50, shipped.size() + " tunes");
        assertTrue(shipped.tunes().stream().allMatch(t -> t.melody().noteCount() >= 12), "every tune is a real tune");
        assertEquals(120, shipped.bpm());
        assertEquals(shipped.fingerprint(), MelodyCorpus.shipped(4).fingerprint());
    }

    @Test
    void folderSkipsAndCountsBadFilesAndKeepsTheTempo() throws Exception {
        midi("a.mid", tune(), 96);
        Files.createDirectories(dir.resolve("sub"));
        Files.copy(midi("b.mid", tune().transpose(2), 140), dir.resolve("sub/c.MIDI"));
        Files.writeString(dir.resolve("broken.mid"), "not a MIDI file");
        Files.writeString(dir.resolve("notes.txt"), "ignored: not a MIDI file name");
        Sequence drums = new Sequence(Sequence.PPQ, 480);
        Track t = drums.createTrack();
        t.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_ON, 9, 36, 100), 0));
        t.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_OFF, 9, 36, 0), 480));
        MidiSystem.write(drums, 0, dir.resolve("drums.mid").toFile());

        MelodyCorpus corpus = MelodyCorpus.fromMidiFolder(dir, 4);
        assertEquals(3, corpus.size());
        assertEquals(tune(), corpus.tunes().get(0).melody());
        assertEquals(96, corpus.bpm(), 0.01, "the first file's tempo");
        assertEquals(2, corpus.skipped().count());
        assertTrue(corpus.skipped().report().contains("broken.mid") && corpus.skipped().report().contains("drums.mid"),
                corpus.skipped().report());
        assertNotEquals(corpus.fingerprint(), MelodyCorpus.shipped(4).fingerprint());
    }

    @Test
    void unusableFoldersAreErrorsNamingThem() throws Exception {
        DataFormatException e = assertThrows(DataFormatException.class, () -> MelodyCorpus.fromMidiFolder(dir, 4));
        assertTrue(e.getMessage().contains(dir.toString()) && e.getMessage().contains("at least one MIDI file"),
                e.getMessage());
        Files.writeString(dir.resolve("x.mid"), "MThd but nothing else");
        e = assertThrows(DataFormatException.class, () -> MelodyCorpus.fromMidiFolder(dir, 4));
        assertTrue(e.getMessage().contains("all 1 failed") && e.getMessage().contains("x.mid"), e.getMessage());
        Path file = dir.resolve("x.mid");
        e = assertThrows(DataFormatException.class, () -> MelodyCorpus.fromMidiFolder(file, 4));
        assertTrue(e.getMessage().contains("a folder of MIDI files"), e.getMessage());
    }

    /** The WAV is a RIFF/WAVE file of 16-bit stereo samples, as long as the melody plus the release, not silent. */
    @Test
    void wavIsAValidRiffFileWithSound() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MelodyAudio.writeWav(tune(), 120, out);
        byte[] wav = out.toByteArray();
        assertArrayEquals("RIFF".getBytes(), Arrays.copyOf(wav, 4));
        assertArrayEquals("WAVE".getBytes(), Arrays.copyOfRange(wav, 8, 12));
        ByteBuffer b = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(wav.length - 8, b.getInt(4), "RIFF size");
        assertEquals(2, b.getShort(22), "stereo");
        assertEquals(44_100, b.getInt(24));
        assertEquals(16, b.getShort(34), "16-bit");
        int data = 36;
        assertArrayEquals("data".getBytes(), Arrays.copyOfRange(wav, data, data + 4));
        int bytes = b.getInt(data + 4);
        // 5 quarter notes at 120 bpm = 2.5 s, plus 1 s of release
        assertEquals(3.5 * 44_100 * 4, bytes, 4.0 * 2);
        int loud = 0;
        for (int i = data + 8; i + 1 < data + 8 + bytes; i += 2) {
            if (Math.abs(b.getShort(i)) > 500) {
                loud++;
            }
        }
        assertTrue(loud > 44_100, "a second or more of clearly audible samples, found " + loud);
    }
}
