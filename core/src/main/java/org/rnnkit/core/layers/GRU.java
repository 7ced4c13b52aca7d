package org.rnnkit.core.layers;

import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;

import java.util.Objects;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Gated recurrent unit layer configuration (DL4J style; runs as a {@link CellLayer} over {@link GruKernel}).
 *
 * <p>With {@code x_t} the input, {@code h} the previous state, {@code g} the gate activation (default sigmoid) and
 * {@code f} the activation (default tanh):
 * <pre>
 *   r  = g(W_ir x_t + b_ir + W_hr h + b_hr)
 *   z  = g(W_iz x_t + b_iz + W_hz h + b_hz)
 *   resetAfter = true  (cuDNN, PyTorch nn.GRU, Keras default):
 *       n = f(W_in x_t + b_in + r * (W_hn h + b_hn))
 *   resetAfter = false (Cho et al. 2014, Keras reset_after=False; single bias):
 *       n = f(W_in x_t + b_in + W_hn (r * h))
 *   h' = (1 - z) * n + z * h
 * </pre>
 *
 * <p>Parameters (gate order <b>r, z, n</b> in every block, the order of PyTorch):
 * <ul>
 *   <li>{@code W}: input weights {@code [nIn, 3H]}, columns {@code [r | z | n]};</li>
 *   <li>{@code RW}: recurrent weights {@code [H, 3H]}, columns {@code [r | z | n]};</li>
 *   <li>{@code b}: {@code [1, 6H] = [b_ir b_iz b_in | b_hr b_hz b_hn]} when resetAfter, else
 *       {@code [1, 3H] = [b_r b_z b_n]}.</li>
 * </ul>
 * Masked time steps output 0 and carry the state through unchanged, so the final state of a right-padded sequence
 * is its state at its last real step.
 *
 * <p>Biases start at the bias init (0), or with chrono initialisation ({@link Builder#chronoInit}) the update gate,
 * which keeps {@code h} with weight {@code z}, starts at {@code b_z = log(u)}, {@code u ~ U(1, tMax - 1)} (with two
 * biases {@code b_iz} takes it and {@code b_hz} is 0).
 */
public class GRU extends RecurrentCell {

    private boolean resetAfter = true;
    /** Longest dependency of chrono initialisation, in steps; 0 (also in configurations saved before it) for off. */
    private double chronoTMax;

    /** For Jackson. */
    public GRU() {
    }

    protected GRU(Builder builder) {
        super(builder);
        this.resetAfter = builder.resetAfter;
        this.chronoTMax = builder.chronoTMax;
    }

    @Override
    public int gateBlocks() {
        return 3;
    }

    @Override
    public long biasLength() {
        return (resetAfter ? 6 : 3) * getNOut();
    }

    @Override
    void initBias(INDArray bias) {
        super.initBias(bias);
        if (ChronoInit.enabled(chronoTMax)) {
            long h = getNOut();
            // z keeps h (h' = (1 - z) n + z h), so its bias is the keep bias; b_hz adds to b_iz, so it starts at 0.
            bias.get(all(), interval(h, 2 * h)).assign(ChronoInit.keepBiases(h, chronoTMax, bias.dataType()));
            if (resetAfter) {
                bias.get(all(), interval(4 * h, 5 * h)).assign(0);
            }
        }
    }

    @Override
    CellKernel kernel() {
        return new GruKernel(Math.toIntExact(getNOut()), Fn.require(getActivationFn(), "activation"),
                Fn.require(getGateActivationFn(), "gate activation"), resetAfter);
    }

    /** Whether the reset gate is applied after the recurrent product (PyTorch/cuDNN form). */
    public boolean isResetAfter() {
        return resetAfter;
    }

    public void setResetAfter(boolean resetAfter) {
        this.resetAfter = resetAfter;
    }

    /** Longest dependency chrono initialisation was set for, in steps; 0 when it is off. */
    public double getChronoTMax() {
        return chronoTMax;
    }

    public void setChronoTMax(double chronoTMax) {
        ChronoInit.check(chronoTMax);
        this.chronoTMax = chronoTMax;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GRU g && super.equals(o) && resetAfter == g.resetAfter && chronoTMax == g.chronoTMax;
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), resetAfter, chronoTMax);
    }

    @Override
    public String toString() {
        return "GRU(nIn=" + getNIn() + ", nOut=" + getNOut() + ", resetAfter=" + resetAfter + ", activation="
                + getActivationFn() + ", gateActivation=" + getGateActivationFn() + ")";
    }

    /** Builder: {@code new GRU.Builder().nOut(h).resetAfter(true).build()}; nIn is inferred by setInputType. */
    public static class Builder extends RecurrentCell.Builder<Builder> {
        private boolean resetAfter = true;
        private double chronoTMax;

        /**
         * Chrono initialisation (Tallec &amp; Ollivier 2018) for dependencies up to {@code tMax} steps: update-gate
         * biases {@code log(u)}, {@code u ~ U(1, tMax - 1)}, drawn with the network's seed, so that the units keep
         * their state over 2 … tMax steps at the start. For tasks whose answer depends on inputs far back. 0 turns
         * it off.
         */
        public Builder chronoInit(double tMax) {
            ChronoInit.check(tMax);
            this.chronoTMax = tMax;
            return this;
        }

        /** true: PyTorch/cuDNN/Keras-default form with two biases; false: Cho et al. form with one bias. */
        public Builder resetAfter(boolean resetAfter) {
            this.resetAfter = resetAfter;
            return this;
        }

        @Override
        @SuppressWarnings("unchecked") // DL4J's Layer.Builder declares a generic <E extends Layer> E build()
        public GRU build() {
            return new GRU(this);
        }
    }
}
