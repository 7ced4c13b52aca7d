package org.rnnkit.core.music;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.rnnkit.datasets.music.Melody;
import org.rnnkit.datasets.music.MelodyStats;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;

/**
 * A melody as a piano-roll picture: time in quarter notes across, pitch up (labelled C4, E4, ...), one bar per note,
 * the primer's notes grey and the generated ones blue. Rendered off-screen with XChart (as the loss curves), so it
 * works headless.
 */
public final class PianoRoll {
    /** Width of the image in pixels. */
    public static final int WIDTH = 1200;
    /** Height of the image in pixels. */
    public static final int HEIGHT = 450;

    private static final Color PRIMER = new Color(150, 150, 150);
    private static final Color GENERATED = new Color(40, 90, 200);
    private static final BasicStroke BAR = new BasicStroke(7f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER);

    private PianoRoll() {
    }

    /** The PNG of {@code melody}, whose first {@code primerEvents} events were given rather than generated. */
    public static byte[] png(Melody melody, int primerEvents, String title) throws IOException {
        return BitmapEncoder.getBitmapBytes(chart(melody, primerEvents, title), BitmapEncoder.BitmapFormat.PNG);
    }

    static XYChart chart(Melody melody, int primerEvents, String title) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("quarter notes").yAxisTitle("pitch").build();
        double perQuarter = melody.stepsPerQuarter();
        int low = 127;
        int high = 0;
        long step = 0;
        int index = 0;
        for (Melody.Event e : melody.events()) {
            if (!e.isRest()) {
                double start = step / perQuarter;
                // A small gap at each end keeps repeated notes apart.
                double end = (step + e.steps()) / perQuarter - Math.min(0.08, e.steps() / perQuarter / 4);
                XYSeries bar = chart.addSeries("note " + index, new double[] {start, end},
                        new double[] {e.pitch(), e.pitch()});
                bar.setMarker(SeriesMarkers.NONE);
                bar.setLineColor(index < primerEvents ? PRIMER : GENERATED);
                bar.setLineStyle(BAR); // XChart would cycle dashed styles through the series
                low = Math.min(low, e.pitch());
                high = Math.max(high, e.pitch());
            }
            step += e.steps();
            index++;
        }
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setYAxisMin(low - 1.0);
        chart.getStyler().setYAxisMax(high + 1.0);
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setYAxisTickMarkSpacingHint(25);
        chart.getStyler().setYAxisTickLabelsFormattingFunction(
                v -> Math.abs(v - Math.rint(v)) < 1e-6 && v >= 0 && v <= 127 ? MelodyStats.noteName((int) Math.rint(v)) : "");
        return chart;
    }
}
