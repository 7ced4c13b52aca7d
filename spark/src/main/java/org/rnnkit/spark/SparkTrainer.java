package org.rnnkit.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.dataset.api.iterator.MultiDataSetIterator;
import org.rnnkit.core.spec.SpecException;
import org.rnnkit.core.train.EpochRunner;

/**
 * Trains rnnkit models on Apache Spark through DL4J's Spark integration: parameter averaging by default, gradient
 * sharing as an option ({@link SparkSettings}). It supplies the training passes to rnnkit's own
 * {@link org.rnnkit.core.train.Trainer}, which keeps validation, early stopping, epoch-end checkpoints, resume and
 * reports as they are, and leaves the trained network in the model, which saves as the usual bundle:
 *
 * <pre>{@code
 * // batches already on Spark, in the context that made them
 * new Trainer(TrainingConfig.epochs(10)).fit(model, SparkTrainer.with(settings).runner(rdd), validation);
 * // batches from an iterator: rnnkit starts a context at settings.master() and ships them to it
 * new Trainer(TrainingConfig.epochs(10).withRunner(SparkTrainer.with(settings).factory())).fit(model, train, validation);
 * }</pre>
 *
 * Each RDD element is one batch; batches should hold the same number of examples (the last may hold fewer), and
 * DL4J re-batches them to {@link SparkSettings#batchPerWorker()} when that is set.
 */
public final class SparkTrainer {
    private final SparkSettings settings;

    private SparkTrainer(SparkSettings settings) {
        this.settings = settings;
    }

    public static SparkTrainer with(SparkSettings settings) {
        return new SparkTrainer(settings);
    }

    public SparkSettings settings() {
        return settings;
    }

    /** Passes over batches already in an RDD (single-input batches), in the RDD's context, which is not stopped. */
    public EpochRunner runner(JavaRDD<DataSet> batches) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(batches.context());
        return new SparkEpochRunner(settings, sc, false, batches, null, batches.first().numExamples());
    }

    /** Passes over multi-input batches already in an RDD (encoder-decoders), in the RDD's context. */
    public EpochRunner multiRunner(JavaRDD<MultiDataSet> batches) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(batches.context());
        return new SparkEpochRunner(settings, sc, false, null, batches,
                Math.toIntExact(batches.first().getFeatures(0).size(0)));
    }

    /**
     * For {@link org.rnnkit.core.train.TrainingConfig#withRunner}: reads the Trainer's training batches once,
     * starts a Spark context at {@link SparkSettings#master()} (only one may run in a JVM), sends the batches to
     * it and stops it when training ends. The batches are held in the driver's memory first: for data larger
     * than that, build the RDD on the cluster and use {@link #runner}.
     */
    public EpochRunner.Factory factory() {
        return (model, train) -> {
            List<MultiDataSet> batches = collect(train);
            int largest = batches.stream().mapToInt(b -> Math.toIntExact(b.getFeatures(0).size(0))).max().orElse(0);
            JavaSparkContext sc = new JavaSparkContext(SparkJvm.conf(settings));
            try {
                int slices = settings.workers() > 0 ? settings.workers() : sc.defaultParallelism();
                JavaRDD<MultiDataSet> rdd = sc.parallelize(batches, slices); // the runner persists it
                return new SparkEpochRunner(settings, sc, true, null, rdd, largest);
            } catch (RuntimeException e) {
                sc.stop();
                throw e;
            }
        };
    }

    private static List<MultiDataSet> collect(MultiDataSetIterator train) {
        if (train.resetSupported()) {
            train.reset();
        }
        List<MultiDataSet> batches = new ArrayList<>();
        while (train.hasNext()) {
            batches.add(train.next());
        }
        SpecException.require(!batches.isEmpty(), "the training data has no batches");
        return batches;
    }
}
