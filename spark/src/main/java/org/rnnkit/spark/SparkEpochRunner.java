package org.rnnkit.spark;

import java.util.Random;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.storage.StorageLevel;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.spark.api.TrainingMaster;
import org.deeplearning4j.spark.impl.SparkListenable;
import org.deeplearning4j.spark.impl.graph.SparkComputationGraph;
import org.deeplearning4j.spark.impl.multilayer.SparkDl4jMultiLayer;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.rnnkit.core.RnnModel;
import org.rnnkit.core.train.EpochRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Epochs of one rnnkit model on Spark: the network goes to DL4J's {@link SparkDl4jMultiLayer} (sequence models) or
 * {@link SparkComputationGraph} (encoder-decoders and other graphs), which train on the executors and leave the
 * averaged parameters and updater state in the model on the driver. The layer configurations travel to the
 * executors as DL4J's JSON, rnnkit's own layers (GRU, LSTM, SimpleRnn, MaskedBidirectional) included, so the
 * rnnkit-core jar must be on the executors' classpath.
 */
final class SparkEpochRunner implements EpochRunner {
    private static final Logger LOG = LoggerFactory.getLogger(SparkEpochRunner.class);
    private final SparkSettings settings;
    private final JavaSparkContext sc;
    private final boolean ownsContext;
    /** The batches, as single-input data sets or as multi-data sets (at least one is not null). */
    private JavaRDD<DataSet> dataSets;
    private final JavaRDD<MultiDataSet> multiDataSets;
    private final int examplesPerBatch;
    private final EpochLoss loss;
    /** Seeds the order in which a pass deals the batches into averaging rounds (a new order every pass). */
    private static final long ROUND_SEED = 0x2545F4914F6CDD1DL;
    private long totalExamples = -1;
    private long batchCount = -1;
    private TrainingMaster<?, ?> trainingMaster;
    private RnnModel current;
    private SparkListenable network;

    SparkEpochRunner(SparkSettings settings, JavaSparkContext sc, boolean ownsContext, JavaRDD<DataSet> dataSets,
                     JavaRDD<MultiDataSet> multiDataSets, int examplesPerBatch) {
        this.settings = settings;
        this.sc = sc;
        this.ownsContext = ownsContext;
        this.dataSets = dataSets;
        this.multiDataSets = multiDataSets;
        this.examplesPerBatch = examplesPerBatch;
        this.loss = new EpochLoss(sc);
    }

    @Override
    public Pass fitEpoch(RnnModel model, int epoch) {
        if (model != current) {
            network = wrap(model.network());
            current = model;
        }
        loss.reset();
        if (TrainingMasters.dealsRounds(settings)) {
            fitInRounds(epoch);
        } else if (network instanceof SparkDl4jMultiLayer net) {
            net.fit(singleDataSets());
        } else {
            SparkComputationGraph graph = (SparkComputationGraph) network;
            if (multiDataSets != null) {
                graph.fitMultiDataSet(multiDataSets);
            } else {
                graph.fit(dataSets);
            }
        }
        if (settings.gradientSharing() != null) {
            return lossAfterPass();
        }
        Pass pass = loss.pass();
        if (pass.examples() < 0.9 * totalExamples()) {
            LOG.warn("DL4J's parameter averaging fit {} of the {} training examples in pass {}: a worker fits at most "
                    + "{} batches of {} examples between averagings and leaves the rest of its partition", pass.examples(),
                    totalExamples(), epoch + 1, settings.averagingFrequency(), batchPerWorker());
        }
        return pass;
    }

    /**
     * One pass of parameter averaging as rounds that DL4J fits whole (see {@link AveragingRounds}): each batch once,
     * averaging after every {@code averagingFrequency} batches per worker. The training master is called per round
     * directly, since DL4J's {@code fit} would count every round as an epoch.
     */
    private void fitInRounds(int epoch) {
        int workers = settings.workers() > 0 ? settings.workers() : sc.defaultParallelism();
        // What DL4J's master gives each worker per round: averagingFrequency worker batches, in RDD elements.
        int perWorker = Math.max(1, batchPerWorker() * settings.averagingFrequency() / examplesPerBatch);
        long seed = new Random(ROUND_SEED + epoch).nextLong();
        TrainingMaster<?, ?> master = trainingMaster;
        if (network instanceof SparkDl4jMultiLayer net) {
            JavaRDD<DataSet> batches = persisted(singleDataSets());
            for (JavaRDD<DataSet> round : AveragingRounds.deal(sc, batches, batchCount(), workers, perWorker, seed)) {
                master.executeTraining(net, round);
            }
            net.getNetwork().incrementEpochCount();
            return;
        }
        SparkComputationGraph graph = (SparkComputationGraph) network;
        if (multiDataSets != null) {
            JavaRDD<MultiDataSet> batches = persisted(multiDataSets);
            for (JavaRDD<MultiDataSet> round : AveragingRounds.deal(sc, batches, batchCount(), workers, perWorker,
                    seed)) {
                master.executeTrainingMDS(graph, round);
            }
        } else {
            JavaRDD<DataSet> batches = persisted(dataSets);
            for (JavaRDD<DataSet> round : AveragingRounds.deal(sc, batches, batchCount(), workers, perWorker, seed)) {
                master.executeTraining(graph, round);
            }
        }
        graph.getNetwork().incrementEpochCount();
    }

    /** The batches kept on the executors between rounds and passes (as DL4J keeps the RDD it is given). */
    private static <T> JavaRDD<T> persisted(JavaRDD<T> rdd) {
        if (rdd.getStorageLevel().equals(StorageLevel.NONE())) {
            rdd.persist(StorageLevel.MEMORY_ONLY_SER());
        }
        return rdd;
    }

    /** Batches in the training data, counted once. */
    private long batchCount() {
        if (batchCount < 0) {
            batchCount = multiDataSets != null ? multiDataSets.count() : dataSets.count();
        }
        return batchCount;
    }

    private int batchPerWorker() {
        return settings.batchPerWorker() > 0 ? settings.batchPerWorker() : examplesPerBatch;
    }

    /** Examples in the training data, counted once. */
    private long totalExamples() {
        if (totalExamples < 0) {
            totalExamples = multiDataSets != null
                    ? multiDataSets.map(b -> Math.toIntExact(b.getFeatures(0).size(0))).reduce(Integer::sum)
                    : dataSets.map(DataSet::numExamples).reduce(Integer::sum);
        }
        return totalExamples;
    }

    /**
     * With gradient sharing, DL4J's workers keep the listeners of the first pass, so a pass's loss is measured on the
     * cluster afterwards: the mean loss per example on the training batches at the pass's final parameters.
     */
    private Pass lossAfterPass() {
        long batches = multiDataSets != null ? multiDataSets.count() : dataSets.count();
        double mean;
        if (network instanceof SparkDl4jMultiLayer net) {
            mean = net.calculateScore(singleDataSets(), true, examplesPerBatch);
        } else if (multiDataSets != null) {
            mean = ((SparkComputationGraph) network).calculateScoreMultiDataSet(multiDataSets, true, examplesPerBatch);
        } else {
            mean = ((SparkComputationGraph) network).calculateScore(dataSets, true, examplesPerBatch);
        }
        return new Pass(mean, totalExamples(), Math.toIntExact(batches));
    }

    /** The batches as a {@code MultiLayerNetwork} fits them, converted once (and kept: see persisted). */
    private JavaRDD<DataSet> singleDataSets() {
        if (dataSets == null) {
            dataSets = multiDataSets.map(SparkEpochRunner::single);
        }
        return dataSets;
    }

    private SparkListenable wrap(Model model) {
        TrainingMaster<?, ?> master = TrainingMasters.of(settings, examplesPerBatch, batchPerWorker());
        trainingMaster = master;
        if (model instanceof MultiLayerNetwork mln) {
            SparkDl4jMultiLayer net = new SparkDl4jMultiLayer(sc, mln, master);
            net.setListeners(loss);
            return net;
        }
        if (model instanceof ComputationGraph graph) {
            SparkComputationGraph net = new SparkComputationGraph(sc, graph, master);
            net.setListeners(loss);
            return net;
        }
        throw new IllegalArgumentException("Spark trains MultiLayerNetwork and ComputationGraph models, not "
                + model.getClass().getName());
    }

    /** A single-input, single-output batch as the data set a {@code MultiLayerNetwork} fits. */
    static DataSet single(MultiDataSet batch) {
        if (batch.numFeatureArrays() != 1 || batch.numLabelsArrays() != 1) {
            throw new IllegalArgumentException("a sequence model takes one input and one output, but a batch has "
                    + batch.numFeatureArrays() + " inputs and " + batch.numLabelsArrays() + " outputs");
        }
        return new DataSet(batch.getFeatures(0), batch.getLabels(0), batch.getFeaturesMaskArray(0),
                batch.getLabelsMaskArray(0));
    }

    /** Stops the context if this runner started it (which also frees the batches it sent). */
    @Override
    public void close() {
        if (ownsContext) {
            sc.stop();
        }
    }
}
