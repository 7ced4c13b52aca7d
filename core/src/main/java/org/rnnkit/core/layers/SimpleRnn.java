package org.rnnkit.core.layers;

/**
 * Elman recurrent layer configuration, {@code h' = act(x W + h RW + b)}: rnnkit's fast counterpart of DL4J's
 * {@code SimpleRnn} (without layer normalisation), with the same parameters and layout: {@code W [nIn, H]},
 * {@code RW [H, H]}, {@code b [1, H]}. Masked steps output 0 and carry the state unchanged.
 */
public class SimpleRnn extends RecurrentCell {

    /** For Jackson. */
    public SimpleRnn() {
    }

    protected SimpleRnn(Builder builder) {
        super(builder);
    }

    @Override
    public int gateBlocks() {
        return 1;
    }

    @Override
    CellKernel kernel() {
        return new SimpleRnnKernel(Math.toIntExact(getNOut()), Fn.require(getActivationFn(), "activation"));
    }

    @Override
    public String toString() {
        return "SimpleRnn(nIn=" + getNIn() + ", nOut=" + getNOut() + ", activation=" + getActivationFn() + ")";
    }

    /** Builder: {@code new SimpleRnn.Builder().nOut(h).build()}; nIn is inferred by setInputType. */
    public static class Builder extends RecurrentCell.Builder<Builder> {
        @Override
        @SuppressWarnings("unchecked") // DL4J's Layer.Builder declares a generic <E extends Layer> E build()
        public SimpleRnn build() {
            return new SimpleRnn(this);
        }
    }
}
