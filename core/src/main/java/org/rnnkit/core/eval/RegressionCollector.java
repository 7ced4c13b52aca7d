package org.rnnkit.core.eval;

/**
 * Gathers (predicted, actual) value vectors, one per sequence or per real step, into an {@link EvaluationReport}
 * with MSE, MAE and the MSE of predicting each target's mean. Not thread-safe.
 */
public final class RegressionCollector {
    private long examples;
    private long values;
    private double squared;
    private double absolute;
    private double[] sum;
    private double[] sumSquares;
    private long rows;

    /** Adds one prediction and its actual values (same length: the model's outputs). */
    public RegressionCollector add(double[] predicted, double[] actual) {
        if (sum == null) {
            sum = new double[actual.length];
            sumSquares = new double[actual.length];
        }
        if (predicted.length != sum.length || actual.length != sum.length) {
            throw new IllegalArgumentException("expected " + sum.length + " values, got " + predicted.length
                    + " predicted and " + actual.length + " actual");
        }
        for (int d = 0; d < actual.length; d++) {
            double error = predicted[d] - actual[d];
            squared += error * error;
            absolute += Math.abs(error);
            sum[d] += actual[d];
            sumSquares[d] += actual[d] * actual[d];
        }
        values += actual.length;
        rows++;
        return this;
    }

    /** Counts one more sequence; {@link #add} counts one per call unless this is used (per-step targets). */
    public RegressionCollector sequence() {
        examples++;
        return this;
    }

    /** The report of everything added; fails when nothing was. */
    public EvaluationReport report() {
        double baseline = 0;
        if (sum != null) {
            for (int d = 0; d < sum.length; d++) {
                double mean = sum[d] / rows;
                baseline += Math.max(0, sumSquares[d] / rows - mean * mean); // each target's variance
            }
            baseline /= sum.length;
        }
        return EvaluationReport.values(examples > 0 ? examples : rows, values, values == 0 ? Double.NaN
                : squared / values, values == 0 ? Double.NaN : absolute / values, baseline);
    }
}
