package org.rnnkit.datasets.music;

import org.rnnkit.datasets.SpecialTokens;

import java.util.BitSet;

/**
 * Which {@link EventCodec} tokens may come next while a melody is generated, so that whatever a sampler draws
 * decodes to the melody asked for: only event tokens (never PAD, UNK or BOS); no rest first and no two rests in a
 * row (rests merge, which would change the event count); the end token only after at least {@code minNotes} new
 * notes and never right after a rest (a trailing rest would be dropped); after {@code maxNotes} new notes, only
 * the end token. A continuation therefore always ends within {@link #maxTokens()} tokens, and the primer plus it
 * always decodes (tested over many seeds and temperatures). Immutable.
 */
public final class MelodyGrammar {

    private final EventCodec codec;
    private final int minNotes;
    private final int maxNotes;
    private final boolean primerEndsWithNote;
    private final BitSet notes;
    private final BitSet rests;

    /**
     * A grammar for {@code minNotes..maxNotes} new notes after a primer whose last event is a note
     * ({@code primerEndsWithNote}) or a rest or nothing.
     */
    public MelodyGrammar(EventCodec codec, int minNotes, int maxNotes, boolean primerEndsWithNote) {
        if (minNotes < 1 || maxNotes < minNotes) {
            throw new IllegalArgumentException("need 1 <= minNotes <= maxNotes, got " + minNotes + " and " + maxNotes);
        }
        this.codec = codec;
        this.minNotes = minNotes;
        this.maxNotes = maxNotes;
        this.primerEndsWithNote = primerEndsWithNote;
        this.notes = new BitSet(codec.vocabularySize());
        this.rests = new BitSet(codec.vocabularySize());
        for (int t = EventCodec.FIRST_EVENT; t < codec.vocabularySize(); t++) {
            (codec.isRest(t) ? rests : notes).set(t);
        }
    }

    /** A grammar for a primer given as tokens ({@code BOS events...}, as {@link EventCodec#encodePrimer} gives). */
    public static MelodyGrammar after(EventCodec codec, int[] primer, int minNotes, int maxNotes) {
        int last = primer.length == 0 ? SpecialTokens.BOS : primer[primer.length - 1];
        return new MelodyGrammar(codec, minNotes, maxNotes, codec.isNote(last));
    }

    /** Most tokens a continuation can take, the end token included: every note may follow a rest. */
    public int maxTokens() {
        return 2 * maxNotes + 1;
    }

    /** The tokens allowed after the generated tokens {@code prefix} (the primer not included). */
    public BitSet allowed(int[] prefix) {
        int count = 0;
        for (int token : prefix) {
            if (codec.isNote(token)) {
                count++;
            }
        }
        boolean afterNote = prefix.length == 0 ? primerEndsWithNote : codec.isNote(prefix[prefix.length - 1]);
        BitSet allowed = new BitSet(codec.vocabularySize());
        if (count >= maxNotes) {
            allowed.set(SpecialTokens.EOS);
            return allowed;
        }
        allowed.or(notes);
        if (afterNote) {
            allowed.or(rests);
            if (count >= minNotes) {
                allowed.set(SpecialTokens.EOS);
            }
        }
        return allowed;
    }
}
