package org.rnnkit.core;

import java.io.IOException;
import java.nio.file.Path;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.api.NeuralNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.rnnkit.core.io.ModelBundle;

/**
 * What {@link SequenceModel} and {@link Seq2SeqModel} share: a DL4J network, saving as one bundle, and the training
 * hooks that DL4J's {@code MultiLayerNetwork} and {@code ComputationGraph} answer through a common interface. Each
 * kind adds what the two network types do through unrelated types of their own: fitting and scoring a batch, the
 * training counters (kept in configurations of different classes) and clearing recurrent state.
 *
 * @param <N> the DL4J network type
 */
abstract class NetworkModel<N extends Model & NeuralNetwork> implements RnnModel {
    /** The network; each kind's {@code network()} returns it as its own DL4J type (a public signature to keep). */
    final N network;

    NetworkModel(N network) {
        this.network = network;
    }

    /** Writes this model (network, updater state and spec) to one file, atomically. */
    public void save(Path file) throws IOException {
        ModelBundle.of(this).save(file);
    }

    // Both network types create their updater on first use and return its state view, as training reads it.
    @Override
    public INDArray updaterState() {
        return network.updaterState();
    }
}
