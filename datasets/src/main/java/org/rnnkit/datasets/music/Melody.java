package org.rnnkit.datasets.music;

import java.util.ArrayList;
import java.util.List;

/**
 * A monophonic melody on a grid of {@code stepsPerQuarter} steps per quarter note (4 = sixteenth notes): a list
 * of notes and rests, each lasting a whole number of steps, starting at step 0. Canonical form: adjacent rests
 * are merged and trailing rests dropped (a melody ends with its last note). Immutable.
 */
public record Melody(List<Event> events, int stepsPerQuarter) {

    /** Pitch value of a rest. */
    public static final int REST = -1;

    /** A note (MIDI pitch 0..127) or rest ({@link #REST}) lasting {@code steps >= 1} grid steps. */
    public record Event(int pitch, int steps) {
        /** Validates pitch and duration. */
        public Event {
            if (pitch < REST || pitch > 127) {
                throw new IllegalArgumentException("pitch must be -1 (rest) or 0..127, got " + pitch);
            }
            if (steps < 1) {
                throw new IllegalArgumentException("duration must be >= 1 step, got " + steps);
            }
        }

        /** True for a rest. */
        public boolean isRest() {
            return pitch == REST;
        }
    }

    /** Canonicalises the events; a melody needs at least one note. */
    public Melody {
        if (stepsPerQuarter < 1) {
            throw new IllegalArgumentException("stepsPerQuarter must be >= 1");
        }
        List<Event> canonical = new ArrayList<>();
        for (Event e : events) {
            int last = canonical.size() - 1;
            if (e.isRest() && last >= 0 && canonical.get(last).isRest()) {
                canonical.set(last, new Event(REST, canonical.get(last).steps() + e.steps()));
            } else {
                canonical.add(e);
            }
        }
        while (!canonical.isEmpty() && canonical.get(canonical.size() - 1).isRest()) {
            canonical.remove(canonical.size() - 1);
        }
        if (canonical.isEmpty()) {
            throw new IllegalArgumentException("a melody needs at least one note");
        }
        events = List.copyOf(canonical);
    }

    /** Number of notes (rests not counted). */
    public int noteCount() {
        return (int) events.stream().filter(e -> !e.isRest()).count();
    }

    /** Total length in steps. */
    public int totalSteps() {
        return events.stream().mapToInt(Event::steps).sum();
    }

    /** The melody shifted by {@code semitones}; a pitch leaving 0..127 is an {@link IllegalArgumentException}. */
    public Melody transpose(int semitones) {
        List<Event> out = new ArrayList<>(events.size());
        for (Event e : events) {
            out.add(e.isRest() ? e : new Event(e.pitch() + semitones, e.steps()));
        }
        return new Melody(out, stepsPerQuarter);
    }

    /** Whether every note stays in 0..127 after shifting by {@code semitones}. */
    public boolean canTranspose(int semitones) {
        return events.stream().allMatch(e -> e.isRest() || (e.pitch() + semitones >= 0 && e.pitch() + semitones <= 127));
    }

    /** Transposition augmentation: the melody shifted by every k in {@code [low, high]} that stays in range. */
    public List<Melody> transpositions(int low, int high) {
        List<Melody> out = new ArrayList<>();
        for (int k = low; k <= high; k++) {
            if (canTranspose(k)) {
                out.add(transpose(k));
            }
        }
        return out;
    }
}
