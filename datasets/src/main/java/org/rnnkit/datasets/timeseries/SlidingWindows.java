package org.rnnkit.datasets.timeseries;

import org.rnnkit.datasets.SequenceDataset;
import org.rnnkit.datasets.SequenceExample;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts forecasting examples out of numeric series (time-major {@code [T][F]}): windows of {@code window} steps
 * every {@code stride} steps, never crossing from one series into the next. Many-to-one: the target is the
 * target columns at {@code horizon} steps after the window's last step (labels {@code [mb, targets]});
 * many-to-many: each step's target is the value {@code horizon} steps later (labels {@code [mb, targets, T]}).
 * To avoid leakage, split each series by time <em>before</em> windowing. Immutable.
 */
public final class SlidingWindows {

    private final int window;
    private final int horizon;
    private final int stride;
    private final boolean manyToMany;
    private final int[] featureColumns;
    private final int[] targetColumns;

    private SlidingWindows(int window, int horizon, int stride, boolean manyToMany, int[] featureColumns,
                           int[] targetColumns) {
        if (window < 1 || horizon < 1 || stride < 1) {
            throw new IllegalArgumentException("window, horizon and stride must be >= 1");
        }
        this.window = window;
        this.horizon = horizon;
        this.stride = stride;
        this.manyToMany = manyToMany;
        this.featureColumns = featureColumns;
        this.targetColumns = targetColumns;
    }

    /** Many-to-one windows with stride 1, all columns as features and as targets. */
    public static SlidingWindows of(int window, int horizon) {
        return new SlidingWindows(window, horizon, 1, false, null, null);
    }

    /** Steps between the starts of consecutive windows. */
    public SlidingWindows withStride(int s) {
        return new SlidingWindows(window, horizon, s, manyToMany, featureColumns, targetColumns);
    }

    /** Per-step targets (many-to-many) instead of one target after the window. */
    public SlidingWindows withManyToMany(boolean perStep) {
        return new SlidingWindows(window, horizon, stride, perStep, featureColumns, targetColumns);
    }

    /** 0-based columns used as inputs (default: all). */
    public SlidingWindows withFeatureColumns(int... columns) {
        return new SlidingWindows(window, horizon, stride, manyToMany, columns.clone(), targetColumns);
    }

    /** 0-based columns predicted (default: all). */
    public SlidingWindows withTargetColumns(int... columns) {
        return new SlidingWindows(window, horizon, stride, manyToMany, featureColumns, columns.clone());
    }

    /** Number of windows a series of {@code length} steps yields. */
    public int count(int length) {
        int last = length - window - horizon;
        return last < 0 ? 0 : last / stride + 1;
    }

    /** A one-column series from plain values. */
    public static float[][] column(double... values) {
        float[][] out = new float[values.length][1];
        for (int t = 0; t < values.length; t++) {
            out[t][0] = (float) values[t];
        }
        return out;
    }

    /**
     * All windows of the given series, in order (series by series): {@code windows("load", series)} or
     * {@code windows("load", a, b)}. (Java reads {@code List.of(series)} as a list of one series' rows, so a
     * single series is passed directly.)
     */
    public SequenceDataset windows(String name, float[][]... series) {
        return windows(name, Arrays.asList(series));
    }

    /** All windows of all series, in order (series by series). */
    public SequenceDataset windows(String name, List<? extends float[][]> series) {
        List<SequenceExample> examples = new ArrayList<>();
        for (int s = 0; s < series.size(); s++) {
            float[][] x = series.get(s);
            int width = x.length == 0 ? 0 : x[0].length;
            int[] in = featureColumns != null ? featureColumns : all(width);
            int[] out = targetColumns != null ? targetColumns : all(width);
            check(in, width, s);
            check(out, width, s);
            for (int start = 0; start + window + horizon <= x.length; start += stride) {
                float[][] features = new float[window][];
                for (int t = 0; t < window; t++) {
                    features[t] = pick(x[start + t], in);
                }
                float[][] labels;
                if (manyToMany) {
                    labels = new float[window][];
                    for (int t = 0; t < window; t++) {
                        labels[t] = pick(x[start + t + horizon], out);
                    }
                } else {
                    labels = new float[][]{pick(x[start + window - 1 + horizon], out)};
                }
                examples.add(new SequenceExample(features, labels));
            }
        }
        if (examples.isEmpty()) {
            throw new IllegalArgumentException(name + ": every series is shorter than window + horizon = "
                    + (window + horizon));
        }
        return new SequenceDataset(name, examples, !manyToMany, null);
    }

    private static int[] all(int width) {
        int[] c = new int[width];
        for (int i = 0; i < width; i++) {
            c[i] = i;
        }
        return c;
    }

    private static void check(int[] columns, int width, int series) {
        for (int c : columns) {
            if (c < 0 || c >= width) {
                throw new IllegalArgumentException("series " + series + " has " + width + " columns; column " + c
                        + " does not exist");
            }
        }
    }

    private static float[] pick(float[] row, int[] columns) {
        float[] out = new float[columns.length];
        for (int i = 0; i < columns.length; i++) {
            out[i] = row[columns[i]];
        }
        return out;
    }

    @Override
    public String toString() {
        return "SlidingWindows[window " + window + ", horizon " + horizon + ", stride " + stride + ", "
                + (manyToMany ? "many-to-many" : "many-to-one") + "]";
    }
}
