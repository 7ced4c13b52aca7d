package org.rnnkit.core.spec;

import org.rnnkit.core.layers.AttentionVertex;

/**
 * Whether and how an encoder-decoder's decoder attends to the encoder states. With attention, every decoder output
 * is turned into Luong's attentional vector {@code tanh(Wc [c; h])} over a context {@code c} that weighs the
 * encoder states by a score with the decoder output {@code h} (softmax over the real source steps), and the
 * softmax over the target vocabulary reads that vector.
 */
public enum Attention {
    /** No attention: the decoder sees the encoder only through the bridged final states. */
    NONE(null),
    /** Luong's dot score {@code h·s}; needs encoder states of the decoder's size (a unidirectional encoder). */
    DOT(AttentionVertex.Score.DOT),
    /** Luong's general score {@code h·(Wa s)}. */
    LUONG(AttentionVertex.Score.GENERAL),
    /** Bahdanau's additive score {@code v·tanh(W1 h + W2 s + b)}. */
    BAHDANAU(AttentionVertex.Score.ADDITIVE);

    private final AttentionVertex.Score score;

    Attention(AttentionVertex.Score score) {
        this.score = score;
    }

    /** The vertex's score, null for {@link #NONE}. */
    public AttentionVertex.Score score() {
        return score;
    }
}
