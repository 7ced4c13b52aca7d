package org.rnnkit.core;

import java.io.IOException;
import java.io.OutputStream;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * A built rnnkit model: its declaration (as JSON), the DL4J network it compiled to, and what training and
 * saving need from it. Each kind answers for itself, so the trainer and the bundle never ask which kind they
 * hold. Implemented by {@link SequenceModel} (a {@code MultiLayerNetwork}) and {@link Seq2SeqModel} (a
 * {@code ComputationGraph}); a new kind implements this and provides a {@link ModelKind}.
 */
public interface RnnModel {

    /** The declaration this model was built from, as JSON. */
    String specJson();

    /** The underlying DL4J network, with everything DL4J offers. */
    Model network();

    /** A table of layers, output shapes and parameter counts. */
    String summary();

    /** What reads this model back from a bundle (its name is written into the bundle). */
    ModelKind kind();

    /** One update on one batch (inputs and labels in the order the model declares them); returns the batch's loss. */
    double fit(MultiDataSet batch);

    /** The mean loss on a batch without updating (regularisation included, as in training). */
    double score(MultiDataSet batch);

    /** All parameters as one flat view (writes to it change the model). */
    default INDArray params() {
        return network().params();
    }

    /** The updater's state as one flat view (for example Adam's moments), or null when the updater keeps none. */
    INDArray updaterState();

    /** Updates made so far (persisted with the network; learning-rate schedules and Adam's bias correction read it). */
    int iterationCount();

    /** Epochs finished so far (persisted with the network). */
    int epochCount();

    /** Sets both training counters, e.g. when resuming. */
    void setCounters(int iterations, int epochs);

    /** Forgets the recurrent state kept between step-wise calls. */
    void clearState();

    /** Writes the network with its updater state in the form {@link ModelKind#read} takes back. */
    default void writeNetwork(OutputStream out) throws IOException {
        ModelSerializer.writeModel(network(), out, true);
    }

    /** Copies parameters, updater state and counters from a model of the same declaration. */
    default void restoreFrom(RnnModel saved) {
        params().assign(saved.params());
        INDArray state = updaterState();
        INDArray savedState = saved.updaterState();
        if (state != null && savedState != null) {
            state.assign(savedState);
        }
        setCounters(saved.iterationCount(), saved.epochCount());
    }
}
