package org.rnnkit.datasets;

import org.nd4j.linalg.dataset.DataSet;

import java.util.ArrayList;
import java.util.List;

/**
 * Iterates a {@link SequenceDataset}: features {@code [mb, F, T]} with mask {@code [mb, T]}; labels
 * {@code [mb, C]} for per-sequence labels, otherwise {@code [mb, C, T]} with a label mask.
 */
public final class SequenceDataSetIterator extends AbstractSequenceIterator {

    private final transient SequenceDataset data;

    SequenceDataSetIterator(SequenceDataset data, BatchPlan plan) {
        super(plan, data.size(), lengths(data));
        this.data = data;
    }

    private static int[] lengths(SequenceDataset data) {
        int[] lengths = new int[data.size()];
        for (int i = 0; i < lengths.length; i++) {
            lengths[i] = data.examples().get(i).length();
        }
        return lengths;
    }

    @Override
    protected DataSet build(int[] indices) {
        List<SequenceExample> batch = new ArrayList<>(indices.length);
        for (int i : indices) {
            batch.add(data.examples().get(i));
        }
        return SequenceBatcher.toDataSet(batch, data.perSequenceLabels());
    }

    @Override
    public int inputColumns() {
        return data.numFeatures();
    }

    @Override
    public int totalOutcomes() {
        return data.numOutcomes();
    }

    @Override
    public List<String> getLabels() {
        return data.classes().map(LabelSet::names).orElse(null);
    }

    @Override
    public String describe() {
        int[] range = data.lengthRange();
        return "SequenceDataSetIterator[" + data.name() + ": " + data.size() + " sequences, batch " + batch()
                + ", features [mb, " + inputColumns() + ", T=" + range[0] + ".." + range[1] + "], labels "
                + (data.perSequenceLabels() ? "[mb, " + totalOutcomes() + "]" : "[mb, " + totalOutcomes() + ", T]")
                + (data.classes().isPresent() ? " classes " + getLabels() : " real-valued") + "]";
    }
}
