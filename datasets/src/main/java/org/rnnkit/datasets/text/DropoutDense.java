package org.rnnkit.datasets.text;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.nd4j.linalg.activations.Activation;
import org.rnnkit.core.spec.CompileContext;
import org.rnnkit.core.spec.InputSpec;
import org.rnnkit.core.spec.LayerSpec;
import org.rnnkit.core.spec.Shape;
import org.rnnkit.core.spec.SpecException;

/**
 * A classifier head after pooling: dropout on the pooled features, then a dense ReLU layer of {@code units}. The
 * dropout is the dense layer's own input dropout because DL4J's {@code DropoutLayer} (core's {@code dropout(rate)})
 * fails in training here: with a sequence mask it multiplies by the mask column-wise, and after global pooling its
 * backward pass mismatches shapes. A {@link LayerSpec} that {@link TextClassifier} registers with core's JSON.
 *
 * @param units size of the dense layer
 * @param rate  probability of dropping a pooled feature during training, in [0, 1); 0 for none
 */
@JsonTypeName("dropoutDense")
public record DropoutDense(@JsonProperty("units") int units, @JsonProperty("rate") double rate) implements LayerSpec {

    /** Validates units and rate. */
    @JsonCreator
    public DropoutDense {
        SpecException.require(units > 0, "dropoutDense needs a positive number of units, got %d", units);
        SpecException.require(rate >= 0 && rate < 1, "dropout rate must be in [0, 1), got %s", rate);
    }

    @Override
    public void validate(Shape incoming, InputSpec input) {
        SpecException.require(incoming == Shape.VECTOR, "dropoutDense must follow pooling or lastStep()");
    }

    @Override
    public void compile(CompileContext context) {
        DenseLayer.Builder dense = new DenseLayer.Builder().nOut(units).activation(Activation.RELU);
        if (rate > 0) {
            dense.dropOut(new Dropout(1 - rate)); // DL4J's Dropout takes the probability of keeping a value
        }
        context.add(dense.build());
    }
}
