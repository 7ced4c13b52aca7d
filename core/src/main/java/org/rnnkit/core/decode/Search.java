package org.rnnkit.core.decode;

import java.util.List;

/**
 * A way to choose tokens step by step on any {@link StepModel}: {@link #greedy()}, {@link #sampling(double)}
 * (temperature, top-k, top-p, seeded) or {@link #beam(int)}. All decode a batch of inputs at once.
 */
public interface Search {

    /** The chosen sequence for each input, in input order. */
    List<Decoded> decode(StepModel model, int[][] inputs, DecodeOptions options);

    /** The most likely token at every step. */
    static GreedySearch greedy() {
        return new GreedySearch();
    }

    /** Sampling from the distribution sharpened (below 1) or flattened (above 1) by {@code temperature}. */
    static SamplingSearch sampling(double temperature) {
        return new SamplingSearch(temperature, 0, 1.0, 0);
    }

    /** Beam search keeping the {@code width} most likely hypotheses per input, without length normalisation. */
    static BeamSearch beam(int width) {
        return new BeamSearch(width, 0);
    }
}
