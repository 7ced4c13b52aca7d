package org.rnnkit.datasets.tasks;

import org.rnnkit.datasets.SequenceDataset;
import org.rnnkit.datasets.SequenceExample;
import org.rnnkit.datasets.csv.ControlChartFile;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Synthetic control-chart series after Alcock and Manolopoulos (1999), at any length n: with m = 30, s = 2 and
 * r ~ U(-3, 3) per step, normal {@code y = m + r s}; cyclic adds {@code a sin(2 pi t / T)} with a ~ U(10, 15),
 * T ~ U(10, 15); increasing/decreasing trend adds {@code +/- g t} with g ~ U(0.2, 0.5); upward/downward shift
 * adds {@code +/- x} with x ~ U(7.5, 20) from a step t3 ~ U(n/3, 2n/3) on. Classes as in
 * {@link ControlChartFile#CLASSES}; many-to-one, features {@code [n][1]}. Deterministic for a seed.
 */
public final class ControlChartGenerator {

    private ControlChartGenerator() {
    }

    /** {@code perClass} series of each of the 6 classes (in class blocks), each {@code length} steps. */
    public static SequenceDataset generate(int perClass, int length, long seed) {
        if (perClass < 1 || length < 3) {
            throw new IllegalArgumentException("need perClass >= 1 and length >= 3");
        }
        Random random = new Random(seed);
        List<SequenceExample> out = new ArrayList<>(6 * perClass);
        for (int c = 0; c < 6; c++) {
            for (int i = 0; i < perClass; i++) {
                out.add(new SequenceExample(series(c, length, random), SequenceExample.oneHot(c, 6)));
            }
        }
        return new SequenceDataset("control charts n=" + length, out, true, ControlChartFile.CLASSES);
    }

    private static float[][] series(int cls, int n, Random random) {
        double a = uniform(random, 10, 15);
        double period = uniform(random, 10, 15);
        double g = uniform(random, 0.2, 0.5);
        double x = uniform(random, 7.5, 20);
        int t3 = (int) Math.round(uniform(random, n / 3.0, 2 * n / 3.0));
        float[][] y = new float[n][1];
        for (int t = 0; t < n; t++) {
            double v = 30 + uniform(random, -3, 3) * 2;
            switch (cls) {
                case 1 -> v += a * Math.sin(2 * Math.PI * t / period);
                case 2 -> v += g * t;
                case 3 -> v -= g * t;
                case 4 -> v += t >= t3 ? x : 0;
                case 5 -> v -= t >= t3 ? x : 0;
                default -> {
                    // normal: noise around the mean only
                }
            }
            y[t][0] = (float) v;
        }
        return y;
    }

    private static double uniform(Random random, double low, double high) {
        return low + (high - low) * random.nextDouble();
    }
}
