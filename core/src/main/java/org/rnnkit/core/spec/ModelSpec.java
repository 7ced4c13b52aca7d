package org.rnnkit.core.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A complete, validated declaration of a sequential recurrent model: what it reads, its layers in
 * order (the last one an {@link OutputSpec}), how it learns, its seed, and its truncated-BPTT length.
 * Immutable; saved as JSON next to the weights so a model can be rebuilt exactly. A declaration without a recurrent
 * layer (dense layers on every step, pooled: the benchmark's feed-forward baseline) is valid here; the builder
 * refuses one, where it is the likely mistake.
 *
 * @param input        what the model reads
 * @param layers       the layers, input to output
 * @param optimizer    updater, learning rate, L2 and clipping
 * @param seed         seed for weight initialisation and dropout
 * @param tbpttLength  truncated back-propagation length in steps, 0 for full BPTT
 */
public record ModelSpec(@JsonProperty("input") InputSpec input,
                        @JsonProperty("layers") List<LayerSpec> layers,
                        @JsonProperty("optimizer") Optimizer optimizer,
                        @JsonProperty("seed") long seed,
                        @JsonProperty("tbpttLength") int tbpttLength) {

    @JsonCreator
    public ModelSpec {
        SpecException.require(input != null, "a model needs an input");
        SpecException.require(optimizer != null, "a model needs an optimizer");
        layers = List.copyOf(layers == null ? List.of() : layers);
        validate(input, layers, tbpttLength);
    }

    /** The head of the model. */
    public OutputSpec output() {
        return (OutputSpec) layers.get(layers.size() - 1);
    }

    /** What the output layer sees: a sequence (many-to-many) or a vector (many-to-one). */
    public Shape outputShape() {
        Shape shape = Shape.SEQUENCE;
        for (LayerSpec layer : layers) {
            shape = layer.outputShape(shape);
        }
        return shape;
    }

    /** Whether any recurrent stack is bidirectional (such a model cannot step through time). */
    public boolean hasBidirectional() {
        return layers.stream().anyMatch(l -> l instanceof RecurrentSpec r && r.bidirectional());
    }

    /** Serialises this spec as JSON. */
    public String toJson() {
        return SpecJson.write(this);
    }

    /** Reads a spec saved by {@link #toJson()}. */
    public static ModelSpec fromJson(String json) {
        return SpecJson.read(json, ModelSpec.class);
    }

    private static void validate(InputSpec input, List<LayerSpec> layers, int tbptt) {
        SpecException.require(!layers.isEmpty() && layers.get(layers.size() - 1) instanceof OutputSpec,
                "a model must end with an output layer (softmax, sigmoid or regression)");
        SpecException.require(input.kind() != InputSpec.Kind.TOKENS || layers.get(0) instanceof EmbeddingSpec,
                "token input (vocabulary of %d) must be followed by embedding(n) as the first layer", input.size());
        SpecException.require(tbptt >= 0, "truncated BPTT length must be >= 0, got %d", tbptt);
        Shape shape = Shape.SEQUENCE;
        for (int i = 0; i < layers.size(); i++) {
            LayerSpec layer = layers.get(i);
            SpecException.require(layer != null, "layer %d is null", i);
            SpecException.require(i == layers.size() - 1 || !(layer instanceof OutputSpec),
                    "the output layer must be last, but layer %d of %d is an output", i + 1, layers.size());
            if (layer instanceof LastStepSpec) {
                SpecException.require(i > 0 && layers.get(i - 1) instanceof RecurrentSpec,
                        "lastStep() must directly follow a recurrent layer (lstm, gru, simpleRnn)");
            }
            if (layer instanceof RecurrentSpec r) {
                SpecException.require(tbptt == 0 || !r.bidirectional(),
                        "truncated BPTT cannot be combined with a bidirectional layer: the backward "
                                + "direction needs the whole sequence");
            }
            layer.validate(shape, input);
            shape = layer.outputShape(shape);
        }
        SpecException.require(tbptt == 0 || shape == Shape.SEQUENCE,
                "truncated BPTT needs an output at every step (many-to-many); this model reduces the sequence to one vector");
    }
}
