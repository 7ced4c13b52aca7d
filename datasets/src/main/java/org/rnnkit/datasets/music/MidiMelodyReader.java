package org.rnnkit.datasets.music;

import org.rnnkit.datasets.DataFormatException;
import org.rnnkit.datasets.RecordErrors;

import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Extracts a monophonic melody from a Standard MIDI File (type 0 or 1, any resolution) with
 * {@code javax.sound.midi}. Notes of one track, or of all tracks, except the percussion channel 10, are placed on
 * a grid of {@code stepsPerQuarter} steps per quarter note (start and end rounded to the nearest step, at least
 * one step long); where notes overlap, the highest sounds (skyline; at equal pitch the later note). Positions are
 * in beats, so tempo changes do not move notes (the tempo itself is not kept). SMPTE-timed files are read as
 * 120 bpm. A note-on without note-off ends at its track's last tick. The melody starts at tick 0 (leading rest
 * kept). The file's chunk structure is checked first, so a truncated file is an error, not a shorter tune.
 * Immutable.
 */
public final class MidiMelodyReader {

    /** The longest melody accepted, in grid steps (a guard against corrupt tick values). */
    public static final int MAX_STEPS = 1 << 22;

    /** Value of {@code track} meaning every track. */
    public static final int ALL_TRACKS = -1;

    private final int stepsPerQuarter;
    private final int track;

    private MidiMelodyReader(int stepsPerQuarter, int track) {
        if (stepsPerQuarter < 1) {
            throw new IllegalArgumentException("stepsPerQuarter must be >= 1");
        }
        this.stepsPerQuarter = stepsPerQuarter;
        this.track = track;
    }

    /** Reads all tracks onto a grid of {@code stepsPerQuarter} steps per quarter (4 = sixteenths). */
    public static MidiMelodyReader of(int stepsPerQuarter) {
        return new MidiMelodyReader(stepsPerQuarter, ALL_TRACKS);
    }

    /** Reads only track {@code index} (0-based) or {@link #ALL_TRACKS}. */
    public MidiMelodyReader withTrack(int index) {
        return new MidiMelodyReader(stepsPerQuarter, index);
    }

    /**
     * The melodies of several files, in order. A bad file goes to {@code errors}: with
     * {@link RecordErrors#skipAndCollect()} it is left out and counted, otherwise it is thrown.
     */
    public List<Melody> readAll(List<Path> files, RecordErrors errors) {
        List<Melody> out = new ArrayList<>(files.size());
        for (Path f : files) {
            try {
                out.add(read(f));
            } catch (DataFormatException e) {
                errors.handle(e);
            }
        }
        return out;
    }

    /**
     * The tempo of the first tempo event of a MIDI file, in quarter notes per minute, or empty when it has none
     * (players then use 120). Reading the melody already checked the file; a file that fails here is an error.
     */
    public static java.util.Optional<Double> tempo(Path file) {
        Sequence seq;
        try {
            seq = MidiSystem.getSequence(file.toFile());
        } catch (InvalidMidiDataException | IOException e) {
            throw DataFormatException.inFile(file, "a Standard MIDI File (" + e.getMessage() + ")", e);
        }
        long firstTick = Long.MAX_VALUE;
        double bpm = Double.NaN;
        for (Track t : seq.getTracks()) {
            for (int i = 0; i < t.size(); i++) {
                MidiEvent event = t.get(i);
                if (event.getMessage() instanceof javax.sound.midi.MetaMessage m && m.getType() == 0x51
                        && m.getData().length == 3 && event.getTick() < firstTick) {
                    byte[] d = m.getData();
                    int micros = (d[0] & 0xFF) << 16 | (d[1] & 0xFF) << 8 | (d[2] & 0xFF);
                    if (micros > 0) {
                        firstTick = event.getTick();
                        bpm = 60_000_000.0 / micros;
                    }
                }
            }
        }
        return Double.isNaN(bpm) ? java.util.Optional.empty() : java.util.Optional.of(bpm);
    }

    private record Note(int pitch, long startTick, long endTick, int track) {
    }

    /** The melody of a MIDI file. */
    public Melody read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw DataFormatException.inFile(file, "an existing MIDI file", null);
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw DataFormatException.inFile(file, "a readable MIDI file", e);
        }
        SmfChunks.check(file, bytes);
        Sequence seq;
        try {
            seq = MidiSystem.getSequence(new java.io.ByteArrayInputStream(bytes));
        } catch (InvalidMidiDataException e) {
            throw DataFormatException.inFile(file, "a Standard MIDI File (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw DataFormatException.inFile(file, "a complete Standard MIDI File (" + e + ")", e);
        }
        Track[] tracks = seq.getTracks();
        if (track != ALL_TRACKS && (track < 0 || track >= tracks.length)) {
            throw DataFormatException.at(file.toString(), "track " + track, "a track index below "
                    + tracks.length);
        }
        double ticksPerQuarter = seq.getDivisionType() == Sequence.PPQ ? seq.getResolution()
                : seq.getDivisionType() * seq.getResolution() * 0.5;
        List<Note> notes = new ArrayList<>();
        for (int t = 0; t < tracks.length; t++) {
            if (track == ALL_TRACKS || track == t) {
                collect(tracks[t], t, notes);
            }
        }
        String where = track == ALL_TRACKS ? "all " + tracks.length + " track(s)" : "track " + track;
        if (notes.isEmpty()) {
            throw DataFormatException.at(file.toString(), where, "at least one note (note-on outside channel 10)");
        }
        return skyline(file, notes, ticksPerQuarter);
    }

    private static void collect(Track track, int index, List<Note> notes) {
        Map<Integer, Deque<Long>> open = new HashMap<>();
        for (int i = 0; i < track.size(); i++) {
            MidiEvent event = track.get(i);
            if (!(event.getMessage() instanceof ShortMessage m) || m.getChannel() == 9) {
                continue;
            }
            boolean on = m.getCommand() == ShortMessage.NOTE_ON && m.getData2() > 0;
            boolean off = m.getCommand() == ShortMessage.NOTE_OFF
                    || (m.getCommand() == ShortMessage.NOTE_ON && m.getData2() == 0);
            int key = m.getChannel() * 128 + m.getData1();
            if (on) {
                open.computeIfAbsent(key, k -> new ArrayDeque<>()).addLast(event.getTick());
            } else if (off) {
                Deque<Long> starts = open.get(key);
                if (starts != null && !starts.isEmpty()) {
                    notes.add(new Note(m.getData1(), starts.removeFirst(), event.getTick(), index));
                }
            }
        }
        long end = track.ticks();
        open.forEach((key, starts) -> starts.forEach(s -> notes.add(new Note(key % 128, s, Math.max(end, s), index))));
    }

    private Melody skyline(Path file, List<Note> notes, double ticksPerQuarter) {
        notes.sort(Comparator.comparingLong(Note::startTick));
        int n = notes.size();
        int[] start = new int[n];
        int[] end = new int[n];
        int total = 0;
        for (int i = 0; i < n; i++) {
            Note note = notes.get(i);
            double endStep = Math.rint(note.endTick() * stepsPerQuarter / ticksPerQuarter);
            if (endStep > MAX_STEPS) {
                throw DataFormatException.at(file.toString(), "track " + note.track() + ", tick " + note.endTick(),
                        "a note ending within " + MAX_STEPS + " grid steps of the start");
            }
            start[i] = (int) Math.round(note.startTick() * stepsPerQuarter / ticksPerQuarter);
            end[i] = Math.max(start[i] + 1, (int) endStep);
            total = Math.max(total, end[i]);
        }
        int[] owner = new int[total];
        java.util.Arrays.fill(owner, -1);
        for (int i = 0; i < n; i++) {
            int pitch = notes.get(i).pitch();
            for (int s = start[i]; s < end[i]; s++) {
                if (owner[s] < 0 || pitch >= notes.get(owner[s]).pitch()) {
                    owner[s] = i;
                }
            }
        }
        List<Melody.Event> events = new ArrayList<>();
        int s = 0;
        while (s < total) {
            int who = owner[s];
            int run = s;
            while (run < total && owner[run] == who) {
                run++;
            }
            events.add(new Melody.Event(who < 0 ? Melody.REST : notes.get(who).pitch(), run - s));
            s = run;
        }
        return new Melody(events, stepsPerQuarter);
    }
}
