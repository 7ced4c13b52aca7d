package org.rnnkit.spark;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.util.DoubleAccumulator;
import org.apache.spark.util.LongAccumulator;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.rnnkit.core.train.EpochRunner;

/**
 * Sums the loss of every batch the workers fit into Spark accumulators, so that an epoch on Spark reports the same
 * figure as the Trainer's own loop: the mean loss per example over the epoch's batches. DL4J's own score on Spark is
 * only the last batches' (and 0 with gradient sharing).
 */
final class EpochLoss extends BaseTrainingListener implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    private final DoubleAccumulator lossSum;
    private final LongAccumulator examples;
    private final LongAccumulator batches;

    EpochLoss(JavaSparkContext sc) {
        this.lossSum = sc.sc().doubleAccumulator("rnnkit loss sum");
        this.examples = sc.sc().longAccumulator("rnnkit examples");
        this.batches = sc.sc().longAccumulator("rnnkit batches");
    }

    // Called on the workers after each update, while the batch is still the model's input.
    @Override
    public void iterationDone(Model model, int iteration, int epoch) {
        long n = model.batchSize();
        lossSum.add(model.score() * n);
        examples.add(n);
        batches.add(1);
    }

    /** Starts counting a new epoch (on the driver). */
    void reset() {
        lossSum.reset();
        examples.reset();
        batches.reset();
    }

    /** The epoch so far: mean loss per example (NaN before any batch), examples and batches. */
    EpochRunner.Pass pass() {
        long n = examples.value();
        return new EpochRunner.Pass(n == 0 ? Double.NaN : lossSum.value() / n, n,
                Math.toIntExact(batches.value()));
    }
}
