package org.rnnkit.datasets;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SequenceBatcherTest {

    @Test
    void padsVectorsAtTheEndWithMask() {
        float[][] a = {{1, 2}, {3, 4}, {5, 6}};
        float[][] b = {{7, 8}};
        SequenceBatcher.Padded p = SequenceBatcher.padVectors(List.of(a, b), new int[2], 1);
        assertArrayEquals(new long[]{2, 2, 3}, p.values().shape());
        assertEquals(5f, p.values().getFloat(0, 0, 2));
        assertEquals(6f, p.values().getFloat(0, 1, 2));
        assertEquals(7f, p.values().getFloat(1, 0, 0));
        assertEquals(0f, p.values().getFloat(1, 0, 1));
        assertArrayEquals(new float[]{1, 1, 1, 0, 0}, new float[]{p.mask().getFloat(0, 2), p.mask().getFloat(1, 0),
                p.mask().getFloat(0, 0), p.mask().getFloat(1, 1), p.mask().getFloat(1, 2)});
    }

    @Test
    void tokensAsIndicesOrOneHot() {
        List<int[]> seqs = List.of(new int[]{2, 3}, new int[]{1});
        INDArray idx = SequenceBatcher.padTokens(seqs, TokenEncoding.INDEX, 4, 1).values();
        assertArrayEquals(new long[]{2, 1, 2}, idx.shape());
        assertEquals(3f, idx.getFloat(0, 0, 1));
        SequenceBatcher.Padded hot = SequenceBatcher.padTokens(seqs, TokenEncoding.ONE_HOT, 4, 5);
        assertArrayEquals(new long[]{2, 4, 5}, hot.values().shape());
        assertEquals(1f, hot.values().getFloat(0, 3, 1));
        assertEquals(3f, hot.values().sumNumber().floatValue());
        assertEquals(0f, hot.mask().getFloat(1, 1));
        assertThrows(IllegalArgumentException.class,
                () -> SequenceBatcher.padTokens(List.of(new int[]{4}), TokenEncoding.INDEX, 4, 1));
    }

    @Test
    void perStepLabelsWithOffsetGetTheirOwnMask() {
        SequenceExample x = new SequenceExample(new float[][]{{1}, {2}, {3}, {4}}, new float[][]{{0, 1}, {1, 0}}, 2);
        SequenceExample y = new SequenceExample(new float[][]{{5}}, new float[][]{{1, 0}});
        DataSet ds = SequenceBatcher.toDataSet(List.of(x, y), false);
        assertArrayEquals(new long[]{2, 1, 4}, ds.getFeatures().shape());
        assertArrayEquals(new long[]{2, 2, 4}, ds.getLabels().shape());
        assertEquals(1f, ds.getLabels().getFloat(0, 1, 2));
        assertEquals(1f, ds.getLabelsMaskArray().getFloat(0, 3));
        assertEquals(0f, ds.getLabelsMaskArray().getFloat(0, 1));
        assertEquals(1f, ds.getLabelsMaskArray().getFloat(1, 0));
        assertEquals(0f, ds.getFeaturesMaskArray().getFloat(1, 1));
    }

    @Test
    void perSequenceLabelsAreTwoDimensionalWithoutMask() {
        SequenceExample x = new SequenceExample(new float[][]{{1}, {2}}, SequenceExample.oneHot(2, 3));
        DataSet ds = SequenceBatcher.toDataSet(List.of(x), true);
        assertArrayEquals(new long[]{1, 3}, ds.getLabels().shape());
        assertNull(ds.getLabelsMaskArray());
        assertEquals(1f, ds.getLabels().getFloat(0, 2));
    }

    @Test
    void nextTokenShiftsTargetsByOne() {
        DataSet ds = SequenceBatcher.nextToken(List.of(new int[]{0, 1, 2}, new int[]{2, 0}), 3,
                TokenEncoding.INDEX, TokenEncoding.ONE_HOT);
        assertArrayEquals(new long[]{2, 1, 2}, ds.getFeatures().shape());
        assertArrayEquals(new long[]{2, 3, 2}, ds.getLabels().shape());
        assertEquals(1f, ds.getFeatures().getFloat(0, 0, 1));
        assertEquals(1f, ds.getLabels().getFloat(0, 2, 1));
        assertEquals(1f, ds.getLabels().getFloat(1, 0, 0));
        assertEquals(0f, ds.getLabelsMaskArray().getFloat(1, 1));
    }

    @Test
    void examplesRejectNanAndRaggedRows() {
        assertThrows(IllegalArgumentException.class,
                () -> new SequenceExample(new float[][]{{Float.NaN}}, new float[][]{{1}}));
        assertThrows(IllegalArgumentException.class,
                () -> new SequenceExample(new float[][]{{1, 2}, {3}}, new float[][]{{1}}));
    }
}
