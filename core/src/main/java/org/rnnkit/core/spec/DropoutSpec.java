package org.rnnkit.core.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import org.deeplearning4j.nn.conf.dropout.Dropout;

/** Drops each activation with probability {@code rate} during training (inverted dropout), as Keras's {@code Dropout}. */
@JsonTypeName("dropout")
public record DropoutSpec(@JsonProperty("rate") double rate) implements LayerSpec {

    @JsonCreator
    public DropoutSpec {
        SpecException.require(rate > 0 && rate < 1, "dropout rate must be in (0, 1), got %s", rate);
    }

    @Override
    public void compile(CompileContext context) {
        context.perturbNextInput(new Dropout(1 - rate)); // DL4J's Dropout takes the keep probability
    }
}
