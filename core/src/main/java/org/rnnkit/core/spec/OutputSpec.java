package org.rnnkit.core.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;
import org.rnnkit.core.layers.SequenceOutput;

/**
 * The output head and its loss. On a vector it gives one prediction per sequence (many-to-one); on a
 * sequence one per step (many-to-many), and then masked steps do not count in the loss.
 *
 * @param units the number of classes or regression targets
 * @param kind  softmax classification, independent sigmoid labels, or linear regression
 */
@JsonTypeName("output")
public record OutputSpec(@JsonProperty("units") int units, @JsonProperty("kind") Kind kind) implements LayerSpec {

    /** Output activation and matching loss. */
    public enum Kind {
        /** Softmax with cross-entropy: exclusive classes. */
        SOFTMAX(Activation.SOFTMAX, LossFunction.MCXENT),
        /** Sigmoid with binary cross-entropy: independent labels. */
        SIGMOID(Activation.SIGMOID, LossFunction.XENT),
        /** Identity with mean squared error: regression. */
        LINEAR(Activation.IDENTITY, LossFunction.MSE);

        final Activation activation;
        final LossFunction loss;

        Kind(Activation activation, LossFunction loss) {
            this.activation = activation;
            this.loss = loss;
        }
    }

    @JsonCreator
    public OutputSpec {
        SpecException.require(units > 0, "output needs a positive number of units, got %d", units);
        SpecException.require(kind != null, "output kind is required");
        SpecException.require(kind != Kind.SOFTMAX || units > 1,
                "softmax over %d class makes no sense: use at least 2 classes, or sigmoid(1)", units);
    }

    @Override
    public void compile(CompileContext context) {
        context.add(context.shape() == Shape.SEQUENCE
                ? new SequenceOutput.Builder(kind.loss).nOut(units).activation(kind.activation).build()
                : new OutputLayer.Builder(kind.loss).nOut(units).activation(kind.activation).build());
    }
}
