package org.rnnkit.core.task;

import org.rnnkit.datasets.SequenceDataset;
import org.rnnkit.datasets.SequenceExample;

/**
 * The output side of a {@link SequencePipeline}: an {@link OutputHead} that also reads the known answers of a
 * {@link SequenceDataset}, checks that its labels fit, and says how labels are fed to training.
 *
 * @param <T> the known answer of one sequence
 * @param <P> the prediction for one sequence
 */
interface SequenceHead<T, P> extends OutputHead<T, P> {

    /** The known answer of example {@code x} of {@code data}, as evaluation compares it. */
    T target(SequenceExample x, SequenceDataset data);

    /**
     * Fails with a clear message when the labels of {@code data} do not fit: for training they must be the model's
     * outputs column for column; for evaluation their names must be known.
     */
    void checkLabels(SequenceDataset data, boolean training);

    /** Labels as the network trains on them (a regressor scales its targets); others keep them. */
    default float[][] trainingLabels(float[][] labels) {
        return labels;
    }
}
