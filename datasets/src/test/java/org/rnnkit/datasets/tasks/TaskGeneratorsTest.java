package org.rnnkit.datasets.tasks;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;
import org.rnnkit.datasets.BatchPlan;
import org.rnnkit.datasets.SequenceDataset;
import org.rnnkit.datasets.SequenceExample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TaskGeneratorsTest {

    @Test
    void addingProblemTargetIsSumOfMarkedValues() {
        SequenceDataset ds = AddingProblem.generate(20, 50, 3);
        for (SequenceExample x : ds.examples()) {
            float sum = 0;
            int marks = 0;
            for (float[] step : x.features()) {
                assertTrue(step[0] >= 0 && step[0] < 1);
                if (step[1] == 1f) {
                    sum += step[0];
                    marks++;
                }
            }
            assertEquals(2, marks);
            assertEquals(sum, x.labels()[0][0], 1e-6);
        }
        DataSet b = ds.iterator(BatchPlan.sequential(20)).next();
        assertArrayEquals(new long[]{20, 2, 50}, b.getFeatures().shape());
        assertArrayEquals(new long[]{20, 1}, b.getLabels().shape());
        assertArrayEquals(AddingProblem.generate(20, 50, 3).examples().get(7).features()[9],
                ds.examples().get(7).features()[9]);
        assertNotEquals(AddingProblem.generate(20, 50, 4).examples().get(0).labels()[0][0],
                ds.examples().get(0).labels()[0][0]);
    }

    @Test
    void copyMemoryOutputsTheFirstTenSymbolsOverTheLastTenSteps() {
        int delay = 30;
        SequenceDataset ds = CopyMemoryTask.generate(4, delay, 11);
        DataSet b = ds.iterator(BatchPlan.sequential(4)).next();
        int length = delay + 20;
        assertArrayEquals(new long[]{4, 10, length}, b.getFeatures().shape());
        assertArrayEquals(new long[]{4, 8, length}, b.getLabels().shape());
        assertEquals(10f, b.getLabelsMaskArray().getRow(0).sumNumber().floatValue());
        assertEquals(1f, b.getLabelsMaskArray().getFloat(0, length - 10));
        assertEquals(0f, b.getLabelsMaskArray().getFloat(0, length - 11));
        for (int k = 0; k < 10; k++) {
            int symbol = -1;
            for (int s = 0; s < 8; s++) {
                if (b.getFeatures().getFloat(2, 1 + s, k) == 1f) {
                    symbol = s;
                }
            }
            assertEquals(1f, b.getLabels().getFloat(2, symbol, length - 10 + k));
        }
        assertEquals(1f, b.getFeatures().getFloat(0, 9, 10 + delay - 1));
        assertEquals(1f, b.getFeatures().getFloat(0, 0, 10 + delay));
    }

    @Test
    void controlChartsHaveSixBalancedClassesWithTheirShapes() {
        SequenceDataset ds = ControlChartGenerator.generate(30, 90, 5);
        assertArrayEquals(new int[]{30, 30, 30, 30, 30, 30}, ds.classCounts());
        assertEquals(90, ds.examples().get(0).length());
        double up = 0;
        double down = 0;
        for (int i = 0; i < 30; i++) {
            up += slope(ds.examples().get(60 + i).features());
            down += slope(ds.examples().get(90 + i).features());
        }
        assertTrue(up / 30 > 0.15, "increasing trend slope " + up / 30);
        assertTrue(down / 30 < -0.15, "decreasing trend slope " + down / 30);
        assertArrayEquals(ControlChartGenerator.generate(30, 90, 5).examples().get(150).features()[80],
                ds.examples().get(150).features()[80]);
    }

    private static double slope(float[][] y) {
        double n = y.length;
        double mt = (n - 1) / 2;
        double my = 0;
        for (float[] v : y) {
            my += v[0] / n;
        }
        double num = 0;
        double den = 0;
        for (int t = 0; t < n; t++) {
            num += (t - mt) * (y[t][0] - my);
            den += (t - mt) * (t - mt);
        }
        return num / den;
    }
}
