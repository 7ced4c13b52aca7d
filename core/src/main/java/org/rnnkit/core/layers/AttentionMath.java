package org.rnnkit.core.layers;

/**
 * The per-example part of attention on plain row-major arrays: scores of every (decoder step, source step) pair,
 * the masked softmax, the context, and their backward passes. The products with weight matrices, which dominate
 * the cost, stay in BLAS ({@link AttentionGraphVertex}); these loops cost {@code batch x targetTime x sourceTime x
 * size}. Arrays: queries {@code [batch * tt, q]}, keys {@code [batch * ts, q]}, states {@code [batch * ts, e]},
 * weights {@code [batch * tt, ts]}, mask {@code [batch * ts]} (1 real, 0 padding; null: all real).
 */
final class AttentionMath {

    private AttentionMath() {
    }

    /** Sizes of one call. */
    record Dims(int batch, int tt, int ts) {
    }

    /** {@code score[b,t,s] = query[b,t] . key[b,s]}. */
    static double[] dotScores(Dims d, double[] queries, double[] keys, int q) {
        double[] scores = new double[d.batch * d.tt * d.ts];
        for (int b = 0; b < d.batch; b++) {
            for (int t = 0; t < d.tt; t++) {
                int qRow = (b * d.tt + t) * q;
                for (int s = 0; s < d.ts; s++) {
                    int kRow = (b * d.ts + s) * q;
                    double sum = 0;
                    for (int i = 0; i < q; i++) {
                        sum += queries[qRow + i] * keys[kRow + i];
                    }
                    scores[(b * d.tt + t) * d.ts + s] = sum;
                }
            }
        }
        return scores;
    }

    /** {@code score[b,t,s] = v . tanh(qa[b,t] + ka[b,s] + bias)}; {@code hidden} gets the tanh values if not null. */
    static double[] additiveScores(Dims d, double[] qa, double[] ka, double[] bias, double[] v, int u,
                                   double[] hidden) {
        double[] scores = new double[d.batch * d.tt * d.ts];
        for (int b = 0; b < d.batch; b++) {
            for (int t = 0; t < d.tt; t++) {
                int qRow = (b * d.tt + t) * u;
                for (int s = 0; s < d.ts; s++) {
                    int kRow = (b * d.ts + s) * u;
                    int pair = (b * d.tt + t) * d.ts + s;
                    double sum = 0;
                    for (int i = 0; i < u; i++) {
                        double e = Math.tanh(qa[qRow + i] + ka[kRow + i] + bias[i]);
                        if (hidden != null) {
                            hidden[pair * u + i] = e;
                        }
                        sum += v[i] * e;
                    }
                    scores[pair] = sum;
                }
            }
        }
        return scores;
    }

    /**
     * Softmax of each row of scores over the real source steps: padding gets exactly 0, the real steps sum to 1; a
     * source without real steps gets all zeros (its context is then 0).
     */
    static double[] maskedSoftmax(Dims d, double[] scores, double[] mask) {
        double[] weights = new double[scores.length];
        for (int b = 0; b < d.batch; b++) {
            for (int t = 0; t < d.tt; t++) {
                int row = (b * d.tt + t) * d.ts;
                double max = Double.NEGATIVE_INFINITY;
                for (int s = 0; s < d.ts; s++) {
                    if (real(mask, b * d.ts + s)) {
                        max = Math.max(max, scores[row + s]);
                    }
                }
                if (max == Double.NEGATIVE_INFINITY) {
                    continue;
                }
                double sum = 0;
                for (int s = 0; s < d.ts; s++) {
                    if (real(mask, b * d.ts + s)) {
                        weights[row + s] = Math.exp(scores[row + s] - max);
                        sum += weights[row + s];
                    }
                }
                for (int s = 0; s < d.ts; s++) {
                    weights[row + s] /= sum;
                }
            }
        }
        return weights;
    }

    private static boolean real(double[] mask, int index) {
        return mask == null || mask[index] != 0;
    }

    /** {@code context[b,t] = sum_s weight[b,t,s] state[b,s]}, {@code [batch * tt, e]}. */
    static double[] context(Dims d, double[] weights, double[] states, int e) {
        double[] context = new double[d.batch * d.tt * e];
        for (int b = 0; b < d.batch; b++) {
            for (int t = 0; t < d.tt; t++) {
                int cRow = (b * d.tt + t) * e;
                for (int s = 0; s < d.ts; s++) {
                    double w = weights[(b * d.tt + t) * d.ts + s];
                    if (w == 0) {
                        continue;
                    }
                    int sRow = (b * d.ts + s) * e;
                    for (int i = 0; i < e; i++) {
                        context[cRow + i] += w * states[sRow + i];
                    }
                }
            }
        }
        return context;
    }

    /**
     * Backward through the context and the softmax: adds {@code sum_t weight[b,t,s] dContext[b,t]} to
     * {@code dStates} and returns the gradient of the scores.
     */
    static double[] contextBackward(Dims d, double[] weights, double[] states, double[] dContext, int e,
                                    double[] dStates) {
        double[] dScores = new double[weights.length];
        for (int b = 0; b < d.batch; b++) {
            for (int t = 0; t < d.tt; t++) {
                int row = (b * d.tt + t) * d.ts;
                int cRow = (b * d.tt + t) * e;
                double weighted = 0;
                for (int s = 0; s < d.ts; s++) {
                    double w = weights[row + s];
                    if (w == 0) {
                        continue;
                    }
                    int sRow = (b * d.ts + s) * e;
                    double dw = 0;
                    for (int i = 0; i < e; i++) {
                        dw += dContext[cRow + i] * states[sRow + i];
                        dStates[sRow + i] += w * dContext[cRow + i];
                    }
                    dScores[row + s] = dw;
                    weighted += w * dw;
                }
                // softmax: dScore = w (dw - sum_s w dw); padding has w = 0 and gets no gradient
                for (int s = 0; s < d.ts; s++) {
                    dScores[row + s] = weights[row + s] * (dScores[row + s] - weighted);
                }
            }
        }
        return dScores;
    }

    /** Backward of {@link #dotScores}: adds to {@code dQueries} and {@code dKeys}. */
    static void dotScoresBackward(Dims d, double[] dScores, double[] queries, double[] keys, int q,
                                  double[] dQueries, double[] dKeys) {
        for (int b = 0; b < d.batch; b++) {
            for (int t = 0; t < d.tt; t++) {
                int qRow = (b * d.tt + t) * q;
                for (int s = 0; s < d.ts; s++) {
                    double g = dScores[(b * d.tt + t) * d.ts + s];
                    if (g == 0) {
                        continue;
                    }
                    int kRow = (b * d.ts + s) * q;
                    for (int i = 0; i < q; i++) {
                        dQueries[qRow + i] += g * keys[kRow + i];
                        dKeys[kRow + i] += g * queries[qRow + i];
                    }
                }
            }
        }
    }

    /**
     * Backward of {@link #additiveScores} given its tanh values: adds to {@code dQa}, {@code dKa}, {@code dBias}
     * and {@code dV}.
     */
    static void additiveScoresBackward(Dims d, double[] dScores, double[] hidden, double[] v, int u, double[] dQa,
                                       double[] dKa, double[] dBias, double[] dV) {
        for (int b = 0; b < d.batch; b++) {
            for (int t = 0; t < d.tt; t++) {
                int qRow = (b * d.tt + t) * u;
                for (int s = 0; s < d.ts; s++) {
                    int pair = (b * d.tt + t) * d.ts + s;
                    double g = dScores[pair];
                    if (g == 0) {
                        continue;
                    }
                    int kRow = (b * d.ts + s) * u;
                    for (int i = 0; i < u; i++) {
                        double e = hidden[pair * u + i];
                        dV[i] += g * e;
                        double de = g * v[i] * (1 - e * e);
                        dQa[qRow + i] += de;
                        dKa[kRow + i] += de;
                        dBias[i] += de;
                    }
                }
            }
        }
    }
}
