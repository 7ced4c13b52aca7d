package org.rnnkit.core.layers;

import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;

import java.util.Objects;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Long short-term memory layer configuration (no peepholes), rnnkit's fast counterpart of DL4J's
 * {@code org.deeplearning4j.nn.conf.layers.LSTM}, with the same parameters, layout and initialisation (a seed gives the same initial weights): {@code W [nIn,
 * 4H]}, {@code RW [H, 4H]}, {@code b [1, 4H]}, gate blocks in DL4J's order (block input, forget, output, input gate),
 * forget-gate bias initialised to {@link #getForgetGateBiasInit()}, or with chrono initialisation
 * ({@link Builder#chronoInit}) to {@code log(u)}, {@code u ~ U(1, tMax - 1)}, and the input-gate bias to its negative.
 * Equations in {@link LstmKernel}. Masked steps output 0 and carry hidden state and memory cell unchanged.
 */
public class LSTM extends RecurrentCell {

    private double forgetGateBiasInit = 1.0;
    /** Longest dependency of chrono initialisation, in steps; 0 (also in configurations saved before it) for off. */
    private double chronoTMax;

    /** For Jackson. */
    public LSTM() {
    }

    protected LSTM(Builder builder) {
        super(builder);
        this.forgetGateBiasInit = builder.forgetGateBiasInit;
        this.chronoTMax = builder.chronoTMax;
    }

    @Override
    public int gateBlocks() {
        return 4;
    }

    @Override
    void initBias(INDArray bias) {
        super.initBias(bias);
        long h = getNOut();
        if (ChronoInit.enabled(chronoTMax)) {
            INDArray forget = ChronoInit.keepBiases(h, chronoTMax, bias.dataType());
            bias.get(all(), interval(h, 2 * h)).assign(forget);
            bias.get(all(), interval(3 * h, 4 * h)).assign(forget.neg());
        } else {
            bias.get(all(), interval(h, 2 * h)).assign(forgetGateBiasInit);
        }
    }

    /** DL4J's LSTM fans for both matrices, so that a seed gives the same initial weights as DL4J's layer. */
    @Override
    long[] weightFans(boolean recurrent) {
        return new long[] {getNOut(), getNIn() + getNOut()};
    }

    @Override
    CellKernel kernel() {
        return new LstmKernel(Math.toIntExact(getNOut()), Fn.require(getActivationFn(), "activation"),
                Fn.require(getGateActivationFn(), "gate activation"));
    }

    public double getForgetGateBiasInit() {
        return forgetGateBiasInit;
    }

    public void setForgetGateBiasInit(double forgetGateBiasInit) {
        this.forgetGateBiasInit = forgetGateBiasInit;
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
        return o instanceof LSTM l && super.equals(o) && forgetGateBiasInit == l.forgetGateBiasInit
                && chronoTMax == l.chronoTMax;
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), forgetGateBiasInit, chronoTMax);
    }

    @Override
    public String toString() {
        return "LSTM(nIn=" + getNIn() + ", nOut=" + getNOut() + ", activation=" + getActivationFn()
                + ", gateActivation=" + getGateActivationFn() + ")";
    }

    /** Builder: {@code new LSTM.Builder().nOut(h).build()}; nIn is inferred by setInputType. */
    public static class Builder extends RecurrentCell.Builder<Builder> {
        private double forgetGateBiasInit = 1.0;
        private double chronoTMax;

        public Builder forgetGateBiasInit(double value) {
            this.forgetGateBiasInit = value;
            return this;
        }

        /**
         * Chrono initialisation (Tallec &amp; Ollivier 2018) for dependencies up to {@code tMax} steps: forget-gate
         * biases {@code log(u)}, {@code u ~ U(1, tMax - 1)}, input-gate biases their negatives, drawn with the
         * network's seed; replaces {@link #forgetGateBiasInit}. For tasks whose answer depends on inputs far back
         * (hundreds of steps), where a forget bias of 1 lets the cell learn to forget first. 0 turns it off.
         */
        public Builder chronoInit(double tMax) {
            ChronoInit.check(tMax);
            this.chronoTMax = tMax;
            return this;
        }

        @Override
        @SuppressWarnings("unchecked") // DL4J's Layer.Builder declares a generic <E extends Layer> E build()
        public LSTM build() {
            return new LSTM(this);
        }
    }
}
