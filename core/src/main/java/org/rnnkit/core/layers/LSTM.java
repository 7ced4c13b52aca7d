package org.rnnkit.core.layers;

import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;

import java.util.Objects;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Long short-term memory layer configuration (no peepholes), rnnkit's fast counterpart of DL4J's
 * {@code org.deeplearning4j.nn.conf.layers.LSTM}, with the same parameters, layout and initialisation: {@code W [nIn,
 * 4H]}, {@code RW [H, 4H]}, {@code b [1, 4H]}, gate blocks in DL4J's order (block input, forget, output, input gate),
 * forget-gate bias initialised to {@link #getForgetGateBiasInit()}. Equations in {@link LstmKernel}. Masked steps
 * output 0 and carry hidden state and memory cell unchanged.
 */
public class LSTM extends RecurrentCell {

    private double forgetGateBiasInit = 1.0;

    /** For Jackson. */
    public LSTM() {
    }

    protected LSTM(Builder builder) {
        super(builder);
        this.forgetGateBiasInit = builder.forgetGateBiasInit;
    }

    @Override
    public int gateBlocks() {
        return 4;
    }

    @Override
    void initBias(INDArray bias) {
        super.initBias(bias);
        long h = getNOut();
        bias.get(all(), interval(h, 2 * h)).assign(forgetGateBiasInit);
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

    @Override
    public boolean equals(Object o) {
        return o instanceof LSTM l && super.equals(o) && forgetGateBiasInit == l.forgetGateBiasInit;
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), forgetGateBiasInit);
    }

    @Override
    public String toString() {
        return "LSTM(nIn=" + getNIn() + ", nOut=" + getNOut() + ", activation=" + getActivationFn()
                + ", gateActivation=" + getGateActivationFn() + ")";
    }

    /** Builder: {@code new LSTM.Builder().nOut(h).build()}; nIn is inferred by setInputType. */
    public static class Builder extends RecurrentCell.Builder<Builder> {
        private double forgetGateBiasInit = 1.0;

        public Builder forgetGateBiasInit(double value) {
            this.forgetGateBiasInit = value;
            return this;
        }

        @Override
        @SuppressWarnings("unchecked") // DL4J's Layer.Builder declares a generic <E extends Layer> E build()
        public LSTM build() {
            return new LSTM(this);
        }
    }
}
