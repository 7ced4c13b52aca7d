package org.rnnkit.datasets.timeseries;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnkit.datasets.SequenceNormalizer;
import org.nd4j.linalg.dataset.DataSet;
import org.rnnkit.datasets.BatchPlan;
import org.rnnkit.datasets.SequenceDataset;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.rnnkit.datasets.BadInput.expect;
import static org.rnnkit.datasets.BadInput.write;
import static org.rnnkit.datasets.BadInput.writeWithBadByte;

class SlidingWindowsTest {

    private static final float[][] RAMP = SlidingWindows.column(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);

    @Test
    void manyToOneTargetIsHorizonAfterWindow() {
        SlidingWindows w = SlidingWindows.of(3, 2).withStride(2);
        SequenceDataset ds = w.windows("ramp", RAMP);
        assertEquals(w.count(10), ds.size());
        float[][] twice = SlidingWindows.column(10, 11, 12, 13, 14, 15);
        List<float[][]> series = List.of(RAMP, twice);
        assertEquals(w.count(10) + w.count(6), w.windows("two", series).size());
        assertEquals(w.count(10) + w.count(6), w.windows("two", RAMP, twice).size());
        assertEquals(3, ds.size());
        assertEquals(2f, ds.examples().get(1).features()[0][0]);
        assertEquals(6f, ds.examples().get(1).labels()[0][0]);
        assertFalse(ds.classes().isPresent());
        DataSet b = ds.iterator(BatchPlan.sequential(3)).next();
        assertArrayEquals(new long[]{3, 1, 3}, b.getFeatures().shape());
        assertArrayEquals(new long[]{3, 1}, b.getLabels().shape());
    }

    @Test
    void manyToManyPerStepTargetsAndColumnChoice() {
        float[][] two = new float[6][2];
        for (int t = 0; t < 6; t++) {
            two[t][0] = t;
            two[t][1] = 100 + t;
        }
        SequenceDataset ds = SlidingWindows.of(4, 1).withManyToMany(true).withFeatureColumns(0, 1)
                .withTargetColumns(1).windows("two", List.<float[][]>of(two, two));
        assertEquals(2 + 2, ds.size());
        assertEquals(2, ds.numFeatures());
        assertEquals(1, ds.numOutcomes());
        assertEquals(101f, ds.examples().get(0).labels()[0][0]);
        assertEquals(104f, ds.examples().get(0).labels()[3][0]);
        DataSet b = ds.iterator(BatchPlan.sequential(2)).next();
        assertArrayEquals(new long[]{2, 1, 4}, b.getLabels().shape());
        assertEquals(1f, b.getLabelsMaskArray().getFloat(1, 3));
    }

    @TempDir
    Path dir;

    @Test
    void seriesFromCsvSplitByTimeNormalisedOnTrainThenWindowed() throws Exception {
        StringBuilder sb = new StringBuilder("date,value,volume\n");
        for (int t = 0; t < 20; t++) {
            sb.append("2024-01-").append(t + 1).append(',').append(10 + t).append(',').append(t * t).append('\n');
        }
        float[][] series = SeriesReader.columns(1, 2).withHeaderLines(1).read(write(dir, "s.csv", sb.toString()));
        assertEquals(20, series.length);
        assertEquals(29f, series[19][0]);
        float[][] train = java.util.Arrays.copyOfRange(series, 0, 15);
        float[][] test = java.util.Arrays.copyOfRange(series, 15, 20);
        SequenceNormalizer norm = SequenceNormalizer.fit(SequenceNormalizer.Kind.MIN_MAX, List.<float[][]>of(train));
        SequenceDataset windows = SlidingWindows.of(3, 1).withTargetColumns(0)
                .windows("test", List.<float[][]>of(norm.transform(test)));
        assertEquals(2, windows.size());
        float forecast = windows.examples().get(1).labels()[0][0];
        assertEquals(29f, norm.revert(new float[][]{{forecast, 0}})[0][0], 1e-4);
    }

    @Test
    void seriesReaderBadInput() throws Exception {
        Path text = write(dir, "t.csv", "1,2\n3,abc\n");
        expect(text, "line 2, field 2", "a number", () -> SeriesReader.columns(0, 1).read(text));
        Path ragged = write(dir, "r.csv", "1,2\n3\n");
        expect(ragged, "line 2", "at least 2 fields", () -> SeriesReader.columns(0, 1).read(ragged));
        Path empty = write(dir, "e.csv", "header\n");
        expect(empty, "file", "at least one data row", () -> SeriesReader.columns(0).withHeaderLines(1).read(empty));
        Path bin = writeWithBadByte(dir, "b.csv", "1\n2\n", "3\n");
        expect(bin, "line 3", "UTF-8", () -> SeriesReader.columns(0).read(bin));
    }

    @Test
    void windowsNeverCrossSeriesAndShortSeriesAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> SlidingWindows.of(3, 1).windows("short", List.<float[][]>of(SlidingWindows.column(1, 2, 3))));
        assertThrows(IllegalArgumentException.class,
                () -> SlidingWindows.of(2, 1).withTargetColumns(3).windows("cols", List.<float[][]>of(RAMP)));
        assertEquals(0, SlidingWindows.of(3, 1).count(3));
    }
}
