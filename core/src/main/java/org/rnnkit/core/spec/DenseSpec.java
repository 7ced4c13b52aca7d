package org.rnnkit.core.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.nd4j.linalg.activations.Activation;

/** A fully connected layer; on a sequence it is applied to every step with shared weights. */
@JsonTypeName("dense")
public record DenseSpec(@JsonProperty("units") int units,
                        @JsonProperty("activation") Activation activation) implements LayerSpec {

    @JsonCreator
    public DenseSpec {
        SpecException.require(units > 0, "dense needs a positive number of units, got %d", units);
        activation = activation == null ? Activation.RELU : activation;
    }

    @Override
    public void compile(CompileContext context) {
        // On sequences DL4J inserts the preprocessors that apply the layer to every step (and carry the mask).
        context.add(new DenseLayer.Builder().nOut(units).activation(activation).build());
    }
}
