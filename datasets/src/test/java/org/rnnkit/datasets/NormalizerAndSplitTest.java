package org.rnnkit.datasets;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NormalizerAndSplitTest {

    private static SequenceDataset data(int n) {
        List<SequenceExample> xs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            float[][] f = new float[3][2];
            for (int t = 0; t < 3; t++) {
                f[t][0] = i * 3 + t;
                f[t][1] = 7f;
            }
            xs.add(new SequenceExample(f, SequenceExample.oneHot(i % 2, 2)));
        }
        return new SequenceDataset("demo", xs, true, LabelSet.of("a", "b"));
    }

    @Test
    void splitIsBySequenceSeededAndDisjoint() {
        SequenceDataset ds = data(20);
        SequenceDataset.Split s = ds.split(0.6, 0.2, 42);
        assertEquals(12, s.train().size());
        assertEquals(4, s.validation().size());
        assertEquals(4, s.test().size());
        Set<SequenceExample> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        seen.addAll(s.train().examples());
        s.validation().examples().forEach(x -> assertTrue(seen.add(x)));
        s.test().examples().forEach(x -> assertTrue(seen.add(x)));
        assertEquals(20, seen.size());
        SequenceDataset.Split again = ds.split(0.6, 0.2, 42);
        assertEquals(s.train().examples(), again.train().examples());
        assertFalse(s.train().examples().equals(ds.split(0.6, 0.2, 7).train().examples()));
    }

    @Test
    void aPartNotAskedForIsEmptyNotNull() {
        SequenceDataset.Split s = data(20).split(0.85, 0.15, 42);
        assertEquals(17, s.train().size());
        assertEquals(3, s.validation().size());
        assertTrue(s.test().isEmpty());
        assertEquals(0, s.test().size());
        assertEquals(s.train().numFeatures(), s.test().numFeatures());
        assertEquals(s.train().classes(), s.test().classes());
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> s.test().iterator(BatchPlan.sequential(4)));
        assertEquals("demo[test] is empty: an iterator needs at least one example", e.getMessage());
        assertTrue(data(10).split(1.0, 0, 1).validation().isEmpty());
    }

    @Test
    void standardizeFittedOnTrainOnlyAndConstantColumnStaysFinite() throws Exception {
        SequenceDataset.Split s = data(10).split(0.5, 0, 1);
        SequenceNormalizer norm = SequenceNormalizer.fit(SequenceNormalizer.Kind.STANDARDIZE, s.train());
        SequenceDataset train = norm.apply(s.train());
        double sum = 0;
        double sq = 0;
        int n = 0;
        for (SequenceExample x : train.examples()) {
            for (float[] row : x.features()) {
                sum += row[0];
                sq += row[0] * row[0];
                n++;
                assertEquals(0f, row[1]);
            }
        }
        assertEquals(0, sum / n, 1e-5);
        assertEquals(1, sq / n, 1e-4);
        SequenceDataset test = norm.apply(s.test());
        assertTrue(Float.isFinite(test.examples().get(0).features()[0][0]));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        norm.save(out);
        SequenceNormalizer loaded = SequenceNormalizer.load(new ByteArrayInputStream(out.toByteArray()));
        float[][] raw = s.test().examples().get(0).features();
        assertArrayEquals(norm.transform(raw)[2], loaded.transform(raw)[2]);
        assertEquals(norm.toJson(), SequenceNormalizer.fromJson(norm.toJson()).toJson());
        org.junit.jupiter.api.Assertions.assertThrows(DataFormatException.class,
                () -> SequenceNormalizer.fromJson(norm.toJson().replace("STANDARDIZE", "LOG")));
        org.junit.jupiter.api.Assertions.assertThrows(DataFormatException.class,
                () -> SequenceNormalizer.fromJson("{not json"));
    }

    @Test
    void labelSetsSortNumericallyAndKeepDistinctSpellings() {
        assertEquals(List.of("-1", "1", "1.0", "10"), LabelSet.sorted(List.of("10", "1", "-1", "1.0", "1")).names());
        assertEquals(List.of("neg", "pos"), LabelSet.sorted(List.of("pos", "neg")).names());
    }

    @Test
    void minMaxMapsTrainingRangeToUnitInterval() {
        SequenceDataset ds = data(4);
        SequenceNormalizer norm = SequenceNormalizer.fit(SequenceNormalizer.Kind.MIN_MAX, ds);
        Set<Float> values = new HashSet<>();
        norm.apply(ds).examples().forEach(x -> {
            for (float[] row : x.features()) {
                values.add(row[0]);
            }
        });
        assertTrue(values.contains(0f));
        assertTrue(values.contains(1f));
        assertTrue(values.stream().allMatch(v -> v >= 0 && v <= 1));
    }
}
