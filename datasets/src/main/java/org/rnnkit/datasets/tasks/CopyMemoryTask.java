package org.rnnkit.datasets.tasks;

import org.rnnkit.datasets.LabelSet;
import org.rnnkit.datasets.SequenceDataset;
import org.rnnkit.datasets.SequenceExample;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The copy-memory task (Arjovsky, Shah and Bengio 2016). Inputs are one-hot over 10 symbols: 0 blank, 1-8 the
 * alphabet, 9 the delimiter. A sequence of {@code T + 20} steps holds 10 random alphabet symbols, then
 * {@code T - 1} blanks, the delimiter, and 10 blanks; the model must output the 10 symbols over the last 10
 * steps. Labels are one-hot over the 8 alphabet symbols ({@code [mb, 8, T+20]}) with a label mask that is 1 on
 * the last 10 steps only (many-to-many). Deterministic for a seed.
 */
public final class CopyMemoryTask {

    /** Symbols to copy. */
    public static final int COPY_LENGTH = 10;
    /** Input symbols: blank, 8 letters, delimiter. */
    public static final int INPUT_SYMBOLS = 10;
    /** Output classes: the 8 letters. */
    public static final LabelSet OUTPUTS = LabelSet.of("a", "b", "c", "d", "e", "f", "g", "h");

    private CopyMemoryTask() {
    }

    /** {@code n} sequences with a delay of {@code delay >= 1} blanks-plus-delimiter (the paper's T). */
    public static SequenceDataset generate(int n, int delay, long seed) {
        if (n < 1 || delay < 1) {
            throw new IllegalArgumentException("need n >= 1 and delay T >= 1");
        }
        Random random = new Random(seed);
        int length = delay + 2 * COPY_LENGTH;
        List<SequenceExample> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            float[][] x = new float[length][INPUT_SYMBOLS];
            float[][] y = new float[COPY_LENGTH][OUTPUTS.size()];
            for (int t = 0; t < length; t++) {
                x[t][0] = 1f;
            }
            for (int k = 0; k < COPY_LENGTH; k++) {
                int symbol = random.nextInt(OUTPUTS.size());
                x[k][0] = 0f;
                x[k][1 + symbol] = 1f;
                y[k][symbol] = 1f;
            }
            int delimiter = COPY_LENGTH + delay - 1;
            x[delimiter][0] = 0f;
            x[delimiter][INPUT_SYMBOLS - 1] = 1f;
            out.add(new SequenceExample(x, y, length - COPY_LENGTH));
        }
        return new SequenceDataset("copy memory T=" + delay, out, false, OUTPUTS);
    }
}
