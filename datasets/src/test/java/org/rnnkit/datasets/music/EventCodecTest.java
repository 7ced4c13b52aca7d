package org.rnnkit.datasets.music;

import org.junit.jupiter.api.Test;
import org.rnnkit.datasets.DataFormatException;
import org.rnnkit.datasets.SpecialTokens;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Joint pitch x duration tokens and the grammar that keeps generated token sequences decodable. */
class EventCodecTest {

    private static Melody melody(String notes) {
        return NoteText.parse(notes, 4, "test");
    }

    @Test
    void oneTokenPerEventAndBack() {
        Melody m = melody("C4 1/4, R 1/8, E4 1/8, G4 1/2");
        EventCodec codec = EventCodec.fit(List.of(m));
        assertEquals(60, codec.lowestPitch());
        assertEquals(67, codec.highestPitch());
        assertArrayEquals(new int[] {2, 4, 8}, codec.durations());
        // 4 reserved ids, then (REST + 8 pitches) x 3 durations
        assertEquals(4 + 9 * 3, codec.vocabularySize());
        int[] tokens = codec.encode(m);
        assertEquals(6, tokens.length);
        assertEquals(SpecialTokens.BOS, tokens[0]);
        assertEquals(SpecialTokens.EOS, tokens[5]);
        // C4 for 4 steps: row 1 (first pitch), duration index 1
        assertEquals(4 + 3 + 1, tokens[1]);
        assertEquals("R/2", codec.name(tokens[2]));
        assertEquals("P64/2", codec.name(tokens[3]));
        assertEquals(m, codec.decode(tokens));
        assertEquals(m, EventCodec.fromJson(codec.toJsonNode()).decode(tokens));
        assertEquals(codec, EventCodec.fromJson(codec.toJsonNode()));
    }

    @Test
    void eventsOutsideTheCodecAreUnknownAndCounted() {
        EventCodec codec = EventCodec.fit(List.of(melody("C4 1/4, E4 1/4")));
        Melody other = melody("C4 1/4, E4 1/8, C5 1/4, D4 1/4");
        int[] tokens = codec.encode(other);
        assertEquals(SpecialTokens.UNK, tokens[2], "a duration the codec lacks");
        assertEquals(SpecialTokens.UNK, tokens[3], "a pitch above the range");
        assertTrue(codec.isNote(tokens[4]), "D4 lies inside the range C4..E4");
        assertEquals(2, codec.unknownEvents(other));
    }

    @Test
    void malformedSequencesNameThePosition() {
        EventCodec codec = EventCodec.fit(List.of(melody("C4 1/4, E4 1/4")));
        int note = codec.token(new Melody.Event(60, 4));
        int rest = codec.token(new Melody.Event(Melody.REST, 4));
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> codec.decode(new int[] {SpecialTokens.BOS, note, SpecialTokens.UNK, SpecialTokens.EOS}));
        assertTrue(e.getMessage().contains("position 2") && e.getMessage().contains("UNK"), e.getMessage());
        e = assertThrows(DataFormatException.class, () -> codec.decode(new int[] {note, SpecialTokens.EOS, note}));
        assertTrue(e.getMessage().contains("only PAD after the end"), e.getMessage());
        e = assertThrows(DataFormatException.class, () -> codec.decode(new int[] {SpecialTokens.BOS, rest}));
        assertTrue(e.getMessage().contains("at least one note"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new EventCodec(4, 70, 60, new int[] {1}));
    }

    /** Whatever a sampler picks among the allowed tokens, the primer plus the continuation decodes as asked. */
    @Test
    void grammarKeepsEveryRandomChoiceDecodable() {
        EventCodec codec = EventCodec.fit(List.of(melody("C4 1/4, R 1/8, E4 1/8, G4 1/2, R 1/4, A4 1/16")));
        Random random = new Random(7);
        for (int trial = 0; trial < 500; trial++) {
            int min = 1 + random.nextInt(10);
            int max = min + random.nextInt(10);
            int[] primer = trial % 3 == 0 ? new int[] {SpecialTokens.BOS}
                    : codec.encodePrimer(melody(trial % 3 == 1 ? "C4 1/4, R 1/4, E4 1/8" : "G4 1/2"));
            MelodyGrammar grammar = MelodyGrammar.after(codec, primer, min, max);
            List<Integer> generated = new ArrayList<>();
            boolean ended = false;
            while (generated.size() < grammar.maxTokens() && !ended) {
                BitSet allowed = grammar.allowed(generated.stream().mapToInt(Integer::intValue).toArray());
                assertFalse(allowed.get(SpecialTokens.PAD) || allowed.get(SpecialTokens.UNK)
                        || allowed.get(SpecialTokens.BOS), "never a reserved token but the end");
                int pick = allowed.stream().skip(random.nextInt(allowed.cardinality())).findFirst().orElseThrow();
                if (pick == SpecialTokens.EOS) {
                    ended = true;
                } else {
                    generated.add(pick);
                }
            }
            assertTrue(ended, "the grammar ends every melody within maxTokens");
            int[] all = new int[primer.length + generated.size()];
            System.arraycopy(primer, 0, all, 0, primer.length);
            for (int i = 0; i < generated.size(); i++) {
                all[primer.length + i] = generated.get(i);
            }
            Melody m = codec.decode(all);
            int primerNotes = primer.length == 1 ? 0 : codec.decode(primer).noteCount();
            int newNotes = m.noteCount() - primerNotes;
            assertTrue(newNotes >= min && newNotes <= max, newNotes + " new notes, asked " + min + ".." + max);
            assertEquals(all.length - 1, m.events().size(), "no rests merged or dropped: one event per token");
        }
    }
}
