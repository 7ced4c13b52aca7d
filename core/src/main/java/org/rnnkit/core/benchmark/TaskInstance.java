package org.rnnkit.core.benchmark;

import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.rnnkit.core.SequenceModel;

/** One problem of a {@link BenchTask} at one length: its signature, metric, training data and held-out scoring. */
public interface TaskInstance {

    /** What a model for this problem reads and answers. */
    TaskSignature signature();

    /** How {@link #evaluate} scores. */
    Metric metric();

    /**
     * The training batches of block {@code block} (0, 1, …): the runner scores the model after each block. A
     * generated task returns {@code batches} batches of fresh examples; a fixed data set returns one epoch over it.
     */
    DataSetIterator trainingBlock(int block, int batches, int batchSize);

    /** Held-out batches (never trained on), used for scoring, inference throughput and the gradient probe. */
    DataSetIterator heldOut();

    /** Scores the model on the held-out data: the metric's figure first, then any further figures. */
    Evaluation evaluate(SequenceModel model);
}
