package org.rnnkit.core.builder;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.nd4j.linalg.activations.Activation;
import org.rnnkit.core.SequenceModel;
import org.rnnkit.core.spec.Cell;
import org.rnnkit.core.spec.DenseSpec;
import org.rnnkit.core.spec.DropoutSpec;
import org.rnnkit.core.spec.EmbeddingSpec;
import org.rnnkit.core.spec.InputSpec;
import org.rnnkit.core.spec.LastStepSpec;
import org.rnnkit.core.spec.LayerSpec;
import org.rnnkit.core.spec.ModelSpec;
import org.rnnkit.core.spec.Optimizer;
import org.rnnkit.core.spec.OutputSpec;
import org.rnnkit.core.spec.PoolSpec;
import org.rnnkit.core.spec.RecurrentSpec;
import org.rnnkit.core.spec.SpecException;

/**
 * Declares a sequential recurrent model one layer per line, Keras style. Sizes flow from the input
 * through every layer, so no layer takes an input size. {@link #spec()} gives the immutable,
 * validated declaration; {@link #build()} compiles it to a DL4J network.
 *
 * <pre>{@code
 * SequenceModel model = Rnn.sequence(InputSpec.tokens(5000))
 *         .embedding(64)
 *         .lstm(64, o -> o.layers(2).bidirectional())
 *         .pool(PoolSpec.Pooling.MAX)
 *         .softmax(2)
 *         .build();
 * }</pre>
 */
public final class SequenceBuilder {
    private final InputSpec input;
    private final List<LayerSpec> layers = new ArrayList<>();
    private Optimizer optimizer = Optimizer.adam(1e-3);
    private long seed = 42;
    private int tbpttLength;

    public SequenceBuilder(InputSpec input) {
        this.input = input;
    }

    /** Learned token vectors of {@code units} values; the first layer of a token model. */
    public SequenceBuilder embedding(int units) {
        return layer(new EmbeddingSpec(units));
    }

    /** One SimpleRnn (Elman) layer. */
    public SequenceBuilder simpleRnn(int units) {
        return simpleRnn(units, o -> { });
    }

    /** SimpleRnn layers with options, e.g. {@code o -> o.layers(2).layerNorm()}. */
    public SequenceBuilder simpleRnn(int units, Consumer<RecurrentOptions> options) {
        return recurrent(Cell.SIMPLE_RNN, units, options);
    }

    /** One LSTM layer. */
    public SequenceBuilder lstm(int units) {
        return lstm(units, o -> { });
    }

    /** LSTM layers with options, e.g. {@code o -> o.layers(2).bidirectional().dropout(0.2)}. */
    public SequenceBuilder lstm(int units, Consumer<RecurrentOptions> options) {
        return recurrent(Cell.LSTM, units, options);
    }

    /** One GRU layer. */
    public SequenceBuilder gru(int units) {
        return gru(units, o -> { });
    }

    /** GRU layers with options, e.g. {@code o -> o.layers(2).resetAfter(false)}. */
    public SequenceBuilder gru(int units, Consumer<RecurrentOptions> options) {
        return recurrent(Cell.GRU, units, options);
    }

    /** A fully connected ReLU layer (per step on sequences). */
    public SequenceBuilder dense(int units) {
        return dense(units, Activation.RELU);
    }

    /** A fully connected layer with the given activation (per step on sequences). */
    public SequenceBuilder dense(int units, Activation activation) {
        return layer(new DenseSpec(units, activation));
    }

    /** Dropout with the given rate. */
    public SequenceBuilder dropout(double rate) {
        return layer(new DropoutSpec(rate));
    }

    /** Many-to-one: keep the output of each sequence's last real step. */
    public SequenceBuilder lastStep() {
        return layer(new LastStepSpec());
    }

    /** Many-to-one: pool over the real steps of each sequence. */
    public SequenceBuilder pool(PoolSpec.Pooling pooling) {
        return layer(new PoolSpec(pooling));
    }

    /** Softmax classification over {@code classes} (per sequence or per step). */
    public SequenceBuilder softmax(int classes) {
        return layer(new OutputSpec(classes, OutputSpec.Kind.SOFTMAX));
    }

    /** Independent sigmoid outputs with binary cross-entropy. */
    public SequenceBuilder sigmoid(int labels) {
        return layer(new OutputSpec(labels, OutputSpec.Kind.SIGMOID));
    }

    /** Linear regression of {@code targets} values with mean squared error. */
    public SequenceBuilder regression(int targets) {
        return layer(new OutputSpec(targets, OutputSpec.Kind.LINEAR));
    }

    /** Adds any layer, including a downstream project's own {@link LayerSpec}. */
    public SequenceBuilder layer(LayerSpec layer) {
        layers.add(layer);
        return this;
    }

    /** Updater, learning rate, L2 and gradient clipping (default Adam 1e-3). */
    public SequenceBuilder optimizer(Optimizer value) {
        this.optimizer = value;
        return this;
    }

    /** Seed for weight initialisation and dropout (default 42). */
    public SequenceBuilder seed(long value) {
        this.seed = value;
        return this;
    }

    /** Truncated back-propagation through time over windows of {@code steps} (many-to-many only). */
    public SequenceBuilder truncatedBptt(int steps) {
        this.tbpttLength = steps;
        return this;
    }

    /** The validated, immutable declaration; it must hold at least one recurrent layer. */
    public ModelSpec spec() {
        SpecException.require(layers.stream().anyMatch(RecurrentSpec.class::isInstance),
                "a recurrent model needs at least one recurrent layer (lstm, gru, simpleRnn)");
        return new ModelSpec(input, layers, optimizer, seed, tbpttLength);
    }

    /** Validates, compiles and initialises the network. */
    public SequenceModel build() {
        return SequenceModel.create(spec());
    }

    private SequenceBuilder recurrent(Cell cell, int units, Consumer<RecurrentOptions> options) {
        RecurrentOptions o = new RecurrentOptions(cell, units);
        options.accept(o);
        return layer(o.toSpec());
    }
}
