package org.rnnkit.core.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An encoder-decoder declaration: the encoder reads the source tokens, its summary of the sequence
 * (the last real step of its top layer) is given to the decoder at every step together with the
 * previous target token. Both sides use the same cell, size and depth.
 *
 * @param sourceVocabulary size of the source vocabulary
 * @param targetVocabulary size of the target vocabulary (also the output size)
 * @param embedding        embedding size on both sides
 * @param rnn              the recurrent stack used for the encoder and for the decoder (one direction)
 * @param optimizer        updater, learning rate, L2 and clipping
 * @param seed             seed for initialisation and dropout
 */
public record Seq2SeqSpec(@JsonProperty("sourceVocabulary") int sourceVocabulary,
                          @JsonProperty("targetVocabulary") int targetVocabulary,
                          @JsonProperty("embedding") int embedding,
                          @JsonProperty("rnn") RecurrentSpec rnn,
                          @JsonProperty("optimizer") Optimizer optimizer,
                          @JsonProperty("seed") long seed) {

    @JsonCreator
    public Seq2SeqSpec {
        SpecException.require(sourceVocabulary > 1 && targetVocabulary > 1,
                "vocabularies need at least 2 tokens, got source %d and target %d", sourceVocabulary, targetVocabulary);
        SpecException.require(embedding > 0, "embedding needs a positive number of units, got %d", embedding);
        SpecException.require(rnn != null, "an encoder-decoder needs a recurrent layer (lstm, gru or simpleRnn)");
        SpecException.require(!rnn.bidirectional(),
                "the decoder steps one token at a time, so the encoder-decoder stack cannot be bidirectional");
        SpecException.require(optimizer != null, "a model needs an optimizer");
    }

    public String toJson() {
        return SpecJson.write(this);
    }

    public static Seq2SeqSpec fromJson(String json) {
        return SpecJson.read(json, Seq2SeqSpec.class);
    }
}
