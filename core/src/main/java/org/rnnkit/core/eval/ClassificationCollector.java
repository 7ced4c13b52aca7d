package org.rnnkit.core.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * Gathers (actual class, predicted probabilities) pairs, one per sequence or per real step, into an
 * {@link EvaluationReport}. The predicted class is the most probable one. Not thread-safe.
 */
public final class ClassificationCollector {
    private final List<String> labels;
    private final boolean perStep;
    private final long[][] confusion;
    private final List<double[]> probabilities = new ArrayList<>();
    private final List<Integer> actuals = new ArrayList<>();
    private long examples;

    /**
     * @param labels  class names in output order, at least two
     * @param perStep whether each pair is one step of a sequence (tagging) rather than a whole sequence
     */
    public ClassificationCollector(List<String> labels, boolean perStep) {
        if (labels.size() < 2) {
            throw new IllegalArgumentException("classification needs at least two classes, got " + labels);
        }
        this.labels = List.copyOf(labels);
        this.perStep = perStep;
        this.confusion = new long[labels.size()][labels.size()];
    }

    /** Adds one sequence or step: its actual class index and the predicted probability of every class. */
    public ClassificationCollector add(int actual, double[] predicted) {
        int k = labels.size();
        if (actual < 0 || actual >= k) {
            throw new IllegalArgumentException("actual class " + actual + " outside 0.." + (k - 1) + " " + labels);
        }
        if (predicted.length != k) {
            throw new IllegalArgumentException("expected " + k + " probabilities " + labels + ", got "
                    + predicted.length);
        }
        confusion[actual][mostProbable(predicted)]++;
        probabilities.add(predicted.clone());
        actuals.add(actual);
        return this;
    }

    /** The index of the largest probability (the first among equals): the predicted class. */
    public static int mostProbable(double[] probabilities) {
        int best = 0;
        for (int c = 1; c < probabilities.length; c++) {
            best = probabilities[c] > probabilities[best] ? c : best;
        }
        return best;
    }

    /** Counts one more sequence (tagging: call once per sequence, its steps through {@link #add}). */
    public ClassificationCollector sequence() {
        examples++;
        return this;
    }

    /** The report of everything added; fails when nothing was. */
    public EvaluationReport report() {
        long sequences = perStep ? examples : actuals.size();
        long[][] copy = new long[confusion.length][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = confusion[i].clone();
        }
        return EvaluationReport.classes(perStep, sequences, labels, copy, auc());
    }

    private double auc() {
        int n = actuals.size();
        int k = labels.size();
        int[] actual = actuals.stream().mapToInt(Integer::intValue).toArray();
        double[] scores = new double[n];
        if (k == 2) {
            for (int i = 0; i < n; i++) {
                scores[i] = probabilities.get(i)[1];
            }
            return Auc.of(scores, actual, 1);
        }
        double sum = 0;
        int classes = 0;
        for (int c = 0; c < k; c++) {
            for (int i = 0; i < n; i++) {
                scores[i] = probabilities.get(i)[c];
            }
            double a = Auc.of(scores, actual, c);
            if (!Double.isNaN(a)) {
                sum += a;
                classes++;
            }
        }
        return classes == 0 ? Double.NaN : sum / classes;
    }
}
