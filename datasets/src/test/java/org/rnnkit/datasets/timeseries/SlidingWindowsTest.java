package org.rnnkit.datasets.timeseries;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;
import org.rnnkit.datasets.BatchPlan;
import org.rnnkit.datasets.SequenceDataset;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SlidingWindowsTest {

    private static final float[][] RAMP = SlidingWindows.column(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);

    @Test
    void manyToOneTargetIsHorizonAfterWindow() {
        SlidingWindows w = SlidingWindows.of(3, 2).withStride(2);
        SequenceDataset ds = w.windows("ramp", List.<float[][]>of(RAMP));
        assertEquals(w.count(10), ds.size());
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

    @Test
    void windowsNeverCrossSeriesAndShortSeriesAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> SlidingWindows.of(3, 1).windows("short", List.<float[][]>of(SlidingWindows.column(1, 2, 3))));
        assertThrows(IllegalArgumentException.class,
                () -> SlidingWindows.of(2, 1).withTargetColumns(3).windows("cols", List.<float[][]>of(RAMP)));
        assertEquals(0, SlidingWindows.of(3, 1).count(3));
    }
}
