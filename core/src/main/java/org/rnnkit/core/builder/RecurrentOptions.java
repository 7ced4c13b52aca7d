package org.rnnkit.core.builder;

import org.nd4j.linalg.activations.Activation;
import org.rnnkit.core.spec.Cell;
import org.rnnkit.core.spec.Merge;
import org.rnnkit.core.spec.RecurrentSpec;

/**
 * Options of one recurrent stack, set inside the builder's lambda:
 * {@code .lstm(64, o -> o.layers(2).bidirectional().dropout(0.2))}. Only lives while the builder runs;
 * the result is an immutable {@link RecurrentSpec}.
 */
public final class RecurrentOptions {
    private final Cell cell;
    private final int units;
    private int layers = 1;
    private Merge merge;
    private double dropout;
    private Activation activation = Activation.TANH;
    private boolean layerNorm;
    private boolean resetAfter = true;
    private double chronoTMax;

    RecurrentOptions(Cell cell, int units) {
        this.cell = cell;
        this.units = units;
    }

    /** Stacks {@code n} layers of this cell (a deep RNN); each returns the whole sequence to the next. */
    public RecurrentOptions layers(int n) {
        this.layers = n;
        return this;
    }

    /** Reads each sequence in both directions and concatenates the two outputs. */
    public RecurrentOptions bidirectional() {
        return bidirectional(Merge.CONCAT);
    }

    /** Reads each sequence in both directions and merges the outputs with {@code mode}. */
    public RecurrentOptions bidirectional(Merge mode) {
        this.merge = mode;
        return this;
    }

    /** Dropout rate applied to the input of every stacked layer after the first. */
    public RecurrentOptions dropout(double rate) {
        this.dropout = rate;
        return this;
    }

    /** Output activation of the cell (default tanh). */
    public RecurrentOptions activation(Activation fn) {
        this.activation = fn;
        return this;
    }

    /** Layer normalisation of the pre-activations; DL4J supports it for SimpleRnn only. */
    public RecurrentOptions layerNorm() {
        this.layerNorm = true;
        return this;
    }

    /** GRU only: reset gate after ({@code true}, the default, as in cuDNN/PyTorch/Keras) or before the recurrent product. */
    public RecurrentOptions resetAfter(boolean after) {
        this.resetAfter = after;
        return this;
    }

    /**
     * GRU and LSTM: chrono initialisation (Tallec &amp; Ollivier 2018, "Can recurrent neural networks warp time?")
     * for dependencies up to {@code tMax} steps. The gates that keep the state start with biases {@code log(u)},
     * {@code u ~ U(1, tMax - 1)} (LSTM: forget gate, and the input gate its negative; GRU: update gate), drawn with
     * the model's seed, so the units remember over 2 … tMax steps from the start. Use it when the answer depends on
     * inputs hundreds of steps back, where the default biases can let a cell learn to forget before it learns what
     * to keep (rnnkit's benchmark: with the default forget bias of 1, LSTM did not learn the adding problem at
     * T = 400).
     */
    public RecurrentOptions chronoInit(double tMax) {
        this.chronoTMax = tMax;
        return this;
    }

    RecurrentSpec toSpec() {
        return new RecurrentSpec(cell, units, layers, merge, dropout, activation, layerNorm, resetAfter, chronoTMax);
    }
}
