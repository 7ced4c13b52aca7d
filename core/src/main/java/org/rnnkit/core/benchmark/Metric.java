package org.rnnkit.core.benchmark;

/**
 * How a task is scored: the name of its main figure, which direction is better, the figure of the trivial
 * predictor (the baseline a model must beat) and the threshold that counts as solved ({@code NaN}: none).
 *
 * @param name           e.g. {@code mse}, {@code accuracy}, {@code bits/char}
 * @param lowerIsBetter  true for losses, false for accuracies
 * @param baseline       the trivial predictor's figure on this task (predicting the mean, a memoryless guess, chance)
 * @param solvedAt       the figure that counts as solved, or {@code NaN} when the task has no such threshold
 */
public record Metric(String name, boolean lowerIsBetter, double baseline, double solvedAt) {

    public Metric {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a metric needs a name");
        }
    }

    /** Whether {@code value} reaches the solved threshold (never, when there is none or the value is not finite). */
    public boolean solved(double value) {
        if (Double.isNaN(solvedAt) || !Double.isFinite(value)) {
            return false;
        }
        return lowerIsBetter ? value < solvedAt : value >= solvedAt;
    }

    /** Whether {@code a} is better than {@code b} on this metric. */
    public boolean better(double a, double b) {
        return lowerIsBetter ? a < b : a > b;
    }
}
