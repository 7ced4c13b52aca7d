package org.rnnkit.core.train;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/** The few operations training needs, for both kinds of DL4J network. */
final class NetworkOps {
    private final MultiLayerNetwork sequential;
    private final ComputationGraph graph;

    NetworkOps(Model network) {
        this.sequential = network instanceof MultiLayerNetwork m ? m : null;
        this.graph = network instanceof ComputationGraph g ? g : null;
        if (sequential == null && graph == null) {
            throw new IllegalArgumentException("unsupported network type " + network.getClass().getName());
        }
    }

    /** One update on one batch; returns its loss. */
    double fit(MultiDataSet batch) {
        if (sequential != null) {
            sequential.fit(toDataSet(batch));
            return sequential.score();
        }
        graph.fit(batch);
        return graph.score();
    }

    /** Mean loss on a batch without updating (regularisation terms included, as in training). */
    double score(MultiDataSet batch) {
        return sequential != null ? sequential.score(toDataSet(batch), false) : graph.score(batch, false);
    }

    INDArray params() {
        return sequential != null ? sequential.params() : graph.params();
    }

    void setParams(INDArray params) {
        params().assign(params);
    }

    /** The updater's state (e.g. Adam moments), or null when the updater keeps none. */
    INDArray updaterState() {
        return sequential != null ? sequential.getUpdater().getStateViewArray() : graph.getUpdater().getStateViewArray();
    }

    int iterationCount() {
        return sequential != null ? sequential.getIterationCount() : graph.getIterationCount();
    }

    void setCounts(int iterations, int epochs) {
        if (sequential != null) {
            sequential.setIterationCount(iterations);
            sequential.setEpochCount(epochs);
        } else {
            graph.getConfiguration().setIterationCount(iterations);
            graph.getConfiguration().setEpochCount(epochs);
        }
    }

    /** Copies parameters, updater state and counters from a network of the same layout. */
    void restoreFrom(NetworkOps saved) {
        setParams(saved.params());
        INDArray state = updaterState();
        INDArray savedState = saved.updaterState();
        if (state != null && savedState != null) {
            state.assign(savedState);
        }
        setCounts(saved.iterationCount(), saved.sequential != null
                ? saved.sequential.getEpochCount() : saved.graph.getEpochCount());
    }

    private static DataSet toDataSet(MultiDataSet batch) {
        return new DataSet(batch.getFeatures(0), batch.getLabels(0),
                batch.getFeaturesMaskArray(0), batch.getLabelsMaskArray(0));
    }
}
