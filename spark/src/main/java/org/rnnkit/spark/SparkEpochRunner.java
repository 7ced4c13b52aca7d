package org.rnnkit.spark;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
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
    private long totalExamples = -1;
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
        if (network instanceof SparkDl4jMultiLayer net) {
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
            LOG.warn("DL4J's parameter averaging fit {} of the {} training examples in pass {}: each of its random "
                    + "rounds fits at most {} batches per worker and leaves the rest; a larger averaging frequency "
                    + "fits more per pass", pass.examples(), totalExamples(), epoch + 1, settings.averagingFrequency());
        }
        return pass;
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

    /** The batches as a {@code MultiLayerNetwork} fits them, converted once (DL4J persists the RDD it trains on). */
    private JavaRDD<DataSet> singleDataSets() {
        if (dataSets == null) {
            dataSets = multiDataSets.map(SparkEpochRunner::single);
        }
        return dataSets;
    }

    private SparkListenable wrap(Model model) {
        int batch = settings.batchPerWorker() > 0 ? settings.batchPerWorker() : examplesPerBatch;
        TrainingMaster<?, ?> master = TrainingMasters.of(settings, examplesPerBatch, batch);
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
