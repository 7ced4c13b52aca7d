package org.rnnkit.core.layers;

import java.util.Objects;

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
 */
public class GRU extends RecurrentCell {

    private boolean resetAfter = true;

    /** For Jackson. */
    public GRU() {
    }

    protected GRU(Builder builder) {
        super(builder);
        this.resetAfter = builder.resetAfter;
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

    @Override
    public boolean equals(Object o) {
        return o instanceof GRU g && super.equals(o) && resetAfter == g.resetAfter;
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), resetAfter);
    }

    @Override
    public String toString() {
        return "GRU(nIn=" + getNIn() + ", nOut=" + getNOut() + ", resetAfter=" + resetAfter + ", activation="
                + getActivationFn() + ", gateActivation=" + getGateActivationFn() + ")";
    }

    /** Builder: {@code new GRU.Builder().nOut(h).resetAfter(true).build()}; nIn is inferred by setInputType. */
    public static class Builder extends RecurrentCell.Builder<Builder> {
        private boolean resetAfter = true;

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
