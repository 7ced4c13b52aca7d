package org.rnnkit.datasets.tasks;

import org.rnnkit.datasets.SequenceDataset;
import org.rnnkit.datasets.SequenceExample;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The adding problem (Hochreiter and Schmidhuber 1997; Le et al. 2015): T steps of two channels, a value drawn
 * from U(0, 1) and a marker that is 1 at exactly two steps (one in each half of the sequence) and 0 elsewhere;
 * the target is the sum of the two marked values (many-to-one regression, labels {@code [mb, 1]}).
 * Deterministic for a seed.
 */
public final class AddingProblem {

    private AddingProblem() {
    }

    /** {@code n} sequences of {@code length >= 2} steps. */
    public static SequenceDataset generate(int n, int length, long seed) {
        if (n < 1 || length < 2) {
            throw new IllegalArgumentException("need n >= 1 and length >= 2");
        }
        Random random = new Random(seed);
        List<SequenceExample> out = new ArrayList<>(n);
        int half = length / 2;
        for (int i = 0; i < n; i++) {
            float[][] x = new float[length][2];
            for (int t = 0; t < length; t++) {
                x[t][0] = random.nextFloat();
            }
            int a = random.nextInt(half);
            int b = half + random.nextInt(length - half);
            x[a][1] = 1f;
            x[b][1] = 1f;
            out.add(new SequenceExample(x, new float[][]{{x[a][0] + x[b][0]}}));
        }
        return new SequenceDataset("adding problem T=" + length, out, true, null);
    }
}
