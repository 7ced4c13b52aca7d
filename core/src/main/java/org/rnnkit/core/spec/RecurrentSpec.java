package org.rnnkit.core.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.recurrent.SimpleRnn;
import org.nd4j.linalg.activations.Activation;
import org.rnnkit.core.layers.GRU;
import org.rnnkit.core.layers.MaskedBidirectional;
import org.rnnkit.core.layers.RecurrentCell;

/**
 * A stack of {@code layers} recurrent layers of one cell type, each returning the whole sequence.
 *
 * @param cell         the recurrent cell
 * @param units        hidden size of each layer (per direction)
 * @param layers       how many layers are stacked (a deep RNN when above 1)
 * @param merge        how a bidirectional layer merges its two directions; {@code null} for one direction
 * @param dropout      dropout rate on the input of every stacked layer after the first, in {@code [0, 1)}
 * @param activation   output activation of the cell (DL4J name, e.g. {@code TANH})
 * @param layerNorm    layer normalisation of the pre-activations (SimpleRnn only: DL4J supports it there)
 * @param resetAfter   GRU only: apply the reset gate after the recurrent product (cuDNN, PyTorch, Keras default)
 * @param chronoTMax   GRU and LSTM: chrono initialisation of the gate biases for dependencies up to this many steps
 *                     (Tallec &amp; Ollivier 2018; see {@link GRU.Builder#chronoInit}); 0, as in specs saved before
 *                     it existed, for off
 */
@JsonTypeName("recurrent")
public record RecurrentSpec(@JsonProperty("cell") Cell cell,
                            @JsonProperty("units") int units,
                            @JsonProperty("layers") int layers,
                            @JsonProperty("merge") Merge merge,
                            @JsonProperty("dropout") double dropout,
                            @JsonProperty("activation") Activation activation,
                            @JsonProperty("layerNorm") boolean layerNorm,
                            @JsonProperty("resetAfter") boolean resetAfter,
                            @JsonProperty("chronoTMax") double chronoTMax) implements LayerSpec {

    @JsonCreator
    public RecurrentSpec {
        SpecException.require(cell != null, "recurrent layer needs a cell type");
        SpecException.require(units > 0, "%s needs a positive number of units, got %d", cell, units);
        SpecException.require(layers > 0, "%s needs at least one layer, got %d", cell, layers);
        SpecException.require(cell != Cell.GRU || activation == null
                || RecurrentCell.supports(activation.getActivationFunction()),
                "GRU supports the activations TANH, SIGMOID, IDENTITY, RELU, HARDSIGMOID, HARDTANH, not %s", activation);
        SpecException.require(dropout >= 0 && dropout < 1, "%s dropout must be in [0, 1), got %s", cell, dropout);
        SpecException.require(!layerNorm || cell == Cell.SIMPLE_RNN,
                "layer normalisation is supported for SIMPLE_RNN only (DL4J has none for %s)", cell);
        SpecException.require(chronoTMax == 0 || (chronoTMax >= 2 && Double.isFinite(chronoTMax)),
                "%s chrono initialisation needs the longest dependency in steps, at least 2 (0 for off), got %s",
                cell, chronoTMax);
        SpecException.require(chronoTMax == 0 || (cell != Cell.SIMPLE_RNN && (activation == null
                || RecurrentCell.supports(activation.getActivationFunction()))),
                "chrono initialisation sets gate biases: it needs a GRU or LSTM with a TANH, SIGMOID, IDENTITY, RELU, "
                        + "HARDSIGMOID or HARDTANH activation, not %s with %s", cell, activation);
        activation = activation == null ? Activation.TANH : activation;
    }

    /** A stack without chrono initialisation (the form before it existed). */
    public RecurrentSpec(Cell cell, int units, int layers, Merge merge, double dropout, Activation activation,
                         boolean layerNorm, boolean resetAfter) {
        this(cell, units, layers, merge, dropout, activation, layerNorm, resetAfter, 0);
    }

    /** One unidirectional layer with default options. */
    public static RecurrentSpec of(Cell cell, int units) {
        return new RecurrentSpec(cell, units, 1, null, 0, Activation.TANH, false, true);
    }

    /** Whether this stack reads sequences in both directions. */
    public boolean bidirectional() {
        return merge != null;
    }

    /** The same stack reading one direction only (an encoder-decoder's decoder). */
    public RecurrentSpec unidirectional() {
        return new RecurrentSpec(cell, units, layers, null, dropout, activation, layerNorm, resetAfter, chronoTMax);
    }

    @Override
    public void validate(Shape incoming, InputSpec input) {
        SpecException.require(incoming == Shape.SEQUENCE,
                "%s needs a sequence as input, but the previous layer already reduced it to a vector", cell);
    }

    @Override
    public void compile(CompileContext context) {
        for (int i = 0; i < layers; i++) {
            context.add(dl4jLayer(i));
        }
    }

    /** The DL4J layer at position {@code index} of this stack (bidirectional wrapper and dropout included). */
    public Layer dl4jLayer(int index) {
        SpecException.require(index >= 0 && index < layers, "layer index %d outside 0..%d", index, layers - 1);
        Layer layer = cellLayer(index > 0 ? dropout : 0);
        return merge == null ? layer : new MaskedBidirectional(merge.mode(), layer);
    }

    /**
     * rnnkit's own layers (faster, same parameters as DL4J's); DL4J's LSTM or SimpleRnn only for what rnnkit's do not
     * offer: layer normalisation, or an activation outside {@link RecurrentCell#supports}.
     */
    private Layer cellLayer(double inputDropout) {
        boolean own = RecurrentCell.supports(activation.getActivationFunction()) && !layerNorm;
        Layer layer = switch (cell) {
            case LSTM -> own ? new org.rnnkit.core.layers.LSTM.Builder().nOut(units).activation(activation)
                    .chronoInit(chronoTMax).build()
                    : new LSTM.Builder().nOut(units).activation(activation).build();
            case SIMPLE_RNN -> own ? new org.rnnkit.core.layers.SimpleRnn.Builder().nOut(units)
                    .activation(activation).build()
                    : new SimpleRnn.Builder().nOut(units).activation(activation).hasLayerNorm(layerNorm).build();
            case GRU -> new GRU.Builder().nOut(units).activation(activation).resetAfter(resetAfter)
                    .chronoInit(chronoTMax).build();
        };
        if (inputDropout > 0) {
            // DL4J's Dropout takes the probability of keeping an activation.
            layer.setIDropout(new Dropout(1 - inputDropout));
        }
        return layer;
    }
}
