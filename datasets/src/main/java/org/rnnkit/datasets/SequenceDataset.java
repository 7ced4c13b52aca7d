package org.rnnkit.datasets;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * An immutable, in-memory list of {@link SequenceExample}s with what an iterator needs to know: whether labels
 * are one per sequence (many-to-one, labels {@code [mb, C]}) or per step ({@code [mb, C, T]} with a mask), and
 * the class names when labels are classes (absent for regression targets). Split it by sequence with
 * {@link #split}, normalise it with {@link SequenceNormalizer}, iterate it with {@link #iterator}.
 */
public final class SequenceDataset {

    private final String name;
    private final List<SequenceExample> examples;
    private final boolean perSequenceLabels;
    private final LabelSet classes;
    private final int numFeatures;
    private final int numOutcomes;

    /**
     * @param classes class names when labels are one-hot classes, or null for real-valued targets
     */
    public SequenceDataset(String name, List<SequenceExample> examples, boolean perSequenceLabels,
                           LabelSet classes) {
        this(name, examples, perSequenceLabels, classes, widths(name, examples));
    }

    /** Widths from the first example; only derived data sets (an empty split part) may have none. */
    private static int[] widths(String name, List<SequenceExample> examples) {
        if (examples.isEmpty()) {
            throw new IllegalArgumentException(name + ": a data set needs at least one example");
        }
        return new int[]{examples.get(0).numFeatures(), examples.get(0).numLabels()};
    }

    private SequenceDataset(String name, List<SequenceExample> examples, boolean perSequenceLabels,
                            LabelSet classes, int[] widths) {
        this.name = name;
        this.examples = List.copyOf(examples);
        this.perSequenceLabels = perSequenceLabels;
        this.classes = classes;
        this.numFeatures = widths[0];
        this.numOutcomes = widths[1];
        for (SequenceExample x : this.examples) {
            if (x.numFeatures() != numFeatures || x.numLabels() != numOutcomes) {
                throw new IllegalArgumentException(name + ": examples differ in feature or label width");
            }
            if (perSequenceLabels && x.labels().length != 1) {
                throw new IllegalArgumentException(name + ": per-sequence labels need exactly one label row");
            }
        }
        if (classes != null && classes.size() != numOutcomes) {
            throw new IllegalArgumentException(name + ": " + classes.size() + " classes but labels have width "
                    + numOutcomes);
        }
    }

    /** The data set's name (usually its file). */
    public String name() {
        return name;
    }

    /** Number of sequences. */
    public int size() {
        return examples.size();
    }

    /** The examples, unmodifiable. */
    public List<SequenceExample> examples() {
        return examples;
    }

    /** True when each sequence has one label row (many-to-one). */
    public boolean perSequenceLabels() {
        return perSequenceLabels;
    }

    /** Class names, when the labels are classes. */
    public Optional<LabelSet> classes() {
        return Optional.ofNullable(classes);
    }

    /** Feature columns F. */
    public int numFeatures() {
        return numFeatures;
    }

    /** Label columns C (classes, or regression targets). */
    public int numOutcomes() {
        return numOutcomes;
    }

    /** Whether there are no sequences (only a split part that got none can be empty). */
    public boolean isEmpty() {
        return examples.isEmpty();
    }

    /** The shortest and longest feature sequence ({@code [0, 0]} when empty). */
    public int[] lengthRange() {
        if (examples.isEmpty()) {
            return new int[]{0, 0};
        }
        int min = Integer.MAX_VALUE;
        int max = 0;
        for (SequenceExample x : examples) {
            min = Math.min(min, x.length());
            max = Math.max(max, x.length());
        }
        return new int[]{min, max};
    }

    /** Examples per class (per-sequence class labels only). */
    public int[] classCounts() {
        if (classes == null || !perSequenceLabels) {
            throw new IllegalStateException(name + " has no per-sequence class labels");
        }
        int[] counts = new int[classes.size()];
        for (SequenceExample x : examples) {
            float[] row = x.labels()[0];
            for (int c = 0; c < row.length; c++) {
                if (row[c] == 1f) {
                    counts[c]++;
                }
            }
        }
        return counts;
    }

    /** A data set with the same metadata (widths, classes) and other examples, possibly none. */
    public SequenceDataset withExamples(String newName, List<SequenceExample> newExamples) {
        return new SequenceDataset(newName, newExamples, perSequenceLabels, classes,
                new int[]{numFeatures, numOutcomes});
    }

    /**
     * Train, validation and test parts of a split; a part that was not asked for (fraction 0) is empty, with
     * the same widths and classes.
     */
    public record Split(SequenceDataset train, SequenceDataset validation, SequenceDataset test) {
    }

    /**
     * Splits by whole sequence (no sequence is on two sides) after a seeded shuffle. {@code validation} or
     * {@code test} may be 0; every part that is asked for gets at least one sequence.
     */
    public Split split(double train, double validation, long seed) {
        double test = 1.0 - train - validation;
        if (train <= 0 || validation < 0 || test < -1e-9) {
            throw new IllegalArgumentException("fractions must be train > 0, validation >= 0, sum <= 1");
        }
        List<SequenceExample> shuffled = new ArrayList<>(examples);
        Collections.shuffle(shuffled, new Random(seed));
        int n = shuffled.size();
        int nVal = validation > 0 ? Math.max(1, (int) Math.round(n * validation)) : 0;
        int nTest = test > 1e-9 ? Math.max(1, (int) Math.round(n * test)) : 0;
        int nTrain = n - nVal - nTest;
        if (nTrain < 1) {
            throw new IllegalArgumentException(name + ": too few sequences (" + n + ") to split");
        }
        return new Split(withExamples(name + "[train]", shuffled.subList(0, nTrain)),
                withExamples(name + "[validation]", shuffled.subList(nTrain, nTrain + nVal)),
                withExamples(name + "[test]", shuffled.subList(nTrain + nVal, n)));
    }

    /** An iterator over this data set with the given batching. */
    public SequenceDataSetIterator iterator(BatchPlan plan) {
        if (examples.isEmpty()) {
            throw new IllegalArgumentException(name + " is empty: an iterator needs at least one example");
        }
        return new SequenceDataSetIterator(this, plan);
    }

    @Override
    public String toString() {
        int[] range = lengthRange();
        return name + ": " + size() + " sequences, " + numFeatures() + " features, length " + range[0] + ".."
                + range[1] + ", " + numOutcomes() + (classes == null ? " targets" : " classes " + classes.names())
                + (perSequenceLabels ? " per sequence" : " per step");
    }
}
