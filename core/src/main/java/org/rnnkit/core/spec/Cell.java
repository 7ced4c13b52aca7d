package org.rnnkit.core.spec;

/** The recurrent cells rnnkit offers. */
public enum Cell {
    /** Elman network: {@code h' = act(W x + U h + b)}, rnnkit's own layer (DL4J's with layer normalisation). */
    SIMPLE_RNN,
    /** Long short-term memory (Hochreiter &amp; Schmidhuber 1997), without peepholes, rnnkit's own layer. */
    LSTM,
    /** Gated Recurrent Unit (Cho et al. 2014), rnnkit's own layer. */
    GRU
}
