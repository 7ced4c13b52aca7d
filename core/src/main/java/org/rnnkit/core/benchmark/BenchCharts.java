package org.rnnkit.core.benchmark;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.rnnkit.core.io.AtomicFiles;

/**
 * The report's charts as PNGs (XChart, rendered off-screen): score against sequence length per cell for each task,
 * gradient norm against distance from the output (at initialisation and after training), and the clipping
 * experiment's loss curves. Each file is written atomically; the names are returned for the report to link.
 */
public final class BenchCharts {
    private static final int WIDTH = 800;
    private static final int HEIGHT = 500;
    /** Floor for log-scale axes: a norm or loss of exactly 0 (fully vanished) is drawn at this value. */
    static final double LOG_FLOOR = 1e-30;
    private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
        new Color(0xd62728), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f)};

    private BenchCharts() {
    }

    /** Score against length, one chart per task: {@code score-TASK.png}. */
    public static List<String> scores(List<CellStats> rows, Path dir) throws IOException {
        Map<String, List<CellStats>> byTask = new LinkedHashMap<>();
        rows.forEach(r -> byTask.computeIfAbsent(r.task(), k -> new ArrayList<>()).add(r));
        List<String> files = new ArrayList<>();
        for (Map.Entry<String, List<CellStats>> e : byTask.entrySet()) {
            List<CellStats> task = e.getValue();
            CellStats first = task.get(0);
            XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                    .title(e.getKey() + ": held-out " + first.metric() + " against sequence length")
                    .xAxisTitle("sequence length T").yAxisTitle(first.metric()).build();
            Set<String> cells = new LinkedHashSet<>();
            task.forEach(r -> cells.add(r.cell()));
            for (String cell : cells) {
                List<CellStats> line = task.stream().filter(r -> r.cell().equals(cell) && r.score().n() > 0).toList();
                if (!line.isEmpty()) {
                    chart.addSeries(cell, line.stream().mapToDouble(CellStats::length).toArray(),
                            line.stream().mapToDouble(r -> r.score().mean()).toArray());
                }
            }
            // The trivial predictor's figure may depend on the length (copy memory's 10 ln 8 / (T + 20)).
            double[] lengths = task.stream().mapToDouble(CellStats::length).distinct().sorted().toArray();
            double[] baseline = new double[lengths.length];
            for (int i = 0; i < lengths.length; i++) {
                int t = (int) lengths[i];
                baseline[i] = task.stream().filter(r -> r.length() == t).findFirst().orElseThrow().baseline();
            }
            XYSeries trivial = chart.addSeries("trivial predictor", lengths, baseline);
            trivial.setMarker(SeriesMarkers.NONE);
            trivial.setLineStyle(SeriesLines.DASH_DASH);
            chart.getStyler().setXAxisDecimalPattern("0");
            String name = "score-" + e.getKey() + ".png";
            write(chart, dir.resolve(name));
            files.add(name);
        }
        return files;
    }

    /** Gradient norm against distance, one chart per (task, length) with probes: {@code gradients-TASK-T.png}. */
    public static List<String> gradients(BenchResults results, Path dir) throws IOException {
        Map<String, List<RunResult>> groups = new LinkedHashMap<>();
        for (RunResult r : results.runs()) {
            if (r.gradientsAtInit() != null) {
                groups.computeIfAbsent(r.key().task() + "-T" + r.key().length(), k -> new ArrayList<>()).add(r);
            }
        }
        List<String> files = new ArrayList<>();
        for (Map.Entry<String, List<RunResult>> e : groups.entrySet()) {
            XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                    .title(e.getKey() + ": ‖∂loss/∂x_t‖ against distance from the output")
                    .xAxisTitle("distance from the output (steps)").yAxisTitle("gradient norm (log)").build();
            chart.getStyler().setYAxisLogarithmic(true);
            int i = 0;
            for (RunResult r : e.getValue()) {
                // One colour per cell: dashed at initialisation, solid after training.
                Color color = PALETTE[i++ % PALETTE.length];
                XYSeries init = curve(chart, r.key().cell() + " at init", r.gradientsAtInit().byDistance());
                init.setLineStyle(SeriesLines.DASH_DASH);
                init.setLineColor(color);
                if (r.gradientsTrained() != null) {
                    curve(chart, r.key().cell() + " trained (" + r.gradientsTrained().iterations() + " it)",
                            r.gradientsTrained().byDistance()).setLineColor(color);
                }
            }
            String name = "gradients-" + e.getKey() + ".png";
            write(chart, dir.resolve(name));
            files.add(name);
        }
        return files;
    }

    /** The clipping experiment's loss curves: {@code clipping.png}, or nothing when it did not run. */
    public static List<String> clipping(BenchResults results, Path dir) throws IOException {
        if (results.clipping().isEmpty()) {
            return List.of();
        }
        ClippingResult c = results.clipping().get(0);
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title(c.task() + " T=" + c.length() + ", " + c.cell() + ", " + c.optimizer() + ": training loss")
                .xAxisTitle("iteration").yAxisTitle("training loss (log)").build();
        chart.getStyler().setYAxisLogarithmic(true);
        for (LossCurve curve : c.curves()) {
            String label = curve.label() + (curve.divergedAt() > 0 ? " (diverged at " + curve.divergedAt() + ")" : "");
            double[] losses = curve.losses();
            double[] x = new double[losses.length];
            for (int i = 0; i < x.length; i++) {
                x[i] = i + 1;
            }
            if (losses.length > 0) {
                chart.addSeries(label, x, floor(losses)).setMarker(SeriesMarkers.NONE);
            }
        }
        write(chart, dir.resolve("clipping.png"));
        return List.of("clipping.png");
    }

    private static XYSeries curve(XYChart chart, String name, double[] byDistance) {
        double[] x = new double[byDistance.length];
        for (int d = 0; d < x.length; d++) {
            x[d] = d;
        }
        XYSeries s = chart.addSeries(name, x, floor(byDistance));
        s.setMarker(SeriesMarkers.NONE);
        return s;
    }

    private static double[] floor(double[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Double.isFinite(values[i]) ? Math.max(values[i], LOG_FLOOR) : LOG_FLOOR;
        }
        return out;
    }

    private static void write(XYChart chart, Path png) throws IOException {
        byte[] bytes = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        AtomicFiles.write(png, out -> out.write(bytes));
    }
}
