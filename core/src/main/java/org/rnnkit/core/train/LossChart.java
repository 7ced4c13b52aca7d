package org.rnnkit.core.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.rnnkit.core.io.AtomicFiles;

/**
 * The loss curve of a training run as a PNG: training loss per epoch and, when there was validation data, the
 * validation loss with the best epoch marked. Renders off-screen with XChart, so it works headless
 * ({@code java.awt.headless=true}, servers, CI).
 */
public final class LossChart {
    /** Width of the image in pixels. */
    public static final int WIDTH = 800;
    /** Height of the image in pixels. */
    public static final int HEIGHT = 500;

    private LossChart() {
    }

    /** Writes the chart of {@code result} to {@code png}, atomically. */
    public static void write(TrainingResult result, Path png) throws IOException {
        if (result.history().isEmpty()) {
            throw new IllegalArgumentException("no epochs to chart: the training result has an empty history");
        }
        byte[] bytes = BitmapEncoder.getBitmapBytes(chart(result), BitmapEncoder.BitmapFormat.PNG);
        AtomicFiles.write(png, out -> out.write(bytes));
    }

    static XYChart chart(TrainingResult result) {
        List<EpochStats> history = result.history();
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title("Loss per epoch")
                .xAxisTitle("epoch").yAxisTitle("loss").build();
        double[] epochs = history.stream().mapToDouble(EpochStats::epoch).toArray();
        chart.addSeries("training", epochs, history.stream().mapToDouble(EpochStats::trainLoss).toArray());
        if (history.stream().anyMatch(e -> Double.isFinite(e.validationLoss()))) {
            chart.addSeries("validation", epochs, history.stream().mapToDouble(EpochStats::validationLoss).toArray());
            if (result.bestEpoch() > 0) {
                chart.addSeries("best epoch " + result.bestEpoch(), new double[] {result.bestEpoch()},
                        new double[] {result.bestLoss()}).setMarker(SeriesMarkers.DIAMOND)
                        .setLineStyle(org.knowm.xchart.style.lines.SeriesLines.NONE);
            }
        }
        chart.getStyler().setXAxisDecimalPattern("0");
        return chart;
    }
}
