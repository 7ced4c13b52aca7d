package org.rnnkit.core.train;

/**
 * What early stopping follows on the validation data, and so which epoch's weights are kept. The validation loss
 * (cross-entropy) can turn up while accuracy still improves: a classifier grows confident on the texts it gets
 * wrong before it stops getting more of them right, so for classifiers accuracy is often the better guide.
 */
public enum StopMetric {
    /** Mean validation loss, lower is better; works for every model. */
    LOSS,
    /** Share of validation examples (or unmasked steps) whose most probable class is right; higher is better. */
    ACCURACY;

    /** The value that any measured value beats. */
    double worst() {
        return this == LOSS ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    }

    /** Whether {@code value} is better than {@code best} by more than {@code minDelta}. */
    boolean improves(double value, double best, double minDelta) {
        return this == LOSS ? value < best - minDelta : value > best + minDelta;
    }
}
