package org.rnnkit.core.decode;

import java.util.List;

/** Chooses the most likely allowed token at every step (the lowest id among ties); equals beam search of width 1. */
public final class GreedySearch implements Search {

    GreedySearch() {
    }

    @Override
    public List<Decoded> decode(StepModel model, int[][] inputs, DecodeOptions options) {
        return TokenByToken.decode(model, inputs, options, (input, logp, allowed) -> NextTokens.argmax(logp, allowed));
    }

    @Override
    public String toString() {
        return "greedy";
    }
}
