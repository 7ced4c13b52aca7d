package org.rnnkit.datasets;

import java.util.List;

/**
 * The one token convention of rnnkit: ids 0-3 of every token vocabulary that needs them (text
 * {@code Vocabulary}, sentence pairs, {@code MelodyCodec}, encoder-decoder models and their decoders)
 * are {@link #PAD}, {@link #UNK}, {@link #BOS} and {@link #EOS}, in that order; real tokens start at
 * {@link #COUNT}. Character vocabularies have none: every id of a {@code CharVocabulary} is a character.
 */
public final class SpecialTokens {

    /** Padding: fills batches up to the longest sequence; never a prediction. */
    public static final int PAD = 0;
    /** Unknown: any token outside the vocabulary. */
    public static final int UNK = 1;
    /** Begin of sequence: the decoder's first input. */
    public static final int BOS = 2;
    /** End of sequence: the decoder's last target; decoding stops when it is chosen. */
    public static final int EOS = 3;
    /** Number of reserved ids; the first real token's id. */
    public static final int COUNT = 4;
    /** The reserved entries' names as stored in saved vocabularies, in id order. */
    public static final List<String> NAMES = List.of("<pad>", "<unk>", "<s>", "</s>");

    private SpecialTokens() {
    }

    /** Whether {@code id} is one of the reserved ids. */
    public static boolean isSpecial(int id) {
        return id >= 0 && id < COUNT;
    }
}
