package org.rnnkit.core.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.rnnkit.datasets.SpecialTokens;

/**
 * An encoder-decoder declaration: the encoder reads the source tokens (in both directions when {@code rnn} is
 * bidirectional); its final states, through a dense bridge, are the decoder's initial state and are given to it at
 * every step together with the previous target token. Both sides use the same cell, size and depth; the decoder reads one direction.
 * Token ids follow {@code org.rnnkit.datasets.SpecialTokens} (the decoder starts from BOS and stops at EOS).
 *
 * @param sourceVocabulary size of the source vocabulary
 * @param targetVocabulary size of the target vocabulary (also the output size)
 * @param embedding        embedding size on both sides
 * @param rnn              the recurrent stack of the encoder (bidirectional allowed, merge CONCAT) and, in one
 *                         direction, of the decoder
 * @param optimizer        updater, learning rate, L2 and clipping
 * @param seed             seed for initialisation and dropout
 * @param attention        how the decoder attends to the encoder states ({@link Attention#NONE} when absent from
 *                         JSON written before attention existed)
 */
public record Seq2SeqSpec(@JsonProperty("sourceVocabulary") int sourceVocabulary,
                          @JsonProperty("targetVocabulary") int targetVocabulary,
                          @JsonProperty("embedding") int embedding,
                          @JsonProperty("rnn") RecurrentSpec rnn,
                          @JsonProperty("optimizer") Optimizer optimizer,
                          @JsonProperty("seed") long seed,
                          @JsonProperty("attention") Attention attention) {

    /** A declaration without attention. */
    public Seq2SeqSpec(int sourceVocabulary, int targetVocabulary, int embedding, RecurrentSpec rnn,
                       Optimizer optimizer, long seed) {
        this(sourceVocabulary, targetVocabulary, embedding, rnn, optimizer, seed, Attention.NONE);
    }

    @JsonCreator
    public Seq2SeqSpec {
        attention = attention == null ? Attention.NONE : attention;
        SpecException.require(sourceVocabulary > SpecialTokens.COUNT && targetVocabulary > SpecialTokens.COUNT,
                "token ids 0-3 are PAD, UNK, BOS and EOS, so vocabularies need more than 4 entries, got source %d "
                        + "and target %d", sourceVocabulary, targetVocabulary);
        SpecException.require(embedding > 0, "embedding needs a positive number of units, got %d", embedding);
        SpecException.require(rnn != null, "an encoder-decoder needs a recurrent layer (lstm, gru or simpleRnn)");
        SpecException.require(!rnn.bidirectional() || rnn.merge() == Merge.CONCAT,
                "a bidirectional encoder keeps its directions apart for the decoder: merge CONCAT, got %s", rnn.merge());
        SpecException.require(optimizer != null, "a model needs an optimizer");
        SpecException.require(attention != Attention.DOT || !rnn.bidirectional(),
                "dot attention scores decoder states against encoder states of the same size, but a bidirectional "
                        + "encoder's are twice the decoder's: use LUONG (general) or BAHDANAU");
    }

    /** Size of an encoder state: both directions of a bidirectional encoder. */
    public int encoderStateSize() {
        return rnn.units() * (rnn.bidirectional() ? 2 : 1);
    }

    public String toJson() {
        return SpecJson.write(this);
    }

    public static Seq2SeqSpec fromJson(String json) {
        return SpecJson.read(json, Seq2SeqSpec.class);
    }
}
