package org.rnnkit.core.eval;

import java.util.Arrays;
import java.util.Comparator;

/** Exact area under the ROC curve from ranks (Mann-Whitney U), ties counting one half. */
final class Auc {

    private Auc() {
    }

    /** AUC of {@code scores} for class {@code positive} against all others; NaN without both kinds of example. */
    static double of(double[] scores, int[] actual, int positive) {
        int n = scores.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
        double positiveRankSum = 0;
        long positives = 0;
        for (int start = 0; start < n; ) {
            int end = start;
            while (end + 1 < n && scores[order[end + 1]] == scores[order[start]]) {
                end++;
            }
            double rank = (start + end) / 2.0 + 1; // tied scores share their mean rank
            for (int j = start; j <= end; j++) {
                if (actual[order[j]] == positive) {
                    positiveRankSum += rank;
                    positives++;
                }
            }
            start = end + 1;
        }
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (positiveRankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }
}
