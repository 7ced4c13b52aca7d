package org.rnnkit.datasets.music;

import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes a {@link Melody} as a playable Standard MIDI File: one track, channel 1, velocity 90, 480 ticks per
 * quarter note (or a multiple of the melody's grid), tempo {@code bpm}. Reading the file back with
 * {@link MidiMelodyReader} on the same grid gives the same melody.
 */
public final class MidiMelodyWriter {

    private MidiMelodyWriter() {
    }

    /** The melody as a MIDI sequence at {@code bpm} beats per minute. */
    public static Sequence toSequence(Melody melody, int bpm) {
        int spq = melody.stepsPerQuarter();
        int ppq = 480 % spq == 0 ? 480 : spq * 120;
        int ticksPerStep = ppq / spq;
        try {
            Sequence seq = new Sequence(Sequence.PPQ, ppq);
            Track track = seq.createTrack();
            int micros = 60_000_000 / bpm;
            track.add(new MidiEvent(new MetaMessage(0x51,
                    new byte[]{(byte) (micros >> 16), (byte) (micros >> 8), (byte) micros}, 3), 0));
            long tick = 0;
            for (Melody.Event e : melody.events()) {
                long end = tick + (long) e.steps() * ticksPerStep;
                if (!e.isRest()) {
                    track.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_ON, 0, e.pitch(), 90), tick));
                    track.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_OFF, 0, e.pitch(), 0), end));
                }
                tick = end;
            }
            return seq;
        } catch (InvalidMidiDataException e) {
            throw new IllegalStateException("could not build MIDI events", e);
        }
    }

    /** Writes the melody as a MIDI file of {@code type} 0 or 1 at 120 bpm. */
    public static void write(Melody melody, int type, OutputStream out) throws IOException {
        write(melody, type, 120, out);
    }

    /** Writes the melody as a MIDI file of {@code type} 0 or 1 at {@code bpm} quarter notes per minute. */
    public static void write(Melody melody, int type, int bpm, OutputStream out) throws IOException {
        if (type != 0 && type != 1) {
            throw new IllegalArgumentException("MIDI file type must be 0 or 1");
        }
        if (bpm < 1 || bpm > 1000) {
            throw new IllegalArgumentException("tempo must be 1..1000 bpm, got " + bpm);
        }
        MidiSystem.write(toSequence(melody, bpm), type, out);
    }
}
