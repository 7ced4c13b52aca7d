package org.rnnkit.datasets;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Streams of whole sequences cut into rows, with the boundaries and the padding masked out of the labels. */
class TokenStreamIteratorTest {

    private static final List<int[]> PIECES = List.of(new int[] {2, 5, 6, 3}, new int[] {2, 7, 3},
            new int[] {2, 8, 9, 10, 3});

    private static List<Integer> inputs(TokenStreamIterator it) {
        List<Integer> tokens = new ArrayList<>();
        while (it.hasNext()) {
            DataSet ds = it.next();
            for (int r = 0; r < ds.getFeatures().size(0); r++) {
                for (int t = 0; t < ds.getFeatures().size(2); t++) {
                    if (ds.getFeaturesMaskArray().getDouble(r, t) > 0) {
                        tokens.add(ds.getFeatures().getInt(r, 0, t));
                    }
                }
            }
        }
        return tokens;
    }

    @Test
    void rowsFollowTheStreamAndMaskBoundariesAndPadding() {
        TokenStreamIterator it = new TokenStreamIterator(PIECES, 11, 2, 5, false, 0);
        assertEquals(12, it.tokens());
        DataSet first = it.next();
        assertEquals(2, first.getFeatures().size(0));
        // row 0 reads 2 5 6 3 2 and predicts 5 6 3 2 7: the BOS after the end is not a target
        assertEquals(List.of(2, 5, 6, 3, 2), row(first, 0));
        assertEquals(1.0, first.getLabels().getDouble(0, 5, 0));
        assertEquals(0.0, first.getLabelsMaskArray().getDouble(0, 3), "the next piece's BOS is masked");
        assertEquals(1.0, first.getLabelsMaskArray().getDouble(0, 4));
        DataSet second = it.next();
        assertEquals(1, second.getFeatures().size(0), "the stream's last row");
        assertEquals(1.0, second.getFeaturesMaskArray().getDouble(0, 0));
        assertEquals(0.0, second.getFeaturesMaskArray().getDouble(0, 1), "padding past the stream's end");
        assertFalse(it.hasNext());
        // 12 tokens give 11 inputs (the last token is only a target)
        it.reset();
        assertEquals(11, inputs(it).size());
    }

    @Test
    void eachEpochShufflesThePiecesReproducibly() {
        TokenStreamIterator a = new TokenStreamIterator(PIECES, 11, 1, 3, true, 5);
        TokenStreamIterator b = new TokenStreamIterator(PIECES, 11, 1, 3, true, 5);
        List<List<Integer>> orders = new ArrayList<>();
        for (int epoch = 0; epoch < 6; epoch++) {
            a.startEpoch(epoch);
            b.reset(); // the first reset() starts epoch 0, as EpochAware says
            List<Integer> tokens = inputs(a);
            assertEquals(tokens, inputs(b), "the same epoch, the same order");
            orders.add(tokens);
        }
        assertTrue(orders.stream().distinct().count() > 1, "orders differ between epochs");
        assertNotEquals(0, orders.get(0).size());
    }

    private static List<Integer> row(DataSet ds, int r) {
        List<Integer> out = new ArrayList<>();
        for (int t = 0; t < ds.getFeatures().size(2); t++) {
            out.add(ds.getFeatures().getInt(r, 0, t));
        }
        return out;
    }
}
