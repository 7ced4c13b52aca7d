package org.rnnkit.datasets.music;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The statistics generate prints, on melodies whose values are counted by hand. */
class MelodyStatsTest {

    private static Melody melody(String notes) {
        return NoteText.parse(notes, 4, "test");
    }

    @Test
    void rangeKeyScaleShareAndDuration() {
        // 7 notes of C major and one F#: 7/8 in the best major scale (C or G major both hold 7 of them).
        Melody m = melody("C4 1/4, D4 1/4, E4 1/4, F4 1/4, G4 1/4, A4 1/4, B4 1/4, F#4 1/4, R 1/4, C5 1/4");
        MelodyStats s = MelodyStats.of(m, null, 120);
        assertEquals(9, s.notes());
        assertEquals(60, s.lowest());
        assertEquals(72, s.highest());
        assertEquals(8.0 / 9, s.inScaleShare(), 1e-12, "C5 and the seven naturals are in C major; F# is not");
        assertEquals(5.0, s.seconds(), 1e-12, "10 quarter notes at 120 bpm");
        assertEquals(9, s.distinctPitches());
        assertFalse(s.degenerate());
        assertTrue(s.summary().startsWith("9 notes, C4-C5, "), s.summary());
        // A harmonic-minor melody (A minor with G#) is entirely in its scale.
        assertEquals(1.0, MelodyStats.of(melody("A4 1/4, B4 1/4, C5 1/4, G#4 1/4, A4 1/4, E4 1/4"), null, 120)
                .inScaleShare(), 1e-12);
    }

    @Test
    void loopsAndTooFewPitchesAreDegenerate() {
        StringBuilder loop = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            loop.append("C4 1/8, E4 1/8, G4 1/8, B4 1/8, ");
        }
        MelodyStats looped = MelodyStats.of(melody(loop + "D4 1/4"), null, 120);
        assertEquals(40.0 / 41, looped.loopShare(), 1e-12, "the figure covers 40 of 41 notes");
        assertTrue(looped.degenerate());
        MelodyStats three = MelodyStats.of(melody("C4 1/4, D4 1/4, E4 1/4, D4 1/4, C4 1/4, E4 1/4, D4 1/4"), null, 120);
        assertEquals(3, three.distinctPitches());
        assertTrue(three.degenerate(), "fewer than 4 distinct pitches");
    }

    @Test
    void longestRunSharedWithATrainingTune() {
        TuneIndex index = TuneIndex.of(List.of(melody("C4 1/4, D4 1/4, E4 1/4, F4 1/4, G4 1/4"),
                melody("A4 1/4, B4 1/4, C5 1/4")));
        // D E F (3 pitches of tune 1, rhythm and rests ignored), then B C (2 of tune 2)
        assertEquals(3, index.longestSharedRun(melody("D4 1/8, E4 1/2, R 1/4, F4 1/4, A4 1/4, B4 1/4, C5 1/4, B4 1/4")));
        assertEquals(5, index.longestSharedRun(melody("C4 1/4, D4 1/4, E4 1/4, F4 1/4, G4 1/4")));
        assertEquals(0, index.longestSharedRun(melody("C#4 1/4, D#4 1/4")));
        // A run across two tunes is not a copy of either.
        assertEquals(2, index.longestSharedRun(melody("F4 1/4, G4 1/4, A4 1/4, B4 1/4")));
        MelodyStats s = MelodyStats.of(melody("C4 1/4, D4 1/4, E4 1/4"), index, 120);
        assertEquals(3, s.longestCopied());
        assertFalse(s.copies());
    }
}
